using Touchstone.Torch;
using Touchstone.Torch.NN;

namespace Touchstone.Suites.RegressionVsFlow;

/// <summary>
/// A network v(x, c, t) of toyexp/common/networks.py. A network built without time ignores t, as the source's
/// use_time = False models do (regression, straight_flow and mip_one_step_integrate). It derives from the untyped
/// Module because it takes three inputs, one more than the typed module bases have.
/// </summary>
public abstract class ConditionalMlp : Module
{
    /// <summary>Whether t is an input.</summary>
    public abstract bool UsesTime { get; }

    /// <summary>The output for states <paramref name="x"/> [n, x_dim], conditions <paramref name="c"/> [n, 1] and times <paramref name="t"/> [n, 1].</summary>
    public abstract Tensor Forward(Tensor x, Tensor c, Tensor t);

    /// <summary>The source's create_model: ConcatMLP or FiLMMLP with x_dim = output_dim = <paramref name="dim"/> and c_dim = 1.</summary>
    public static ConditionalMlp Create(NetworkConfig config, int dim, bool usesTime, Generator init) => config.Architecture switch
    {
        Architecture.Film => new FilmMlp(dim, config.HiddenDim, config.NumLayers, usesTime, init),
        _ => new ConcatMlp(dim, config.HiddenDim, config.NumLayers, usesTime, init),
    };
}

/// <summary>ConcatMLP: Linear([x, c, t]) → ReLU, (num_layers − 1) × (Linear → ReLU), Linear head; PyTorch's default Linear initialisation.</summary>
public sealed class ConcatMlp : ConditionalMlp
{
    private readonly Sequential _network;
    private readonly bool _usesTime;

    /// <summary>Builds the network on the CPU from <paramref name="init"/>.</summary>
    public ConcatMlp(int dim, int hidden, int layers, bool usesTime, Generator init)
    {
        _usesTime = usesTime;
        var modules = new List<Module<Tensor, Tensor>> { new Linear(dim + 1 + (usesTime ? 1 : 0), hidden, generator: init), new ReLU() };
        for (var i = 1; i < layers; i++)
        {
            modules.Add(new Linear(hidden, hidden, generator: init));
            modules.Add(new ReLU());
        }
        modules.Add(new Linear(hidden, dim, generator: init));
        _network = RegisterModule("network", new Sequential([.. modules]));
    }

    /// <inheritdoc />
    public override bool UsesTime => _usesTime;

    /// <inheritdoc />
    public override Tensor Forward(Tensor x, Tensor c, Tensor t) =>
        _network.Forward(Tensor.Cat(_usesTime ? [x, c, t] : [x, c], dim: -1));
}

/// <summary>
/// FiLMMLP: h = ReLU(Linear(x)); then (num_layers − 1) × h = ReLU(γ ⊙ Linear(h) + β) with [γ, β] =
/// Linear([c, t]) split in two; a Linear head. The condition enters only through γ and β.
/// </summary>
public sealed class FilmMlp : ConditionalMlp
{
    private readonly Linear _input;
    private readonly Linear[] _hidden;
    private readonly Linear[] _film;
    private readonly Linear _output;
    private readonly bool _usesTime;

    /// <summary>Builds the network on the CPU from <paramref name="init"/>, layer by layer in the source's order.</summary>
    public FilmMlp(int dim, int hidden, int layers, bool usesTime, Generator init)
    {
        _usesTime = usesTime;
        var condition = 1 + (usesTime ? 1 : 0);
        _input = RegisterModule("input_proj", new Linear(dim, hidden, generator: init));
        _hidden = new Linear[layers - 1];
        _film = new Linear[layers - 1];
        for (var i = 0; i < layers - 1; i++)
        {
            _hidden[i] = RegisterModule($"hidden_layers_{i}", new Linear(hidden, hidden, generator: init));
            _film[i] = RegisterModule($"film_layers_{i}", new Linear(condition, 2 * hidden, generator: init));
        }
        _output = RegisterModule("output_layer", new Linear(hidden, dim, generator: init));
    }

    /// <inheritdoc />
    public override bool UsesTime => _usesTime;

    /// <inheritdoc />
    public override Tensor Forward(Tensor x, Tensor c, Tensor t)
    {
        var condition = _usesTime ? Tensor.Cat([c, t], dim: -1) : c;
        var h = _input.Forward(x).Relu();
        for (var i = 0; i < _hidden.Length; i++)
        {
            var gammaBeta = _film[i].Forward(condition).Chunk(2, dim: -1);
            h = (gammaBeta[0] * _hidden[i].Forward(h) + gammaBeta[1]).Relu();
        }
        return _output.Forward(h);
    }
}
