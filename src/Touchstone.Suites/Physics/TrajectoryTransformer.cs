using Touchstone.Torch;
using Touchstone.Torch.NN;

namespace Touchstone.Suites.Physics;

/// <summary>Sizes of the source's trajectory Transformer.</summary>
/// <param name="Features">Features per frame in and out (25).</param>
/// <param name="Frames">Input frames (10); output position i predicts frame 10 + i.</param>
/// <param name="Width">d_model (256).</param>
/// <param name="Blocks">Transformer blocks (6).</param>
/// <param name="Heads">Attention heads (8).</param>
/// <param name="Dropout">Dropout after attention and feed-forward (0.1).</param>
public sealed record TrajectoryTransformerConfig(int Features = 25, int Frames = 10, int Width = 256, int Blocks = 6, int Heads = 8, double Dropout = 0.1);

/// <summary>
/// The source's PhysicsTransformer (experiments/01_physics_worlds/train_progressive_paperspace.py at ddf0424):
/// Dense → width, plus fixed sinusoidal positions (sin on even, cos on odd channels, rate 10000^(−2⌊i/2⌋/width)),
/// post-norm blocks (self-attention → dropout → LayerNorm(x + ·), then Dense 4·width ReLU → Dense width → dropout →
/// LayerNorm(x + ·), LayerNorm ε = 1e-6 as Keras), and Dense → features at every position. Every Dense weight is
/// Glorot-uniform with zero bias, Keras's default.
/// </summary>
public sealed class TrajectoryTransformer : Module<Tensor, Tensor>
{
    private readonly Linear _input;
    private Tensor _positions;
    private readonly List<TransformerBlock> _blocks = [];
    private readonly Linear _output;

    /// <summary>Builds the model on the CPU.</summary>
    public TrajectoryTransformer(TrajectoryTransformerConfig config, Generator init, Generator dropout)
    {
        if (config.Width % config.Heads != 0)
        {
            throw new ArgumentException($"model.width ({config.Width}) must be a multiple of model.heads ({config.Heads}).", nameof(config));
        }

        _input = RegisterModule("input", KerasDense(config.Features, config.Width, init));
        _positions = RegisterBuffer("positions", Sinusoids(config.Frames, config.Width));
        for (var i = 0; i < config.Blocks; i++)
        {
            _blocks.Add(RegisterModule($"block{i}", new TransformerBlock(config.Width, config.Heads, config.Dropout, init, dropout)));
        }

        _output = RegisterModule("output", KerasDense(config.Width, config.Features, init));
    }

    /// <summary>Maps [batch, frames, features] to [batch, frames, features].</summary>
    public override Tensor Forward(Tensor x)
    {
        var h = _input.Forward(x) + _positions;
        foreach (var block in _blocks)
        {
            h = block.Forward(h);
        }

        return _output.Forward(h);
    }

    /// <inheritdoc />
    protected override void OnBufferReplaced(string name, Tensor buffer) => _positions = buffer;

    /// <summary>The source's sinusoidal table, [frames, width].</summary>
    public static Tensor Sinusoids(int frames, int width)
    {
        var table = new float[frames * width];
        for (var pos = 0; pos < frames; pos++)
        {
            for (var i = 0; i < width; i++)
            {
                var angle = pos / Math.Pow(10000, 2 * (i / 2) / (double)width);
                table[(pos * width) + i] = (float)(i % 2 == 0 ? Math.Sin(angle) : Math.Cos(angle));
            }
        }

        return Tensor.From(table, [frames, width]);
    }

    /// <summary>A Linear with Keras's Dense initialisation (Glorot-uniform weight, zero bias).</summary>
    internal static Linear KerasDense(int inputs, int outputs, Generator init)
    {
        var linear = new Linear(inputs, outputs, generator: init);
        Init.XavierUniform_(linear.Weight, generator: init);
        Init.Zeros_(linear.Bias!);
        return linear;
    }
}

/// <summary>One post-norm block of the source's Transformer (its TransformerBlock).</summary>
internal sealed class TransformerBlock : Module<Tensor, Tensor>
{
    private readonly int _heads;
    private readonly Linear _query;
    private readonly Linear _key;
    private readonly Linear _value;
    private readonly Linear _project;
    private readonly Dropout _dropout1;
    private readonly LayerNorm _norm1;
    private readonly Linear _expand;
    private readonly Linear _contract;
    private readonly Dropout _dropout2;
    private readonly LayerNorm _norm2;

    public TransformerBlock(int width, int heads, double dropout, Generator init, Generator dropoutGenerator)
    {
        _heads = heads;
        _query = RegisterModule("query", TrajectoryTransformer.KerasDense(width, width, init));
        _key = RegisterModule("key", TrajectoryTransformer.KerasDense(width, width, init));
        _value = RegisterModule("value", TrajectoryTransformer.KerasDense(width, width, init));
        _project = RegisterModule("project", TrajectoryTransformer.KerasDense(width, width, init));
        _dropout1 = RegisterModule("dropout1", new Dropout(dropout, dropoutGenerator));
        _norm1 = RegisterModule("norm1", new LayerNorm(width, eps: 1e-6));
        _expand = RegisterModule("expand", TrajectoryTransformer.KerasDense(width, 4 * width, init));
        _contract = RegisterModule("contract", TrajectoryTransformer.KerasDense(4 * width, width, init));
        _dropout2 = RegisterModule("dropout2", new Dropout(dropout, dropoutGenerator));
        _norm2 = RegisterModule("norm2", new LayerNorm(width, eps: 1e-6));
    }

    public override Tensor Forward(Tensor x)
    {
        var attended = _dropout1.Forward(Attention(x));
        var h = _norm1.Forward(x + attended);
        var fed = _dropout2.Forward(_contract.Forward(_expand.Forward(h).Relu()));
        return _norm2.Forward(h + fed);
    }

    // Keras MultiHeadAttention with key_dim = width / heads: softmax(q kᵀ / √key_dim) v per head, then a projection.
    private Tensor Attention(Tensor x)
    {
        var batch = x.Shape[0];
        var frames = x.Shape[1];
        var width = x.Shape[2];
        var size = width / _heads;
        Tensor Split(Tensor t) => t.View(batch, frames, _heads, size).Permute(0, 2, 1, 3);
        var q = Split(_query.Forward(x));
        var k = Split(_key.Forward(x));
        var v = Split(_value.Forward(x));
        var weights = (q.MatMul(k.MT) * (1 / Math.Sqrt(size))).Softmax(-1);
        var mixed = weights.MatMul(v).Permute(0, 2, 1, 3).Contiguous().View(batch, frames, width);
        return _project.Forward(mixed);
    }
}
