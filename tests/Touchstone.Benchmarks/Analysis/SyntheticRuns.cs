using System.Globalization;
using Touchstone.Core.Environment;
using Touchstone.Core.Results;
using Touchstone.Core.Running;
using Touchstone.Parquet;

namespace Touchstone.Benchmarks.Analysis;

/// <summary>
/// Writes run folders of made-up numbers, laid out as the harness writes them (manifest.json and the three tables,
/// through Touchstone.Parquet), to time <c>touchstone compare</c> and <c>query</c> over many runs.
/// Each run: one suite, 4 variants × 5 seeds, 5 curve metrics, and as many curve steps as fill the row count.
/// </summary>
public static class SyntheticRuns
{
    private static readonly string[] Variants = ["a", "b", "c", "d"];
    private static readonly string[] Metrics = ["loss", "mse", "mae", "r2", "acc"];
    private const int Seeds = 5;

    private static readonly EnvironmentFingerprint Environment =
        new("Debian 12", "synthetic", "cpu", null, null, "10.0.0", "1.13.1", "OpenBLAS", "0.1.0", "synthetic", false);

    /// <summary>Writes <paramref name="runs"/> folders under <paramref name="root"/>, each with about <paramref name="curveRowsPerRun"/> curve rows.</summary>
    /// <returns>The folders.</returns>
    public static IReadOnlyList<string> Write(string root, int runs, int curveRowsPerRun)
    {
        var steps = Math.Max(1, curveRowsPerRun / (Variants.Length * Seeds * Metrics.Length));
        var folders = new List<string>();
        for (var r = 0; r < runs; r++)
        {
            var runId = $"synthetic-{r:D3}";
            var folder = Path.Combine(root, runId);
            folders.Add(folder);
            var random = new Random(r);
            var cells = new List<CellRow>();
            var metrics = new List<MetricRow>();
            var curves = new List<MetricRow>();
            foreach (var variant in Variants)
            {
                for (var seed = 0; seed < Seeds; seed++)
                {
                    cells.Add(new CellRow(runId, "synthetic", variant, seed, "smoke", CellStatus.Ok, null,
                        new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(cells.Count), 1.0,
                        $"config-{variant}", $"data-{seed}", "fp", "cpu", "synthetic"));
                    foreach (var metric in Metrics)
                    {
                        var scale = 1 + random.NextDouble();
                        for (var step = 1; step <= steps; step++)
                        {
                            curves.Add(new MetricRow(runId, "synthetic", variant, seed, "smoke", "train", metric, scale / step + 0.01 * random.NextDouble(), step));
                        }
                        metrics.Add(new MetricRow(runId, "synthetic", variant, seed, "smoke", "test", metric, scale / steps + 0.01 * random.NextDouble(), steps));
                    }
                }
            }
            var layout = new RunLayout(folder);
            Directory.CreateDirectory(folder);
            var manifest = new RunManifest(1, runId, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), "smoke", ["synthetic"], "cpu", null, [],
                cells.Select(c => $"synthetic/{c.Variant}/seed-{c.Seed.ToString(CultureInfo.InvariantCulture)}").ToList(), Environment, "fp", "synthetic");
            RunFolder.WriteManifest(layout, manifest);
            ParquetRecords.Write(layout.Cells, cells);
            ParquetRecords.Write(layout.Metrics, metrics);
            ParquetRecords.Write(layout.Curves, curves);
        }
        return folders;
    }
}
