using Touchstone.Torch;
using Touchstone.Torch.NN;

namespace Touchstone.Suites.EnergyOod.Vector;

/// <summary>
/// The toy's feed-forward baseline (model/ffn_toy.py): Linear(in → d)–ReLU–Linear(d → d)–ReLU–Linear(d → d)–ReLU–
/// Linear(d → out), trained directly on the MSE.
/// </summary>
public sealed class FeedForward : Module<Tensor, Tensor>
{
    private readonly Sequential _net;

    /// <summary>A network from <paramref name="inputDim"/> to <paramref name="outputDim"/>.</summary>
    public FeedForward(int inputDim, int outputDim, int latentDim, Generator? init = null)
    {
        _net = RegisterModule("net", new Sequential(
            new Linear(inputDim, latentDim, generator: init),
            new ReLU(),
            new Linear(latentDim, latentDim, generator: init),
            new ReLU(),
            new Linear(latentDim, latentDim, generator: init),
            new ReLU(),
            new Linear(latentDim, outputDim, generator: init)));
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => _net.Forward(input);
}
