using Touchstone.Suites.Common;
using Touchstone.Torch;
using Touchstone.Torch.NN;

namespace Touchstone.Suites.EnergyOod.ListOps;

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
    public TransformerClassifier(TransformerConfig config, RandomStreams streams, int classes = 10)
    {
        _dropout = config.Dropout;
        _dropoutGenerator = streams.Noise;
        _tokens = RegisterModule("tokens", new TokenEncoder(Tokenizer.Size, config.DModel, config.MaxSeqLen, config.Dropout, streams.Init, streams.Noise));
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
