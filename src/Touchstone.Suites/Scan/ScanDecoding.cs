using Touchstone.Torch;

namespace Touchstone.Suites.Scan;

/// <summary>Greedy decoding in eval mode, batched over commands of equal length (no padding needed).</summary>
public static class ScanDecoding
{
    private const int MaxBatch = 1024;

    /// <summary>Each command's predicted actions: the argmax at every step, fed back, up to EOS or
    /// <paramref name="maxLength"/> steps (a sequence that never emits EOS keeps all its steps).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Greedy(ScanModel model, IReadOnlyList<ScanExample> examples, int maxLength, Device device)
    {
        var predictions = new IReadOnlyList<string>[examples.Count];
        using var noGrad = Autograd.NoGrad();
        model.Eval();
        try
        {
            var groups = Enumerable.Range(0, examples.Count).GroupBy(i => examples[i].Command.Count);
            foreach (var group in groups)
            {
                foreach (var chunk in group.Chunk(MaxBatch))
                {
                    var decoded = DecodeBatch(model, [.. chunk.Select(i => ScanVocabulary.EncodeCommand(examples[i].Command))], maxLength, device);
                    for (var b = 0; b < chunk.Length; b++)
                    {
                        predictions[chunk[b]] = ScanVocabulary.DecodeActions(decoded[b]);
                    }
                }
            }
        }
        finally
        {
            model.Train();
        }
        return predictions;
    }

    /// <summary>Greedy-decodes <paramref name="examples"/> and scores the predictions against their targets.</summary>
    public static ScanScore Score(ScanModel model, IReadOnlyList<ScanExample> examples, int maxLength, Device device) =>
        ScanMetrics.Score(Greedy(model, examples, maxLength, device), [.. examples.Select(e => e.Actions)]);

    private static List<long>[] DecodeBatch(ScanModel model, long[][] commands, int maxLength, Device device)
    {
        using var scope = DisposeScope.Begin();
        var (batch, length) = (commands.Length, commands[0].Length);
        var timeMajor = new long[length * batch];
        for (var b = 0; b < batch; b++)
        {
            for (var t = 0; t < length; t++)
            {
                timeMajor[t * batch + b] = commands[b][t];
            }
        }
        var states = model.Encode(Tensor.From(timeMajor, [length, batch], device));
        var input = Tensor.Full([1, batch], ScanVocabulary.Sos, DType.Int64, device);
        var outputs = Enumerable.Range(0, batch).Select(_ => new List<long>()).ToArray();
        var finished = new bool[batch];
        for (var step = 0; step < maxLength && !finished.All(f => f); step++)
        {
            input = model.Decode(input, states).ArgMax(2);
            var ids = input.Cpu().ToArray<long>();
            for (var b = 0; b < batch; b++)
            {
                if (!finished[b])
                {
                    outputs[b].Add(ids[b]);
                    finished[b] = ids[b] == ScanVocabulary.Eos;
                }
            }
        }
        return outputs;
    }
}
