using Touchstone.Suites.Scan;

namespace Touchstone.Suites.Tests.Scan;

public sealed class ScanGrammarTests
{
    private static readonly Dictionary<string, string> Language =
        ScanGrammar.Language().ToDictionary(e => string.Join(' ', e.Command), e => string.Join(' ', e.Actions));

    [Theory]
    // Hand-checked against the grammar, and each line also appears verbatim in the published tasks.txt.
    [InlineData("jump", "I_JUMP")]
    [InlineData("turn left", "I_TURN_LEFT")]
    [InlineData("jump around left twice",
        "I_TURN_LEFT I_JUMP I_TURN_LEFT I_JUMP I_TURN_LEFT I_JUMP I_TURN_LEFT I_JUMP I_TURN_LEFT I_JUMP I_TURN_LEFT I_JUMP I_TURN_LEFT I_JUMP I_TURN_LEFT I_JUMP")]
    [InlineData("turn opposite right thrice and walk",
        "I_TURN_RIGHT I_TURN_RIGHT I_TURN_RIGHT I_TURN_RIGHT I_TURN_RIGHT I_TURN_RIGHT I_WALK")]
    [InlineData("look after run twice", "I_RUN I_RUN I_LOOK")]
    [InlineData("turn around right", "I_TURN_RIGHT I_TURN_RIGHT I_TURN_RIGHT I_TURN_RIGHT")]
    [InlineData("jump opposite left and walk thrice", "I_TURN_LEFT I_TURN_LEFT I_JUMP I_WALK I_WALK I_WALK")]
    // The first line of the published tasks.txt (brendenlake/SCAN c4b756c).
    [InlineData("walk opposite right thrice after run opposite right",
        "I_TURN_RIGHT I_TURN_RIGHT I_RUN I_TURN_RIGHT I_TURN_RIGHT I_WALK I_TURN_RIGHT I_TURN_RIGHT I_WALK I_TURN_RIGHT I_TURN_RIGHT I_WALK")]
    public void Command_is_interpreted_as_published(string command, string actions)
    {
        Assert.Equal(actions, Language[command]);
    }

    [Fact]
    public void Language_has_34_verb_phrases_102_sentences_and_20910_distinct_commands()
    {
        Assert.Equal(34, ScanGrammar.VerbPhrases().Count);
        Assert.Equal(102, ScanGrammar.Sentences().Count);
        Assert.Equal(20910, ScanGrammar.Language().Count);
        Assert.Equal(20910, Language.Count);
    }

    [Fact]
    public void Turn_never_stands_alone_and_never_takes_twice_without_a_direction()
    {
        Assert.DoesNotContain("turn", Language.Keys);
        Assert.DoesNotContain("turn twice", Language.Keys);
    }

    [Fact]
    public void Longest_action_sequence_is_48_from_around_thrice_twice()
    {
        Assert.Equal(48, Language.Values.Max(a => a.Split(' ').Length));
    }

    [Fact]
    public void Contains_matches_whole_adjacent_words_only()
    {
        var example = new ScanExample(["turn", "opposite", "left", "and", "jump"], []);

        Assert.True(example.Contains("jump"));
        Assert.True(example.Contains("opposite left"));
        Assert.False(example.Contains("turn left"));
        Assert.False(example.Contains("jum"));
    }
}
