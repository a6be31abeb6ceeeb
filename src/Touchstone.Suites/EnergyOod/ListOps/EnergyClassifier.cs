using Touchstone.Suites.Common;
using Touchstone.Torch;
using Touchstone.Torch.NN;

namespace Touchstone.Suites.EnergyOod.ListOps;

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
    public EnergyClassifier(TransformerConfig shape, ListOpsEbtConfig config, RandomStreams streams, int classes = 10)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(config.InferenceSteps, "list_ops_ebt.inference_steps");
        _config = config;
        _streams = streams;
        _classes = classes;
        _tokens = RegisterModule("tokens", new TokenEncoder(Tokenizer.Size, shape.DModel, shape.MaxSeqLen, config.Dropout, streams.Init, streams.Noise));
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
