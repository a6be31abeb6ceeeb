using Touchstone.Torch.Interop;

namespace Touchstone.Torch.NN;

/// <summary>A multi-layer LSTM, as torch.nn.LSTM (same parameter names, shapes, order and initialisation), run by
/// libtorch's fused implementation. Dropout between layers draws its masks from the LSTM's own dropout generator,
/// never from libtorch's global one, so that a model's masks do not depend on what other threads draw (cells run
/// side by side under <c>--jobs</c>): in training with dropout, the layers run one fused call each with
/// <see cref="F.Dropout"/> between them.</summary>
/// <example><code>
/// using var masks = new Generator(seed: 7);
/// var lstm = new LSTM(inputSize: 16, hiddenSize: 32, numLayers: 2, batchFirst: true, dropout: 0.1, dropoutGenerator: masks);
/// var (output, (h, c)) = lstm.Forward(x);            // x: (batch, seq, 16) → output: (batch, seq, 32)
/// var (next, state) = lstm.Forward(x2, (h, c));      // continue from a state
/// </code></example>
public sealed class LSTM : Module
{
    private readonly List<Parameter> _flat = new();
    private readonly Generator? _dropoutGenerator;

    /// <summary>Creates the LSTM with weights drawn from U(±1/√hiddenSize).</summary>
    /// <param name="inputSize">Features per input step.</param>
    /// <param name="hiddenSize">Features of the hidden state.</param>
    /// <param name="numLayers">Stacked layers.</param>
    /// <param name="bias">Whether the gates have biases.</param>
    /// <param name="batchFirst">Inputs and outputs are (batch, seq, features) rather than (seq, batch, features).</param>
    /// <param name="dropout">Dropout on the outputs of each layer but the last, in training mode.</param>
    /// <param name="bidirectional">Each layer also runs backwards in time.</param>
    /// <param name="dtype">Parameter type.</param>
    /// <param name="device">Parameter device.</param>
    /// <param name="generator">Draws the initial weights (or the global generator).</param>
    /// <param name="dropoutGenerator">Draws the dropout masks between layers; required when
    /// <paramref name="dropout"/> &gt; 0 and <paramref name="numLayers"/> &gt; 1, and it must live on the device the
    /// LSTM runs on.</param>
    public LSTM(long inputSize, long hiddenSize, long numLayers = 1, bool bias = true, bool batchFirst = false,
        double dropout = 0, bool bidirectional = false, DType dtype = DType.Float32, Device? device = null, Generator? generator = null,
        Generator? dropoutGenerator = null)
    {
        if (numLayers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(numLayers), numLayers, "an LSTM has at least one layer");
        }
        if (dropout is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(dropout), dropout, "dropout must be in [0, 1]");
        }
        if (dropout > 0 && numLayers > 1 && dropoutGenerator is null)
        {
            throw new ArgumentException("an LSTM with dropout between layers needs a dropoutGenerator: masks drawn from libtorch's " +
                "global generator would depend on what other threads draw (pass e.g. the cell's RandomStreams.Dropout)", nameof(dropoutGenerator));
        }
        (InputSize, HiddenSize, NumLayers, HasBias, BatchFirst, DropoutP, Bidirectional) =
            (inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional);
        _dropoutGenerator = dropoutGenerator;
        var directions = bidirectional ? 2 : 1;
        var bound = 1 / Math.Sqrt(hiddenSize);
        using var scope = DisposeScope.Begin();
        for (var layer = 0; layer < numLayers; layer++)
        {
            for (var direction = 0; direction < directions; direction++)
            {
                var suffix = $"_l{layer}{(direction == 1 ? "_reverse" : "")}";
                var layerInput = layer == 0 ? inputSize : hiddenSize * directions;
                Add($"weight_ih{suffix}", [4 * hiddenSize, layerInput]);
                Add($"weight_hh{suffix}", [4 * hiddenSize, hiddenSize]);
                if (!bias)
                {
                    continue;
                }
                Add($"bias_ih{suffix}", [4 * hiddenSize]);
                Add($"bias_hh{suffix}", [4 * hiddenSize]);
            }
        }
        foreach (var p in _flat)
        {
            Init.Uniform_(p, -bound, bound, generator);
        }

        void Add(string name, long[] shape) => _flat.Add(RegisterParameter(name, Tensor.Empty(shape, dtype, device)));
    }

    /// <summary>Features per input step.</summary>
    public long InputSize { get; }
    /// <summary>Features of the hidden state.</summary>
    public long HiddenSize { get; }
    /// <summary>Stacked layers.</summary>
    public long NumLayers { get; }
    /// <summary>Whether the gates have biases.</summary>
    public bool HasBias { get; }
    /// <summary>Whether inputs and outputs are (batch, seq, features) rather than (seq, batch, features).</summary>
    public bool BatchFirst { get; }
    /// <summary>Dropout on the outputs of each layer but the last, in training mode.</summary>
    public double DropoutP { get; }
    /// <summary>Whether each layer also runs backwards in time.</summary>
    public bool Bidirectional { get; }

    /// <summary>Runs the sequence from the given (h0, c0), each (layers · directions, batch, hidden), or from
    /// zeros. Returns the output of the last layer at every step and the final (h, c).</summary>
    public (Tensor Output, (Tensor H, Tensor C) State) Forward(Tensor input, (Tensor H, Tensor C)? state = null)
    {
        if (!Training || DropoutP == 0 || NumLayers == 1)
        {
            return Fused(input, state, _flat, NumLayers);
        }
        // Layer by layer, so that the masks between layers come from the LSTM's own generator.
        var directions = Bidirectional ? 2 : 1;
        var perLayer = _flat.Count / (int)NumLayers;
        var (hs, cs) = (new List<Tensor>(), new List<Tensor>());
        var x = input;
        for (var layer = 0; layer < NumLayers; layer++)
        {
            (Tensor H, Tensor C)? layerState = state is { } s
                ? (s.H.Narrow(0, layer * directions, directions), s.C.Narrow(0, layer * directions, directions))
                : null;
            var (output, (h, c)) = Fused(x, layerState, _flat.GetRange(layer * perLayer, perLayer), 1);
            hs.Add(h);
            cs.Add(c);
            x = layer < NumLayers - 1 ? F.Dropout(output, DropoutP, training: true, _dropoutGenerator) : output;
        }
        return (x, (Tensor.Cat(hs, 0), Tensor.Cat(cs, 0)));
    }

    private (Tensor Output, (Tensor H, Tensor C) State) Fused(Tensor input, (Tensor H, Tensor C)? state, List<Parameter> parameters, long layers)
    {
        var handles = Native.Handles(parameters);
        var h0 = state?.H.Handle ?? TensorHandle.Null;
        var c0 = state?.C.Handle ?? TensorHandle.Null;
        // Dropout is 0 here: between layers it is applied above, from the LSTM's own generator.
        Native.Check(NativeMethods.ts_lstm(input.Handle, h0, c0, handles, handles.Length, HasBias, layers, 0,
            Training, Bidirectional, BatchFirst, out var output, out var h, out var c), "lstm");
        GC.KeepAlive(parameters);
        return (new Tensor(output), (new Tensor(h), new Tensor(c)));
    }
}
