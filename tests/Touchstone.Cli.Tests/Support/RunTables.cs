using Touchstone.Core.Results;
using Touchstone.Parquet;

namespace Touchstone.Cli.Tests.Support;

/// <summary>
/// The three run-level tables of a run folder, with what legitimately differs between two runs of the same cells
/// blanked out: the run id, start times and durations.
/// </summary>
public sealed record RunTablesSnapshot(IReadOnlyList<MetricRow> Metrics, IReadOnlyList<MetricRow> Curves, IReadOnlyList<CellRow> Cells)
{
    public static RunTablesSnapshot Read(string runFolder)
    {
        var layout = new RunLayout(runFolder);
        return new RunTablesSnapshot(
            ParquetRecords.Read<MetricRow>(layout.Metrics).Select(r => r with { RunId = "" }).ToList(),
            ParquetRecords.Read<MetricRow>(layout.Curves).Select(r => r with { RunId = "" }).ToList(),
            ParquetRecords.Read<CellRow>(layout.Cells).Select(r => r with { RunId = "", StartedAt = default, DurationS = 0 }).ToList());
    }

    /// <summary>Asserts equal tables: the same rows in the same order, none lost or repeated.</summary>
    public void AssertSameAs(RunTablesSnapshot expected)
    {
        Assert.Equal(expected.Cells, Cells);
        Assert.Equal(expected.Metrics.Count, Metrics.Count);
        Assert.Equal(expected.Metrics, Metrics);
        Assert.Equal(expected.Curves.Count, Curves.Count);
        Assert.Equal(expected.Curves, Curves);
    }
}
