using Touchstone.Torch.Interop;

namespace Touchstone.Torch.NN;

/// <summary>A multi-layer LSTM, as torch.nn.LSTM (same parameter names, shapes, order and initialisation), run by
/// libtorch's fused implementation. Dropout between layers draws from the global generator.</summary>
/// <example><code>
/// var lstm = new LSTM(inputSize: 16, hiddenSize: 32, numLayers: 2, batchFirst: true, dropout: 0.1);
/// var (output, (h, c)) = lstm.Forward(x);            // x: (batch, seq, 16) → output: (batch, seq, 32)
/// var (next, state) = lstm.Forward(x2, (h, c));      // continue from a state
/// </code></example>
public sealed class LSTM : Module
{
    private readonly List<Parameter> _flat = new();

    /// <summary>Creates the LSTM with weights drawn from U(±1/√hiddenSize).</summary>
    public LSTM(long inputSize, long hiddenSize, long numLayers = 1, bool bias = true, bool batchFirst = false,
        double dropout = 0, bool bidirectional = false, DType dtype = DType.Float32, Device? device = null, Generator? generator = null)
    {
        if (numLayers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(numLayers), numLayers, "an LSTM has at least one layer");
        }
        if (dropout is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(dropout), dropout, "dropout must be in [0, 1]");
        }
        (InputSize, HiddenSize, NumLayers, HasBias, BatchFirst, DropoutP, Bidirectional) =
            (inputSize, hiddenSize, numLayers, bias, batchFirst, dropout, bidirectional);
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
        var handles = Native.Handles(_flat);
        var h0 = state?.H.Handle ?? TensorHandle.Null;
        var c0 = state?.C.Handle ?? TensorHandle.Null;
        Native.Check(NativeMethods.ts_lstm(input.Handle, h0, c0, handles, handles.Length, HasBias, NumLayers, DropoutP,
            Training, Bidirectional, BatchFirst, out var output, out var h, out var c), "lstm");
        GC.KeepAlive(_flat);
        return (new Tensor(output), (new Tensor(h), new Tensor(c)));
    }
}
