using Touchstone.Torch;
using Touchstone.Torch.NN;

namespace Touchstone.Suites.Spectral;

/// <summary>
/// The source's SpectralMLP (src/models/mlp.py): for each hidden width Linear → ReLU → Dropout, then a linear head
/// over all 20 abundances. Every Linear weight is Kaiming-normal (fan in, ReLU gain √2) and every bias zero.
/// </summary>
public sealed class SpectralModel : Module<Tensor, Tensor>
{
    private readonly Sequential _network;

    /// <summary>Builds the network on the CPU.</summary>
    /// <param name="inputs">Spectrum bins.</param>
    /// <param name="config">Hidden widths and dropout.</param>
    /// <param name="outputs">Abundances to predict.</param>
    /// <param name="init">Draws the initial weights (the cell's seed, never the global generator).</param>
    /// <param name="dropout">Draws the dropout masks; it must live on the device the model will train on.</param>
    public SpectralModel(int inputs, SpectralModelConfig config, int outputs, Generator init, Generator dropout)
    {
        var layers = new List<Module<Tensor, Tensor>>();
        var width = inputs;
        foreach (var hidden in config.Hidden)
        {
            layers.Add(new Linear(width, hidden, generator: init));
            layers.Add(new ReLU());
            layers.Add(new Dropout(config.Dropout, dropout));
            width = hidden;
        }
        layers.Add(new Linear(width, outputs, generator: init));
        _network = RegisterModule("network", new Sequential([.. layers]));

        // As in the source, the layers' default initialisation runs first and is then overwritten.
        foreach (var linear in layers.OfType<Linear>())
        {
            Init.KaimingNormal_(linear.Weight, nonlinearity: Nonlinearity.Relu, generator: init);
            Init.Zeros_(linear.Bias!);
        }
    }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input) => _network.Forward(input);
}
