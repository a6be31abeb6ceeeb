using Touchstone.Core.Results;
using Touchstone.Core.Verification;

namespace Touchstone.Core.Tests.Verification;

public sealed class ValueComparisonTests
{
    private static MetricRow Row(string metric, double value, long step, string split = "test") =>
        new("r", "s", "v", 0, "smoke", split, metric, value, step);

    private static readonly MetricRow[] Curves = [Row("loss", 0.5, 10, "train"), Row("loss", 0.25, 20, "train")];
    private static readonly MetricRow[] Metrics = [Row("mse", 0.125, 20), Row("r2", 0.9, 20)];

    [Fact]
    public void Equal_bits_are_identical_and_count_every_value()
    {
        var result = ValueComparison.Of(Curves, [.. Curves], Metrics, [.. Metrics]);

        Assert.True(result.Identical);
        Assert.Equal(4, result.Compared);
        Assert.Null(result.First);
    }

    [Fact]
    public void A_one_ulp_change_names_the_metric_and_measures_it()
    {
        var changed = Metrics.Select(r => r.Metric == "r2" ? r with { Value = Math.BitIncrement(r.Value) } : r).ToList();

        var result = ValueComparison.Of(Curves, Curves, Metrics, changed);

        Assert.False(result.Identical);
        Assert.Equal(1, result.Differing);
        Assert.Equal(new FirstDifference(ValueTable.Metrics, "test", "r2", 20, 0.9, Math.BitIncrement(0.9)), result.First);
        Assert.Equal((UInt128)1, result.MaxUlps);
        Assert.Equal(Math.BitIncrement(0.9) - 0.9, result.MaxAbsolute);
        Assert.Equal((Math.BitIncrement(0.9) - 0.9) / Math.BitIncrement(0.9), result.MaxRelative);
    }

    [Fact]
    public void The_first_difference_is_the_earliest_curve_point()
    {
        var curves = new[] { Curves[0], Curves[1] with { Value = 0.3 } };
        var metrics = new[] { Metrics[0] with { Value = 1.0 }, Metrics[1] };

        var result = ValueComparison.Of(Curves, curves, Metrics, metrics);

        Assert.Equal(2, result.Differing);
        Assert.Equal("train/loss at step 20 (curves)", result.First!.Where);
    }

    [Fact]
    public void Signed_zeros_differ_and_the_same_nan_does_not()
    {
        MetricRow[] a = [Row("x", 0.0, 1), Row("y", double.NaN, 1)];
        MetricRow[] b = [Row("x", -0.0, 1), Row("y", double.NaN, 1)];

        var result = ValueComparison.Of([], [], a, b);

        Assert.Equal(1, result.Differing);
        Assert.Equal("x", result.First!.Metric);
    }

    [Fact]
    public void A_row_only_one_side_has_differs()
    {
        var result = ValueComparison.Of(Curves, Curves[..1], Metrics, Metrics);

        Assert.Equal(1, result.Differing);
        Assert.Equal(new FirstDifference(ValueTable.Curves, "train", "loss", 20, 0.25, null), result.First);
    }
}
