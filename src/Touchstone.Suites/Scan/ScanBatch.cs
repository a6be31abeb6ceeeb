using Touchstone.Torch;
using Touchstone.Torch.NN;

namespace Touchstone.Suites.Scan;

/// <summary>
/// A minibatch of SCAN examples padded to its longest command and its longest action sequence, time-major, as the
/// research project's batches of 32 are (its SCANTokenizer pads with id 0). The padding never counts: the encoder
/// carries its state over padded steps (<see cref="CommandMask"/>), and padded targets hold
/// <see cref="IgnoreIndex"/>, which the loss skips.
/// </summary>
/// <param name="Commands">Command ids with EOS, (time, batch), padded with EOS.</param>
/// <param name="CommandMask">True at real command tokens, (time, batch, 1).</param>
/// <param name="DecoderInputs">SOS then the actions, (time, batch), padded with EOS.</param>
/// <param name="Targets">The actions then EOS, (time, batch), padded with <see cref="IgnoreIndex"/>.</param>
public sealed record ScanBatch(Tensor Commands, Tensor CommandMask, Tensor DecoderInputs, Tensor Targets)
{
    /// <summary>The target id that the loss skips (F.cross_entropy's default ignore_index).</summary>
    public const long IgnoreIndex = -100;

    /// <summary>Pads <paramref name="examples"/> into one batch on <paramref name="device"/>.</summary>
    /// <param name="examples">The batch's examples, in batch order.</param>
    /// <param name="device">Where the tensors live.</param>
    /// <param name="extraPadding">Padded steps beyond the longest sequence (a test's way to show they do not count).</param>
    public static ScanBatch Pad(IReadOnlyList<ScanExample> examples, Device device, int extraPadding = 0)
    {
        var commands = examples.Select(e => ScanVocabulary.EncodeCommand(e.Command)).ToArray();
        var actions = examples.Select(e => ScanVocabulary.EncodeActions(e.Actions)).ToArray();
        var commandSteps = commands.Max(c => c.Length) + extraPadding;
        var actionSteps = actions.Max(a => a.Length - 1) + extraPadding;
        var batch = examples.Count;
        var (commandIds, mask) = (new long[commandSteps * batch], new long[commandSteps * batch]);
        var (inputs, targets) = (new long[actionSteps * batch], new long[actionSteps * batch]);
        Array.Fill(commandIds, ScanVocabulary.Eos);
        Array.Fill(inputs, ScanVocabulary.Eos);
        Array.Fill(targets, IgnoreIndex);
        for (var b = 0; b < batch; b++)
        {
            for (var t = 0; t < commands[b].Length; t++)
            {
                (commandIds[(t * batch) + b], mask[(t * batch) + b]) = (commands[b][t], 1);
            }
            for (var t = 0; t < actions[b].Length - 1; t++)
            {
                (inputs[(t * batch) + b], targets[(t * batch) + b]) = (actions[b][t], actions[b][t + 1]);
            }
        }
        return new ScanBatch(Tensor.From(commandIds, [commandSteps, batch], device),
            Tensor.From(mask, [commandSteps, batch, 1], device).Ne(0),
            Tensor.From(inputs, [actionSteps, batch], device), Tensor.From(targets, [actionSteps, batch], device));
    }

    /// <summary>
    /// Teacher-forced cross-entropy averaged over the real target tokens of the whole batch — the source's
    /// sum(loss · mask) / sum(mask) (train_progressive_curriculum.py), which F.cross_entropy's ignore_index computes.
    /// </summary>
    public Tensor Loss(ScanModel model)
    {
        var logits = model.Decode(DecoderInputs, model.Encode(Commands, CommandMask));
        var (steps, batch) = (Targets.Size(0), Targets.Size(1));
        return F.CrossEntropy(logits.View(steps * batch, -1), Targets.View(steps * batch), ignoreIndex: IgnoreIndex);
    }
}
