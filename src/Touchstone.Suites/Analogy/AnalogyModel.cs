using Touchstone.Torch;
using Touchstone.Torch.NN;

namespace Touchstone.Suites.Analogy;

/// <summary>
/// The source's GPT2LikeEncoder (toy_model/src/model/gpt2.py @291dc97): token embedding, pre-LayerNorm blocks
/// (rotary causal self-attention, GELU MLP of width 4·d), final LayerNorm and an untied, bias-free head. No
/// absolute positions and no dropout (the source's dropout is 0 everywhere). Every Linear and Embedding weight is
/// N(0, 0.02) and every bias zero, as the source's <c>_init</c>.
/// </summary>
public sealed class AnalogyModel : Module<Tensor, Tensor>
{
    private readonly Embedding _tokens;
    private readonly List<Block> _blocks = [];
    private readonly LayerNorm _final;
    private readonly Linear _head;

    /// <summary>Builds the model on the CPU.</summary>
    /// <param name="vocabulary">Tokens (embedding rows and head outputs).</param>
    /// <param name="config">Width, depth, heads and rotary base.</param>
    /// <param name="init">Draws the initial weights (the cell's seed, never the global generator).</param>
    public AnalogyModel(int vocabulary, AnalogyModelConfig config, Generator init)
    {
        // Modules are created in the source's order and then re-initialised in that order, as its apply(_init) does.
        _tokens = RegisterModule("tok_emb", new Embedding(vocabulary, config.DModel, generator: init));
        for (var i = 0; i < config.NLayer; i++)
        {
            _blocks.Add(RegisterModule($"block{i}", new Block(config, init)));
        }
        _final = RegisterModule("ln_f", new LayerNorm(config.DModel));
        _head = RegisterModule("head", new Linear(config.DModel, vocabulary, bias: false, generator: init));

        using var noGrad = Autograd.NoGrad();
        Init.Normal_(_tokens.Weight, 0, 0.02, init);
        foreach (var block in _blocks)
        {
            block.Initialise(init);
        }
        Init.Normal_(_head.Weight, 0, 0.02, init);
    }

    /// <summary>The token embedding table (V, d), whose geometry the Dirichlet energy measures.</summary>
    public Tensor Embeddings => _tokens.Weight;

    /// <summary>Hidden states after the final LayerNorm, (B, L, d), for token ids (B, L).</summary>
    public override Tensor Forward(Tensor tokens)
    {
        var x = _tokens.Forward(tokens);
        foreach (var block in _blocks)
        {
            x = block.Forward(x);
        }
        return _final.Forward(x);
    }

    /// <summary>
    /// Logits (B, V) at each row's last position, the only one the source's loss and metrics read. Rows shorter
    /// than L are right-padded; under the causal mask padding after <paramref name="lastPosition"/> cannot reach
    /// it, so no padding mask is needed.
    /// </summary>
    public Tensor LastLogits(Tensor tokens, Tensor lastPosition)
    {
        var hidden = Forward(tokens);
        var index = lastPosition.View(-1, 1, 1).Expand(-1, 1, hidden.Shape[2]);
        return _head.Forward(hidden.Gather(1, index).Squeeze(1));
    }

    /// <summary>x + attn(ln_1(x)), then x + mlp(ln_2(x)).</summary>
    private sealed class Block : Module<Tensor, Tensor>
    {
        private readonly LayerNorm _ln1, _ln2;
        private readonly RotaryAttention _attention;
        private readonly Linear _fc, _proj;

        public Block(AnalogyModelConfig config, Generator init)
        {
            _ln1 = RegisterModule("ln_1", new LayerNorm(config.DModel));
            _attention = RegisterModule("attn", new RotaryAttention(config, init));
            _ln2 = RegisterModule("ln_2", new LayerNorm(config.DModel));
            _fc = RegisterModule("mlp_fc", new Linear(config.DModel, 4 * config.DModel, generator: init));
            _proj = RegisterModule("mlp_proj", new Linear(4 * config.DModel, config.DModel, generator: init));
        }

        public void Initialise(Generator init)
        {
            _attention.Initialise(init);
            GptInit(_fc, init);
            GptInit(_proj, init);
        }

        public override Tensor Forward(Tensor x)
        {
            x = x + _attention.Forward(_ln1.Forward(x));
            return x + _proj.Forward(_fc.Forward(_ln2.Forward(x)).Gelu());
        }
    }

    /// <summary>Causal self-attention with rotary positions on queries and keys (CausalSelfAttentionRoPE).</summary>
    private sealed class RotaryAttention : Module<Tensor, Tensor>
    {
        private readonly Linear _qkv, _out;
        private readonly int _heads;
        private readonly double _base;

        public RotaryAttention(AnalogyModelConfig config, Generator init)
        {
            _heads = config.NHead;
            _base = config.RopeBase;
            _qkv = RegisterModule("qkv", new Linear(config.DModel, 3 * config.DModel, generator: init));
            _out = RegisterModule("out", new Linear(config.DModel, config.DModel, generator: init));
        }

        public void Initialise(Generator init)
        {
            GptInit(_qkv, init);
            GptInit(_out, init);
        }

        public override Tensor Forward(Tensor x)
        {
            var (b, l, c) = (x.Shape[0], x.Shape[1], x.Shape[2]);
            var headDim = c / _heads;
            var qkv = _qkv.Forward(x).Chunk(3, -1);
            var (q, k, v) = (Heads(qkv[0]), Heads(qkv[1]), Heads(qkv[2]));
            var (cos, sin) = Rotary.Table(l, headDim, _base, x.Device);
            q = Rotary.Apply(q, cos, sin);
            k = Rotary.Apply(k, cos, sin);
            var scores = q.MatMul(k.Transpose(-2, -1)) / Math.Sqrt(headDim);
            scores = scores.MaskedFill(CausalMask(l, x.Device), double.NegativeInfinity);
            var y = scores.Softmax(-1).MatMul(v).Transpose(1, 2).Contiguous().View(b, l, c);
            return _out.Forward(y);

            Tensor Heads(Tensor t) => t.View(b, l, _heads, headDim).Transpose(1, 2);
        }
    }

    /// <summary>True above the diagonal: position i may not attend to j &gt; i.</summary>
    public static Tensor CausalMask(long length, Device device) =>
        Tensor.Ones([length, length], DType.Bool, device).Triu(1);

    private static void GptInit(Linear linear, Generator init)
    {
        Init.Normal_(linear.Weight, 0, 0.02, init);
        if (linear.Bias is { } bias)
        {
            Init.Zeros_(bias);
        }
    }
}

/// <summary>
/// Rotary position embedding as the source writes it (RotaryEmbedding, rotate_half, apply_rope): frequencies
/// base^(−2i/d) for i &lt; d/2, repeated for both halves, and x·cos + rotate_half(x)·sin with
/// rotate_half(x) = [−x₂, x₁] — dimension i is rotated together with dimension i + d/2.
/// </summary>
public static class Rotary
{
    /// <summary>The (L, d) cos and sin tables for positions 0 … L−1.</summary>
    public static (Tensor Cos, Tensor Sin) Table(long length, long dim, double rotaryBase, Device device)
    {
        // inv_freq = 1 / base^(arange(0, d, 2) / d), in float32 as the source computes it.
        var inverse = Enumerable.Range(0, (int)(dim / 2)).Select(i => 1f / MathF.Pow((float)rotaryBase, 2f * i / dim)).ToArray();
        var angles = Tensor.Arange(0, length, 1, DType.Float32, device).Unsqueeze(1) * Tensor.From(inverse, [dim / 2], device).Unsqueeze(0);
        var both = Tensor.Cat([angles, angles], -1);
        return (both.Cos(), both.Sin());
    }

    /// <summary>Rotates (…, L, d) by the tables.</summary>
    public static Tensor Apply(Tensor x, Tensor cos, Tensor sin)
    {
        var half = x.Shape[^1] / 2;
        var rotated = Tensor.Cat([-x.Narrow(-1, half, half), x.Narrow(-1, 0, half)], -1);
        return x * cos + rotated * sin;
    }
}
