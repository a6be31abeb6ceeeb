using Touchstone.Core.Results;
using Touchstone.Core.Running;
using Touchstone.Core.Summary;
using Touchstone.Core.Tests.Support;

namespace Touchstone.Core.Tests.Summary;

public sealed class RunSummaryTests
{
    private static CellOutcome Cell(string variant, int seed, CellStatus status, double mse) => new(
        new CellRow("r", "demo", variant, seed, "smoke", status, null, DateTime.UnixEpoch, 1, "h", "none", "f", "cpu", "g"),
        [new MetricRow("r", "demo", variant, seed, "smoke", "ood", "mse", mse, 1)],
        "");

    [Fact]
    public void Mean_and_sample_std_across_ok_seeds_per_variant_and_declared_metric()
    {
        var cells = new[]
        {
            Cell("shipped", 0, CellStatus.Ok, 1.0), Cell("shipped", 1, CellStatus.Ok, 2.0), Cell("shipped", 2, CellStatus.Ok, 3.0),
            Cell("readme", 0, CellStatus.Ok, 5.0), Cell("readme", 1, CellStatus.Failed, 100.0),
        };

        var summaries = RunSummary.Compute([Demo.Load()], cells);

        var shipped = summaries.Single(s => s.Variant == "shipped" && s.Metric.Key == "ood/mse");
        Assert.Equal(2.0, shipped.Mean);
        Assert.Equal(1.0, shipped.StandardDeviation, 12);
        var readme = summaries.Single(s => s.Variant == "readme" && s.Metric.Key == "ood/mse");
        Assert.Equal([5.0], readme.Values);
        Assert.Equal((2, 1), (readme.Cells, readme.OkCells));
        Assert.True(double.IsNaN(readme.StandardDeviation));
        var missing = summaries.Single(s => s.Variant == "shipped" && s.Metric.Key == "id/acc");
        Assert.Empty(missing.Values);
        Assert.True(double.IsNaN(missing.Mean));
    }
}
