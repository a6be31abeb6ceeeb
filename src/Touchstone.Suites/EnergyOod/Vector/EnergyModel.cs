using Touchstone.Torch;
using Touchstone.Torch.NN;

namespace Touchstone.Suites.EnergyOod.Vector;

/// <summary>
/// The toy EBT's energy E_θ(x, ŷ) (model/ebt_s1_toy.py): h = MLP([x; ŷ]) with Linear(in → d)–SiLU–Linear(d → d)–
/// SiLU–Linear(d → d), then E = Linear(d → 1)(SiLU(h)). One scalar per example; lower is better.
/// </summary>
public sealed class EnergyModel : Module<Tensor, Tensor, Tensor>
{
    private readonly Sequential _encoder;
    private readonly Linear _head;

    /// <summary>An energy over inputs of <paramref name="inputDim"/> and candidates of <paramref name="outputDim"/>.</summary>
    public EnergyModel(int inputDim, int outputDim, int latentDim, Generator? init = null)
    {
        var combined = inputDim + outputDim;
        _encoder = RegisterModule("encoder", new Sequential(
            new Linear(combined, latentDim, generator: init),
            new SiLU(),
            new Linear(latentDim, latentDim, generator: init),
            new SiLU(),
            new Linear(latentDim, latentDim, generator: init)));
        _head = RegisterModule("linear", new Linear(latentDim, 1, generator: init));
    }

    /// <summary>E_θ(x, ŷ), shape (batch, 1).</summary>
    public override Tensor Forward(Tensor x, Tensor y) => _head.Forward(_encoder.Forward(Tensor.Cat([x, y], 1)).Silu());
}
