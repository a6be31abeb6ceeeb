using System.Security.Cryptography;
using System.Text;
using Touchstone.Suites.Common;

namespace Touchstone.Suites.Scan;

/// <summary>The standard SCAN splits of Lake &amp; Baroni (2018), as published in brendenlake/SCAN.</summary>
public enum ScanSplit
{
    /// <summary>simple_split: a random 80 % of the commands for training, the rest for test.</summary>
    Simple,

    /// <summary>add_prim_split (jump): test = every command containing <c>jump</c> but the bare <c>jump</c>.</summary>
    AddPrimJump,

    /// <summary>add_prim_split (turn left): test = every command containing <c>turn left</c> but the bare one.</summary>
    AddPrimTurnLeft,

    /// <summary>length_split: train = action sequences of at most 22 actions, test = longer ones.</summary>
    Length,
}

/// <summary>A split's training and test lines (the training list may repeat a line, as the published files do).</summary>
/// <param name="Split">Which split.</param>
/// <param name="Train">Training examples, with repetitions.</param>
/// <param name="Test">Test examples.</param>
public sealed record ScanSplitData(ScanSplit Split, IReadOnlyList<ScanExample> Train, IReadOnlyList<ScanExample> Test);

/// <summary>
/// Builds the standard splits from the generated language. The rules are those of the published files
/// (brendenlake/SCAN at c4b756c, README and the files themselves, whose contents the tests compare against):
/// <list type="bullet">
/// <item>add-primitive: the training file holds every command without the primitive plus the bare primitive
/// repeated until it is 10 % of the lines (13,203 others + 1,467 <c>jump</c>; 19,701 + 2,189 <c>turn left</c>);</item>
/// <item>length: the cut is at 22 actions (no command has 23; the test file starts at 24);</item>
/// <item>simple: the published file is one random 80/20 draw (16,728 / 4,182) whose generator is not published,
/// so Touchstone draws its own from the data seed with the same sizes and rule.</item>
/// </list>
/// </summary>
public static class ScanSplits
{
    /// <summary>The longest action sequence in the length split's training set.</summary>
    public const int LengthCut = 22;

    /// <summary>The share of the add-primitive training lines that are the bare primitive.</summary>
    public const double PrimitiveShare = 0.1;

    /// <summary>Builds the split from the whole language.</summary>
    /// <param name="split">Which split.</param>
    /// <param name="dataSeed">Seed of the simple split's random draw (the other splits are deterministic).</param>
    public static ScanSplitData Build(ScanSplit split, int dataSeed)
    {
        var language = ScanGrammar.Language();
        return split switch
        {
            ScanSplit.Simple => Simple(language, dataSeed),
            ScanSplit.AddPrimJump => AddPrimitive(language, split, "jump"),
            ScanSplit.AddPrimTurnLeft => AddPrimitive(language, split, "turn left"),
            ScanSplit.Length => new ScanSplitData(split,
                [.. language.Where(e => e.Actions.Count <= LengthCut)],
                [.. language.Where(e => e.Actions.Count > LengthCut)]),
            _ => throw new ArgumentOutOfRangeException(nameof(split), split, "unknown SCAN split"),
        };
    }

    private static ScanSplitData Simple(IReadOnlyList<ScanExample> language, int dataSeed)
    {
        var shuffled = language.ToList();
        new SeededRandom(unchecked((ulong)dataSeed)).Fork("scan.simple_split").Shuffle(shuffled);
        var trainCount = (int)Math.Round(0.8 * shuffled.Count);
        return new ScanSplitData(ScanSplit.Simple, shuffled[..trainCount], shuffled[trainCount..]);
    }

    private static ScanSplitData AddPrimitive(IReadOnlyList<ScanExample> language, ScanSplit split, string primitive)
    {
        var bare = language.Single(e => string.Join(' ', e.Command) == primitive);
        var others = language.Where(e => !e.Contains(primitive)).ToList();
        var test = language.Where(e => e.Contains(primitive) && !ReferenceEquals(e, bare)).ToList();
        // k copies of the bare primitive make k / (others + k) = 10 %.
        var copies = (int)Math.Round(others.Count * PrimitiveShare / (1 - PrimitiveShare));
        return new ScanSplitData(split, [.. others, .. Enumerable.Repeat(bare, copies)], test);
    }

    /// <summary>
    /// SHA-256 (lower-case hex) of the lines sorted by ordinal (LC_ALL=C) order, each followed by a newline: the
    /// digest <c>LC_ALL=C sort file | sha256sum</c> gives for a published file, so equal digests mean equal
    /// multisets of lines.
    /// </summary>
    public static string SortedLinesSha256(IEnumerable<ScanExample> examples)
    {
        var lines = examples.Select(e => e.Line).ToList();
        lines.Sort(StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
