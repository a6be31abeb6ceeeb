using Touchstone.Tracking.Model;
using Touchstone.Tracking.Validation;

namespace Touchstone.Tracking.Tests.Validation;

public class BatchValidatorTests
{
    private static LogBatch Batch(IEnumerable<Metric>? metrics = null, IEnumerable<Param>? @params = null, IEnumerable<RunTag>? tags = null) =>
        new((metrics ?? []).ToList(), (@params ?? []).ToList(), (tags ?? []).ToList());

    [Fact]
    public void Bad_metric_key_is_dropped_with_a_message_naming_run_and_key_and_the_rest_is_kept()
    {
        var result = new BatchValidator().Validate(
            Batch([new Metric("train/loss", 0.5, 1, 0), new Metric("bad$key", 1, 1, 0)]), "shipped/seed-0");
        Assert.Equal(["train/loss"], result.Accepted.Metrics.Select(m => m.Key));
        var issue = Assert.Single(result.Issues);
        Assert.True(issue.Rejected);
        Assert.Contains("shipped/seed-0", issue.Message);
        Assert.Contains("bad$key", issue.Message);
    }

    [Fact]
    public void Non_finite_metric_values_are_valid()
    {
        var result = new BatchValidator().Validate(
            Batch([new Metric("a", double.NaN, 1, 0), new Metric("b", double.PositiveInfinity, 1, 0), new Metric("c", double.NegativeInfinity, 1, 0)]), "r");
        Assert.Empty(result.Issues);
        Assert.Equal(3, result.Accepted.Metrics.Count);
    }

    [Fact]
    public void Negative_timestamp_is_refused()
    {
        var result = new BatchValidator().Validate(Batch([new Metric("a", 1, -5, 0)]), "r");
        Assert.Empty(result.Accepted.Metrics);
        Assert.Contains("timestamp -5", Assert.Single(result.Issues).Message);
    }

    [Fact]
    public void Long_param_and_tag_values_are_truncated_to_mlflow_limits_in_code_points()
    {
        var longParam = string.Concat(Enumerable.Repeat("é𝔸", 4000));
        var longTag = new string('t', 9000);
        var result = new BatchValidator().Validate(Batch(@params: [new Param("p", longParam)], tags: [new RunTag("t", longTag)]), "r");
        var param = Assert.Single(result.Accepted.Params);
        Assert.Equal(6000, KeyRules.CodePointLength(param.Value));
        Assert.StartsWith(param.Value, longParam, StringComparison.Ordinal);
        Assert.Equal(8000, Assert.Single(result.Accepted.Tags).Value.Length);
        Assert.All(result.Issues, i => Assert.False(i.Rejected));
        Assert.Contains(result.Issues, i => i.Message.Contains("truncated from 8000 to 6000"));
    }

    [Fact]
    public void Long_values_are_refused_when_truncation_is_off()
    {
        var result = new BatchValidator(truncateLongValues: false).Validate(Batch(@params: [new Param("p", new string('x', 6001))]), "r");
        Assert.Empty(result.Accepted.Params);
        Assert.Contains("MLFLOW_TRUNCATE_LONG_VALUES", Assert.Single(result.Issues).Message);
    }

    [Fact]
    public void Value_at_the_limit_is_kept_whole()
    {
        var result = new BatchValidator().Validate(Batch(@params: [new Param("p", new string('x', 6000))]), "r");
        Assert.Empty(result.Issues);
        Assert.Equal(6000, result.Accepted.Params[0].Value.Length);
    }

    [Fact]
    public void Duplicate_param_keys_keep_one_and_a_conflicting_value_is_refused()
    {
        var result = new BatchValidator().Validate(
            Batch(@params: [new Param("lr", "0.1"), new Param("lr", "0.1"), new Param("lr", "0.2")]), "r");
        Assert.Equal([new Param("lr", "0.1")], result.Accepted.Params);
        Assert.Contains("'lr' is given twice", Assert.Single(result.Issues).Message);
    }

    [Fact]
    public void Repeated_tag_keeps_the_last_value()
    {
        var result = new BatchValidator().Validate(Batch(tags: [new RunTag("k", "1"), new RunTag("k", "2")]), "r");
        Assert.Equal([new RunTag("k", "2")], result.Accepted.Tags);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    public void Experiment_name_must_not_be_empty(string name, string expected)
    {
        Assert.Contains(expected, BatchValidator.ExperimentNameProblem(name));
    }

    [Fact]
    public void Experiment_name_is_limited_to_500_characters()
    {
        Assert.Null(BatchValidator.ExperimentNameProblem(new string('e', 500)));
        Assert.Contains("501", BatchValidator.ExperimentNameProblem(new string('e', 501)));
    }
}
