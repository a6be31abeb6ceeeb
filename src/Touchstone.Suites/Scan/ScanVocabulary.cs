namespace Touchstone.Suites.Scan;

/// <summary>
/// Token ids of the two languages. Commands end with EOS; action sequences start with SOS (the decoder's first input)
/// and end with EOS (its last target), as in Lake &amp; Baroni's encoder–decoder.
/// </summary>
public static class ScanVocabulary
{
    /// <summary>End of sequence, id 0 in both vocabularies.</summary>
    public const int Eos = 0;

    /// <summary>Start of the action sequence, id 1 of the output vocabulary.</summary>
    public const int Sos = 1;

    /// <summary>EOS then the 13 command words.</summary>
    public static readonly IReadOnlyList<string> Input =
        ["<eos>", "walk", "look", "run", "jump", "turn", "left", "right", "opposite", "around", "twice", "thrice", "and", "after"];

    /// <summary>EOS, SOS then the 6 actions.</summary>
    public static readonly IReadOnlyList<string> Output =
        ["<eos>", "<sos>", "I_WALK", "I_LOOK", "I_RUN", "I_JUMP", "I_TURN_LEFT", "I_TURN_RIGHT"];

    private static readonly Dictionary<string, int> InputIds = Input.Select((w, i) => (w, i)).ToDictionary(p => p.w, p => p.i);
    private static readonly Dictionary<string, int> OutputIds = Output.Select((w, i) => (w, i)).ToDictionary(p => p.w, p => p.i);

    /// <summary>The command's ids followed by EOS.</summary>
    public static long[] EncodeCommand(IReadOnlyList<string> words) => [.. words.Select(w => (long)InputIds[w]), Eos];

    /// <summary>SOS, the actions' ids, EOS: the decoder reads all but the last and predicts all but the first.</summary>
    public static long[] EncodeActions(IReadOnlyList<string> actions) => [Sos, .. actions.Select(a => (long)OutputIds[a]), Eos];

    /// <summary>Actions of a decoded id sequence, up to (not including) the first EOS.</summary>
    public static IReadOnlyList<string> DecodeActions(IEnumerable<long> ids) =>
        [.. ids.TakeWhile(id => id != Eos).Select(id => Output[(int)id])];
}
