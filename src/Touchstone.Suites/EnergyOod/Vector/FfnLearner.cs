using Touchstone.Suites.Common;
using Touchstone.Torch;
using Touchstone.Torch.NN;
using Touchstone.Torch.Optim;

namespace Touchstone.Suites.EnergyOod.Vector;

/// <summary>The FFN baseline with Adam on the MSE (model/ffn_toy.py <c>train_feedforward</c>).</summary>
public sealed class FfnLearner : IVectorLearner
{
    private readonly FfnConfig _config;
    private readonly FeedForward _model;
    private readonly Adam _optimizer;

    /// <summary>A fresh model initialised from <paramref name="streams"/>.</summary>
    public FfnLearner(FfnConfig config, int inputDim, int outputDim, RandomStreams streams)
    {
        _config = config;
        _model = new FeedForward(inputDim, outputDim, config.LatentDim, streams.Init);
        _model.To(streams.Device);
        _optimizer = new Adam(_model.Parameters(), lr: config.Lr);
    }

    /// <inheritdoc />
    public string Name => "ffn";

    /// <inheritdoc />
    public int Steps => _config.Steps;

    /// <inheritdoc />
    public int BatchSize => _config.BatchSize;

    /// <inheritdoc />
    public double TrainStep(Tensor x, Tensor y, bool readLoss)
    {
        using var scope = DisposeScope.Begin();
        var loss = F.MseLoss(_model.Forward(x), y);
        _optimizer.ZeroGrad();
        loss.Backward();
        _optimizer.Step();
        return readLoss ? loss.Item<double>() : double.NaN;
    }

    /// <inheritdoc />
    public VectorEvaluation Evaluate(Tensor x, Tensor y)
    {
        using var scope = DisposeScope.Begin();
        using var noGrad = Autograd.NoGrad();
        return new VectorEvaluation(F.MseLoss(_model.Forward(x), y).Item<double>(), []);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _optimizer.Dispose();
        _model.Dispose();
    }
}
