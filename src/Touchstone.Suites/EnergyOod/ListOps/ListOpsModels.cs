using Touchstone.Suites.Common;
using Touchstone.Torch;
using Touchstone.Torch.NN;

namespace Touchstone.Suites.EnergyOod.ListOps;

/// <summary>A ListOps classifier as the shared training loop sees it.</summary>
public interface IListOpsModel
{
    /// <summary>Short name used in metric names: <c>transformer</c> or <c>ebt</c>.</summary>
    string Name { get; }

    /// <summary>The parameters' owner (train/eval mode, state).</summary>
    Module Module { get; }

    /// <summary>Logits (batch, 10) whose cross-entropy is the training loss.</summary>
    Tensor TrainingLogits(ListOpsBatch batch);

    /// <summary>Logits for evaluation, without a graph; an EBT adds its mean energy per inference step to
    /// <paramref name="energies"/>.</summary>
    Tensor EvaluationLogits(ListOpsBatch batch, List<double> energies);
}

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

/// <summary>
/// The source's Transformer classifier (model/transformer_standard.py <c>StandardTransformer</c>): token encoder,
/// post-norm encoder layers, mean over the non-padding positions, dropout, Linear(d → 10) with a Xavier-uniform
/// weight and zero bias.
/// </summary>
public sealed class TransformerClassifier : Module, IListOpsModel
{
    private readonly TokenEncoder _tokens;
    private readonly EncoderLayer[] _layers;
    private readonly Linear _classifier;
    private readonly double _dropout;
    private readonly Generator _dropoutGenerator;

    /// <summary>A classifier shaped by <paramref name="config"/>, initialised and dropped out from <paramref name="streams"/>.</summary>
    public TransformerClassifier(TransformerConfig config, RandomStreams streams, int vocabulary, int classes = 10)
    {
        _dropout = config.Dropout;
        _dropoutGenerator = streams.Noise;
        _tokens = RegisterModule("tokens", new TokenEncoder(vocabulary, config.DModel, config.MaxSeqLen, config.Dropout, streams.Init, streams.Noise));
        _layers = Enumerable.Range(0, config.Layers)
            .Select(i => RegisterModule($"layer{i}", new EncoderLayer(config.DModel, config.Heads, config.DFf, config.Dropout, streams.Init, streams.Noise)))
            .ToArray();
        _classifier = RegisterModule("classifier", new Linear(config.DModel, classes, generator: streams.Init));
        using (Autograd.NoGrad())
        {
            Init.XavierUniform_(_classifier.Weight, generator: streams.Init);
            Init.Zeros_(_classifier.Bias!);
        }
    }

    /// <inheritdoc />
    public string Name => "transformer";

    /// <inheritdoc />
    public Module Module => this;

    /// <inheritdoc />
    public Tensor TrainingLogits(ListOpsBatch batch) => Logits(batch);

    /// <inheritdoc />
    public Tensor EvaluationLogits(ListOpsBatch batch, List<double> energies)
    {
        using var noGrad = Autograd.NoGrad();
        return Logits(batch);
    }

    private Tensor Logits(ListOpsBatch batch)
    {
        var x = _tokens.Forward(batch.Ids);
        foreach (var layer in _layers)
        {
            x = layer.Forward(x, batch.Padding);
        }
        var keep = (!batch.Padding).Unsqueeze(-1).To(x.DType);
        var pooled = (x * keep).Sum(1) / keep.Sum(1).Clamp(min: 1e-9);
        return _classifier.Forward(F.Dropout(pooled, _dropout, Training, _dropoutGenerator));
    }
}

/// <summary>
/// The EBT classifier: the candidate answer ŷ is 10 logits; softmax(ŷ) weights a table of class embeddings into one
/// extra token placed before the expression, the Transformer's encoder layers read both, and E = Linear(d → 1) of
/// the candidate token's output. Prediction descends E from ŷ0 ~ N(0, σ²) (see <see cref="EnergyDescent"/>); the
/// training loss is the cross-entropy of ŷ_N.
/// </summary>
public sealed class EnergyClassifier : Module, IListOpsModel
{
    private readonly ListOpsEbtConfig _config;
    private readonly RandomStreams _streams;
    private readonly TokenEncoder _tokens;
    private readonly Parameter _classEmbedding;
    private readonly EncoderLayer[] _layers;
    private readonly Linear _head;
    private readonly int _classes;

    /// <summary>An energy with the Transformer's shape (<paramref name="shape"/>) and the EBT's own settings.</summary>
    public EnergyClassifier(TransformerConfig shape, ListOpsEbtConfig config, RandomStreams streams, int vocabulary, int classes = 10)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(config.InferenceSteps, "list_ops_ebt.inference_steps");
        _config = config;
        _streams = streams;
        _classes = classes;
        _tokens = RegisterModule("tokens", new TokenEncoder(vocabulary, shape.DModel, shape.MaxSeqLen, config.Dropout, streams.Init, streams.Noise));
        using (var scope = DisposeScope.Begin())
        {
            _classEmbedding = RegisterParameter("class_embedding", Init.Normal_(Tensor.Empty([classes, (long)shape.DModel]), 0, Math.Pow(shape.DModel, -0.5), streams.Init));
        }
        _layers = Enumerable.Range(0, shape.Layers)
            .Select(i => RegisterModule($"layer{i}", new EncoderLayer(shape.DModel, shape.Heads, shape.DFf, config.Dropout, streams.Init, streams.Noise)))
            .ToArray();
        _head = RegisterModule("energy", new Linear(shape.DModel, 1, generator: streams.Init));
    }

    /// <inheritdoc />
    public string Name => "ebt";

    /// <inheritdoc />
    public Module Module => this;

    /// <inheritdoc />
    public Tensor TrainingLogits(ListOpsBatch batch) => Descend(batch, _streams.Noise, train: true, null);

    /// <inheritdoc />
    public Tensor EvaluationLogits(ListOpsBatch batch, List<double> energies) => Descend(batch, _streams.EvalNoise, train: false, energies);

    /// <summary>E(x, softmax(ŷ)) for encoded expressions <paramref name="context"/>, shape (batch, 1).</summary>
    public Tensor Energy(Tensor context, Tensor padding, Tensor candidate)
    {
        var answer = candidate.Softmax(-1).MatMul(_classEmbedding).Unsqueeze(1);
        var x = Tensor.Cat([answer, context], 1);
        var mask = Tensor.Cat([Tensor.Zeros([padding.Size(0), 1], DType.Bool, padding.Device), padding], 1);
        foreach (var layer in _layers)
        {
            x = layer.Forward(x, mask);
        }
        return _head.Forward(x.Select(1, 0));
    }

    private Tensor Descend(ListOpsBatch batch, Generator noise, bool train, List<double>? energies)
    {
        using var grad = Autograd.EnableGrad();
        var context = _tokens.Forward(batch.Ids);
        var initial = Tensor.Randn([batch.Count, _classes], noise, context.DType) * _config.InitStd;
        var plan = new DescentPlan { Steps = _config.InferenceSteps, StepSize = _config.StepSize };
        return EnergyDescent.Minimize(y => Energy(context, batch.Padding, y), initial, plan, train, energies);
    }
}
