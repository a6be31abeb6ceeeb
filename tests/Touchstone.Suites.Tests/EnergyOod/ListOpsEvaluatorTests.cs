using Touchstone.Suites.EnergyOod.ListOps;

namespace Touchstone.Suites.Tests.EnergyOod;

public sealed class ListOpsEvaluatorTests
{
    [Theory]
    [InlineData("[MAX 2 9 [MIN 4 7 ] 0 ]", 9)]
    [InlineData("[MIN 3 8 1 ]", 1)]
    [InlineData("[MED 5 1 9 ]", 5)]
    [InlineData("[MED 1 2 3 4 ]", 2)]             // (2 + 3) / 2 = 2.5, truncated
    [InlineData("[MED 3 8 ]", 5)]                 // (3 + 8) / 2 = 5.5, truncated
    [InlineData("[MED 4 6 ]", 5)]                 // an even count with an integer mean
    [InlineData("[MED 9 0 7 1 ]", 4)]             // sorted 0 1 7 9: (1 + 7) / 2
    [InlineData("[SM 9 [SM 5 6 ] 8 ]", 8)]        // inner (5 + 6) % 10 = 1, outer (9 + 1 + 8) % 10 = 8
    [InlineData("[SM [SM 9 9 ] [SM 7 [SM 8 8 ] ] ]", 1)] // 8, (7 + 6) % 10 = 3, (8 + 3) % 10 = 1
    [InlineData("[MED [MAX 1 2 ] [MIN 7 8 ] ]", 4)]  // MED 2 7 = 4.5, truncated
    [InlineData("7", 7)]
    public void Evaluates_hand_written_expressions(string expression, int expected) =>
        Assert.Equal(expected, ListOpsEvaluator.Evaluate(expression));

    [Fact]
    public void Ignores_the_LRA_parentheses() =>
        Assert.Equal(9, ListOpsEvaluator.Evaluate("( ( ( ( [MAX 2 ) 9 ) ( ( ( [MIN 4 ) 7 ) ] ) ) ] )"));

    [Theory]
    [InlineData("[MAX 2 9", "never closed")]
    [InlineData("[MAX ]", "no arguments")]
    [InlineData("[MAX 2 ] 3", "after its end")]
    [InlineData("] 3", "cannot start")]
    [InlineData("[FIRST 1 2 ]", "not in the vocabulary")]
    public void Rejects_malformed_expressions_with_a_reason(string expression, string reason)
    {
        var error = Assert.Throws<FormatException>(() => ListOpsEvaluator.Evaluate(expression));
        Assert.Contains(reason, error.Message);
    }
}
