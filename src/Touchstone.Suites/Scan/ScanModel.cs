using Touchstone.Torch;
using Touchstone.Torch.NN;

namespace Touchstone.Suites.Scan;

/// <summary>
/// Lake &amp; Baroni's encoder–decoder without attention: embeddings (dropout), a stacked LSTM encoder whose final
/// (h, c) of every layer starts a stacked LSTM decoder, and a linear read-out of the decoder's top layer. As in
/// torch.nn.LSTM(dropout=p), dropout sits between stacked layers (not after the last); each layer is its own
/// one-layer LSTM so that those masks, too, come from the cell's dropout generator rather than libtorch's global
/// one. Sequences are (time, batch).
/// </summary>
public sealed class ScanModel : Module
{
    private readonly Embedding _inputEmbedding, _outputEmbedding;
    private readonly LSTM[] _encoder, _decoder;
    private readonly Linear _readOut;
    private readonly Generator _dropout;
    private readonly double _p;

    /// <summary>Builds the model on the CPU with PyTorch's default initialisation drawn from <paramref name="init"/>.</summary>
    /// <param name="config">Sizes and dropout.</param>
    /// <param name="inputVocabulary">Command tokens (with EOS).</param>
    /// <param name="outputVocabulary">Action tokens (with SOS and EOS).</param>
    /// <param name="init">Draws the initial weights.</param>
    /// <param name="dropout">Draws the dropout masks; it must live on the training device.</param>
    public ScanModel(ScanModelConfig config, int inputVocabulary, int outputVocabulary, Generator init, Generator dropout)
    {
        _p = config.Dropout;
        _dropout = dropout;
        _inputEmbedding = RegisterModule("input_embedding", new Embedding(inputVocabulary, config.Embedding, generator: init));
        _outputEmbedding = RegisterModule("output_embedding", new Embedding(outputVocabulary, config.Embedding, generator: init));
        _encoder = Stack("encoder", config, init);
        _decoder = Stack("decoder", config, init);
        _readOut = RegisterModule("read_out", new Linear(config.Hidden, outputVocabulary, generator: init));
    }

    private LSTM[] Stack(string name, ScanModelConfig config, Generator init) =>
        Enumerable.Range(0, config.Layers)
            .Select(l => RegisterModule($"{name}_l{l}", new LSTM(l == 0 ? config.Embedding : config.Hidden, config.Hidden, generator: init)))
            .ToArray();

    /// <summary>Reads the command ids (time, batch) and returns every layer's final (h, c).</summary>
    public (Tensor H, Tensor C)[] Encode(Tensor command)
    {
        var states = new (Tensor H, Tensor C)[_encoder.Length];
        Run(_encoder, _inputEmbedding.Forward(command), states, initial: null);
        return states;
    }

    /// <summary>
    /// Reads a padded batch of commands (time, batch) and returns every layer's (h, c) after each command's own last
    /// token: <paramref name="mask"/> (time, batch, 1) is true at real tokens, and at padding the states are carried
    /// over unchanged (as Keras's mask_zero does), so the padding a batch needs never reaches the decoder.
    /// </summary>
    public (Tensor H, Tensor C)[] Encode(Tensor command, Tensor mask)
    {
        var embedded = F.Dropout(_inputEmbedding.Forward(command), _p, Training, _dropout);
        var (steps, batch) = (command.Size(0), command.Size(1));
        var states = new (Tensor H, Tensor C)[_encoder.Length];
        for (var l = 0; l < _encoder.Length; l++)
        {
            var zeros = Tensor.Zeros([1, batch, _encoder[l].HiddenSize], embedded.DType, embedded.Device);
            states[l] = (zeros, zeros);
        }
        for (var t = 0; t < steps; t++)
        {
            var x = embedded.Narrow(0, t, 1);
            var real = mask.Narrow(0, t, 1);
            for (var l = 0; l < _encoder.Length; l++)
            {
                var (output, (h, c)) = _encoder[l].Forward(x, states[l]);
                states[l] = (Tensor.Where(real, h, states[l].H), Tensor.Where(real, c, states[l].C));
                x = l < _encoder.Length - 1 ? F.Dropout(output, _p, Training, _dropout) : output;
            }
        }
        return states;
    }

    /// <summary>
    /// Runs the decoder over the given inputs (time, batch) from <paramref name="states"/>, which it replaces by the
    /// new states, and returns the logits (time, batch, output vocabulary). Teacher forcing passes the whole shifted
    /// target at once; free-running decoding passes one step at a time.
    /// </summary>
    public Tensor Decode(Tensor inputs, (Tensor H, Tensor C)[] states)
    {
        var top = Run(_decoder, _outputEmbedding.Forward(inputs), states, initial: states);
        return _readOut.Forward(top);
    }

    private Tensor Run(LSTM[] layers, Tensor embedded, (Tensor H, Tensor C)[] states, (Tensor H, Tensor C)[]? initial)
    {
        var x = F.Dropout(embedded, _p, Training, _dropout);
        for (var l = 0; l < layers.Length; l++)
        {
            (x, states[l]) = layers[l].Forward(x, initial?[l]);
            if (l < layers.Length - 1)
            {
                x = F.Dropout(x, _p, Training, _dropout);
            }
        }
        return x;
    }
}
