using Microsoft.Data.Analysis;
using Touchstone.Analysis.Notebook;
using Touchstone.Analysis.Tests.Support;
using Touchstone.Testing;

namespace Touchstone.Analysis.Tests;

public sealed class RunResultsTests : IDisposable
{
    private readonly TempDirectory _dir = new("touchstone-dataframes");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Open_exposes_the_tables_as_typed_dataframes()
    {
        var folder = new RunWriter("run-a")
            .Seeds("v", "test", "mse", [0, 1, 2], [1.0, 2.0, 4.0])
            .Curve("v", 0, "train", "loss", 3, 2, 1)
            .WriteTo(_dir.Combine("run-a"));

        using var run = RunResults.Open(folder);

        Assert.Equal(3, run.Metrics.Rows.Count);
        Assert.IsType<DoubleDataFrameColumn>(run.Metrics["value"]);
        Assert.IsType<Int32DataFrameColumn>(run.Metrics["seed"]);
        Assert.IsType<Int64DataFrameColumn>(run.Metrics["step"]);
        Assert.Equal(7.0, (double)run.Metrics["value"].Sum());
        Assert.Equal(3, run.Curves.Rows.Count);
        Assert.Equal(["ok", "ok", "ok"], run.Cells["status"].Cast<string>());
    }

    [Fact]
    public void Query_returns_a_dataframe_of_the_result()
    {
        var folder = new RunWriter("run-a").Seeds("v", "test", "mse", [0, 1, 2], [1.0, 2.0, 4.0]).WriteTo(_dir.Combine("run-a"));
        using var run = RunResults.Open(folder);

        var frame = run.Query("SELECT variant, avg(value) AS mean, count(*) AS n FROM final_metrics GROUP BY variant");

        Assert.Equal(["variant", "mean", "n"], frame.Columns.Select(c => c.Name));
        Assert.Equal("v", frame["variant"][0]);
        Assert.Equal(7.0 / 3, (double)frame["mean"][0]!, 12);
        Assert.Equal(3L, frame["n"][0]);
    }
}
