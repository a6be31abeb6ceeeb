using Touchstone.Torch;
using Touchstone.Torch.NN;

namespace Touchstone.Suites.EnergyOod.ListOps;

/// <summary>
/// Token embedding scaled by √d plus the fixed sinusoidal positions of "Attention is all you need", then dropout
/// (model/transformer_standard.py <c>PositionalEncoding</c>). The embedding is drawn from N(0, 1/d), the padding
/// row zero.
/// </summary>
public sealed class TokenEncoder : Module<Tensor, Tensor>
{
    private readonly Embedding _embedding;
    private Tensor _positions;
    private readonly double _dropout;
    private readonly Generator? _dropoutGenerator;
    private readonly int _dModel;

    /// <summary>An encoder for ids below <paramref name="vocabulary"/> and sequences up to <paramref name="maxLength"/>.</summary>
    public TokenEncoder(int vocabulary, int dModel, int maxLength, double dropout, Generator init, Generator? dropoutGenerator)
    {
        _dModel = dModel;
        _dropout = dropout;
        _dropoutGenerator = dropoutGenerator;
        _embedding = RegisterModule("token_embedding", new Embedding(vocabulary, dModel, paddingIdx: Tokenizer.Pad, generator: init));
        using (Autograd.NoGrad())
        {
            Init.Normal_(_embedding.Weight, 0, Math.Pow(dModel, -0.5), init);
            _embedding.Weight.Select(0, Tokenizer.Pad).Fill_(0);
        }
        _positions = RegisterBuffer("pe", Sinusoids(maxLength, dModel));
    }

    /// <summary>(batch, length) ids to (batch, length, d) inputs of the first layer.</summary>
    public override Tensor Forward(Tensor ids)
    {
        var length = ids.Size(1);
        var x = _embedding.Forward(ids) * Math.Sqrt(_dModel) + _positions.Narrow(0, 0, length);
        return F.Dropout(x, _dropout, Training, _dropoutGenerator);
    }

    private static Tensor Sinusoids(int length, int d)
    {
        var values = new float[length * d];
        for (var position = 0; position < length; position++)
        {
            for (var i = 0; i < d; i += 2)
            {
                var angle = position * Math.Exp(i * -Math.Log(10000.0) / d);
                values[position * d + i] = (float)Math.Sin(angle);
                if (i + 1 < d)
                {
                    values[position * d + i + 1] = (float)Math.Cos(angle);
                }
            }
        }
        return Tensor.From(values, new long[] { length, d });
    }

    /// <inheritdoc />
    protected override void OnBufferReplaced(string name, Tensor buffer) => _positions = buffer;
}

/// <summary>
/// One post-norm encoder layer (model/transformer_standard.py <c>TransformerEncoderLayer</c>): x = LN(x +
/// drop(MHA(x))), x = LN(x + drop(W2 drop(ReLU(W1 x)))). Attention is softmax(QKᵀ/√d_k + mask)V with padded keys
/// masked out, written out here from tensor operations.
/// </summary>
public sealed class EncoderLayer : Module<Tensor, Tensor, Tensor>
{
    private readonly Linear _q, _k, _v, _o, _ff1, _ff2;
    private readonly LayerNorm _norm1, _norm2;
    private readonly int _heads;
    private readonly double _dropout;
    private readonly Generator? _dropoutGenerator;

    /// <summary>A layer of width <paramref name="dModel"/>.</summary>
    public EncoderLayer(int dModel, int heads, int dFf, double dropout, Generator init, Generator? dropoutGenerator)
    {
        if (dModel % heads != 0)
        {
            throw new ArgumentException($"transformer.d_model ({dModel}) must be divisible by transformer.heads ({heads})");
        }
        _heads = heads;
        _dropout = dropout;
        _dropoutGenerator = dropoutGenerator;
        _q = RegisterModule("w_q", new Linear(dModel, dModel, generator: init));
        _k = RegisterModule("w_k", new Linear(dModel, dModel, generator: init));
        _v = RegisterModule("w_v", new Linear(dModel, dModel, generator: init));
        _o = RegisterModule("w_o", new Linear(dModel, dModel, generator: init));
        _ff1 = RegisterModule("linear1", new Linear(dModel, dFf, generator: init));
        _ff2 = RegisterModule("linear2", new Linear(dFf, dModel, generator: init));
        _norm1 = RegisterModule("norm1", new LayerNorm(dModel));
        _norm2 = RegisterModule("norm2", new LayerNorm(dModel));
    }

    /// <summary>(batch, length, d) to (batch, length, d); <paramref name="padding"/> is (batch, length), true at padding.</summary>
    public override Tensor Forward(Tensor x, Tensor padding)
    {
        x = _norm1.Forward(x + Drop(Attention(x, padding)));
        return _norm2.Forward(x + Drop(_ff2.Forward(Drop(_ff1.Forward(x).Relu()))));
    }

    private Tensor Attention(Tensor x, Tensor padding)
    {
        var (batch, length, d) = (x.Size(0), x.Size(1), x.Size(2));
        var dk = d / _heads;
        Tensor Heads(Linear projection) => projection.Forward(x).View(batch, length, _heads, dk).Transpose(1, 2);
        var scores = Heads(_q).MatMul(Heads(_k).Transpose(-2, -1)) / Math.Sqrt(dk);
        scores = scores.MaskedFill(padding.View(batch, 1, 1, length), double.NegativeInfinity);
        var weights = Drop(scores.Softmax(-1));
        var mixed = weights.MatMul(Heads(_v)).Transpose(1, 2).Contiguous().View(batch, length, d);
        return _o.Forward(mixed);
    }

    private Tensor Drop(Tensor x) => F.Dropout(x, _dropout, Training, _dropoutGenerator);
}
