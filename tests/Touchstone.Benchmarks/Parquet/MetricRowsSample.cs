using Touchstone.Core.Results;

namespace Touchstone.Benchmarks.Parquet;

/// <summary>
/// Deterministic rows in Touchstone's metrics schema, shaped like a nightly run: one run id, a few suites,
/// variants, splits and metrics, ten seeds, 2,000 steps per cell, random values.
/// </summary>
public static class MetricRowsSample
{
    /// <summary>Where the benchmark leaves the 1,000,000-row file for tests/tools/duckdb-bench.mjs.</summary>
    public static string SharedFile => Path.Combine(Path.GetTempPath(), "touchstone-bench", "metrics-1m.parquet");

    public static List<MetricRow> Generate(int count, int seed = 42)
    {
        var random = new Random(seed);
        string[] suites = ["spectral-gap", "energy-ood", "grokking-modular"];
        string[] variants = ["shipped", "readme", "ablation-no-dropout"];
        string[] splits = ["train", "id", "ood"];
        string[] metrics = ["loss", "mse", "accuracy", "ece", "auroc"];
        var rows = new List<MetricRow>(count);
        for (var i = 0; i < count; i++)
        {
            rows.Add(new MetricRow(
                "run-2025-01-01T00-00-00Z-abc123",
                suites[i / 200_000 % suites.Length],
                variants[i / 20_000 % variants.Length],
                i / 2_000 % 10,
                "nightly",
                splits[i % splits.Length],
                metrics[i / 3 % metrics.Length],
                random.NextDouble(),
                i % 2_000));
        }
        return rows;
    }
}
