using Touchstone.Core.Environment;
using Touchstone.Core.Results;
using Touchstone.Core.Running;
using Touchstone.Gate.Runs;
using Touchstone.Parquet;

namespace Touchstone.Gate.Tests.Support;

/// <summary>An in-memory run of one suite: cells with identical provenance and per-seed final values.</summary>
internal sealed class RunFixture(string runId = "run-1", string suite = "toy", string profile = "smoke")
{
    public static readonly EnvironmentFingerprint Environment =
        new("Debian 12", "Test CPU", "cpu", null, null, "10.0.0", "1.13.1", "OpenBLAS 0.3.21", "0.1.0", "abc123", false);

    private readonly List<CellRow> _cells = [];
    private readonly List<MetricRow> _metrics = [];

    public string ConfigHash { get; init; } = "c0ffee";

    public RunFixture Cell(string variant, int seed, CellStatus status = CellStatus.Ok, string? error = null)
    {
        _cells.Add(new CellRow(runId, suite, variant, seed, profile, status, error, new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), 1.5,
            ConfigHash, $"data-{seed}", "fp0001", "cpu", "abc123"));
        return this;
    }

    public RunFixture Value(string variant, int seed, string split, string metric, double value, long step = 100)
    {
        _metrics.Add(new MetricRow(runId, suite, variant, seed, profile, split, metric, value, step));
        return this;
    }

    /// <summary>Ok cells for seeds 0..n−1 of a variant with one metric's values.</summary>
    public RunFixture Seeds(string variant, string split, string metric, params double[] values)
    {
        for (var seed = 0; seed < values.Length; seed++)
        {
            if (!_cells.Any(c => c.Variant == variant && c.Seed == seed))
            {
                Cell(variant, seed);
            }
            Value(variant, seed, split, metric, values[seed]);
        }
        return this;
    }

    public RunData Build(Shard? shard = null, IReadOnlyList<string>? plannedCells = null)
    {
        var planned = plannedCells ?? _cells.Select(c => $"{c.Suite}/{c.Variant}/seed-{c.Seed}").ToList();
        var manifest = new RunManifest(1, runId, new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), profile, [suite], "cpu", shard, [],
            planned, Environment, "fp0001", "touchstone run");
        return new RunData($"results/runs/{runId}", manifest, _cells.ToList(), _metrics.ToList());
    }

    /// <summary>Writes the run as the harness lays it out (Core's RunLayout and manifest writer).</summary>
    public string WriteTo(string directory, Shard? shard = null)
    {
        var run = Build(shard);
        var layout = new RunLayout(directory);
        Directory.CreateDirectory(directory);
        RunFolder.WriteManifest(layout, run.Manifest);
        ParquetRecords.Write(layout.Cells, run.Cells);
        ParquetRecords.Write(layout.Metrics, run.Metrics);
        return directory;
    }
}
