using Touchstone.Core.Environment;
using Touchstone.Core.Results;
using Touchstone.Core.Running;
using Touchstone.Parquet;

namespace Touchstone.Analysis.Tests.Support;

/// <summary>Writes a small run folder as the harness lays it out: manifest.json and the three run tables.</summary>
internal sealed class RunWriter(string runId, string suite = "toy", string profile = "smoke")
{
    public static readonly EnvironmentFingerprint Environment =
        new("Debian 12", "Test CPU", "cpu", null, null, "10.0.0", "1.13.1", "OpenBLAS 0.3.21", "0.1.0", "abc123", false);

    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly List<CellRow> _cells = [];
    private readonly List<MetricRow> _metrics = [];
    private readonly List<MetricRow> _curves = [];

    public string ConfigHash { get; init; } = "c0ffee";

    public RunWriter Cell(string variant, int seed, CellStatus status = CellStatus.Ok, string? error = null, string? configHash = null)
    {
        _cells.Add(new CellRow(runId, suite, variant, seed, profile, status, error, Start.AddSeconds(10 * _cells.Count), 2.0,
            configHash ?? ConfigHash, $"data-{seed}", "fp0001", "cpu", "abc123"));
        return this;
    }

    public RunWriter Value(string variant, int seed, string split, string metric, double value, long step = 100)
    {
        _metrics.Add(new MetricRow(runId, suite, variant, seed, profile, split, metric, value, step));
        return this;
    }

    public RunWriter Curve(string variant, int seed, string split, string metric, params double[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            _curves.Add(new MetricRow(runId, suite, variant, seed, profile, split, metric, values[i], 10 * (i + 1)));
        }
        return this;
    }

    /// <summary>Ok cells for the given seeds of a variant, each with one value of one metric.</summary>
    public RunWriter Seeds(string variant, string split, string metric, int[] seeds, double[] values)
    {
        for (var i = 0; i < seeds.Length; i++)
        {
            if (!_cells.Any(c => c.Variant == variant && c.Seed == seeds[i]))
            {
                Cell(variant, seeds[i]);
            }
            Value(variant, seeds[i], split, metric, values[i]);
        }
        return this;
    }

    public string WriteTo(string folder)
    {
        var layout = new RunLayout(folder);
        Directory.CreateDirectory(folder);
        var planned = _cells.Select(c => $"{c.Suite}/{c.Variant}/seed-{c.Seed}").ToList();
        var manifest = new RunManifest(1, runId, Start, profile, [suite], "cpu", null, [], planned, Environment, "fp0001", "touchstone run");
        RunFolder.WriteManifest(layout, manifest);
        ParquetRecords.Write(layout.Cells, _cells);
        ParquetRecords.Write(layout.Metrics, _metrics);
        ParquetRecords.Write(layout.Curves, _curves);
        return folder;
    }
}
