using Touchstone.Suites.Scan;

namespace Touchstone.Suites.Tests.Scan;

public sealed class ScanMetricsTests
{
    private static IReadOnlyList<string> Seq(string text) => text.Length == 0 ? [] : text.Split(' ');

    [Fact]
    public void Prediction_one_token_short_has_no_exact_match_but_most_tokens_right()
    {
        var score = ScanMetrics.Score([Seq("I_WALK I_WALK I_WALK")], [Seq("I_WALK I_WALK I_WALK I_WALK")]);

        Assert.Equal(0.0, score.ExactMatch);
        Assert.Equal(0.75, score.TokenAccuracy);
    }

    [Fact]
    public void Extra_tokens_after_a_correct_prefix_break_the_exact_match()
    {
        var score = ScanMetrics.Score([Seq("I_JUMP I_JUMP")], [Seq("I_JUMP")]);

        Assert.Equal(0.0, score.ExactMatch);
        Assert.Equal(1.0, score.TokenAccuracy);
    }

    [Fact]
    public void Scores_average_over_examples_and_tokens_and_group_by_target_length()
    {
        var targets = new[] { Seq("I_LOOK"), Seq("I_RUN I_RUN"), Seq("I_TURN_LEFT I_JUMP") };
        var predictions = new[] { Seq("I_LOOK"), Seq("I_RUN I_RUN"), Seq("I_TURN_RIGHT I_JUMP") };

        var score = ScanMetrics.Score(predictions, targets);

        Assert.Equal(2.0 / 3, score.ExactMatch, 12);
        Assert.Equal(4.0 / 5, score.TokenAccuracy, 12);
        Assert.Equal(1.0, score.ExactMatchByLength[1]);
        Assert.Equal(0.5, score.ExactMatchByLength[2]);
    }

    [Fact]
    public void Empty_prediction_scores_zero_and_mismatched_counts_are_an_error()
    {
        Assert.Equal(0.0, ScanMetrics.Score([Seq("")], [Seq("I_WALK")]).TokenAccuracy);
        Assert.Throws<ArgumentException>(() => ScanMetrics.Score([Seq("")], []));
    }

    [Fact]
    public void Vocabulary_round_trips_actions_and_stops_at_eos()
    {
        var ids = ScanVocabulary.EncodeActions(Seq("I_TURN_LEFT I_JUMP"));

        Assert.Equal(ScanVocabulary.Sos, ids[0]);
        Assert.Equal(ScanVocabulary.Eos, ids[^1]);
        Assert.Equal(Seq("I_TURN_LEFT I_JUMP"), ScanVocabulary.DecodeActions([.. ids[1..], 5]));
        Assert.Equal([4L, 6L, ScanVocabulary.Eos], ScanVocabulary.EncodeCommand(Seq("jump left")));
    }
}
