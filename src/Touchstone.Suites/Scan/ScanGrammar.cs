namespace Touchstone.Suites.Scan;

/// <summary>One SCAN example: a command and the action sequence that interprets it.</summary>
/// <param name="Command">Words of the command, e.g. <c>jump around left twice</c>.</param>
/// <param name="Actions">Action tokens, e.g. <c>I_TURN_LEFT I_JUMP …</c>.</param>
public sealed record ScanExample(IReadOnlyList<string> Command, IReadOnlyList<string> Actions)
{
    /// <summary>The line as the published files write it: <c>IN: &lt;command&gt; OUT: &lt;actions&gt;</c>.</summary>
    public string Line => $"IN: {string.Join(' ', Command)} OUT: {string.Join(' ', Actions)}";

    /// <summary>Whether the command contains the given words, in order and adjacent (e.g. <c>turn left</c>).</summary>
    public bool Contains(string phrase)
    {
        var words = phrase.Split(' ');
        for (var start = 0; start + words.Length <= Command.Count; start++)
        {
            if (words.Select((w, i) => Command[start + i] == w).All(x => x))
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>
/// The SCAN language generated from its grammar (Lake &amp; Baroni 2018, appendix; brendenlake/SCAN README at
/// c4b756c), every command with its interpretation:
/// <code>
/// C → S | S and S | S after S          X and Y = X Y;  X after Y = Y X
/// S → V | V twice | V thrice           repetition
/// V → U | U D | U opposite D | U around D   (U = walk, look, run, jump or turn; D = left, right)
/// </code>
/// <c>U D</c> is turn-to-D then U's action, <c>U opposite D</c> turns twice first, <c>U around D</c> is
/// (turn-to-D, action) four times; <c>turn</c> has no action of its own and never stands alone. This gives 34
/// verb phrases, 102 sentences and 102 + 2·102² = 20,910 commands, the size of the published tasks.txt.
/// </summary>
public static class ScanGrammar
{
    /// <summary>The primitive verbs and their actions (<c>turn</c> is handled apart).</summary>
    public static readonly IReadOnlyList<(string Word, string Action)> Primitives =
        [("walk", "I_WALK"), ("look", "I_LOOK"), ("run", "I_RUN"), ("jump", "I_JUMP")];

    private static readonly (string Word, string Action)[] Directions = [("left", "I_TURN_LEFT"), ("right", "I_TURN_RIGHT")];

    /// <summary>Every command of the language with its action sequence, in a fixed order.</summary>
    public static IReadOnlyList<ScanExample> Language()
    {
        var sentences = Sentences();
        var all = new List<ScanExample>(sentences.Count * (1 + 2 * sentences.Count));
        all.AddRange(sentences);
        foreach (var x in sentences)
        {
            foreach (var y in sentences)
            {
                all.Add(new ScanExample([.. x.Command, "and", .. y.Command], [.. x.Actions, .. y.Actions]));
                all.Add(new ScanExample([.. x.Command, "after", .. y.Command], [.. y.Actions, .. x.Actions]));
            }
        }
        return all;
    }

    /// <summary>The 102 sentences S: every verb phrase alone, twice and thrice.</summary>
    public static IReadOnlyList<ScanExample> Sentences()
    {
        var result = new List<ScanExample>();
        foreach (var verb in VerbPhrases())
        {
            result.Add(verb);
            result.Add(new ScanExample([.. verb.Command, "twice"], Repeat(verb.Actions, 2)));
            result.Add(new ScanExample([.. verb.Command, "thrice"], Repeat(verb.Actions, 3)));
        }
        return result;
    }

    /// <summary>The 34 verb phrases V.</summary>
    public static IReadOnlyList<ScanExample> VerbPhrases()
    {
        var result = new List<ScanExample>();
        foreach (var (word, action) in Primitives)
        {
            result.Add(new ScanExample([word], [action]));
        }
        // (verb, its own action or none for turn)
        var verbs = Primitives.Select(p => (p.Word, (string?)p.Action)).Append(("turn", null));
        foreach (var (word, action) in verbs)
        {
            foreach (var (direction, turn) in Directions)
            {
                string[] once = action is null ? [turn] : [turn, action];
                result.Add(new ScanExample([word, direction], once));
                result.Add(new ScanExample([word, "opposite", direction], [turn, .. once]));
                result.Add(new ScanExample([word, "around", direction], Repeat(once, 4)));
            }
        }
        return result;
    }

    private static string[] Repeat(IReadOnlyList<string> actions, int times) =>
        Enumerable.Repeat(actions, times).SelectMany(a => a).ToArray();
}
