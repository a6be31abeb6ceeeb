namespace Touchstone.Benchmarks.Parquet;

/// <summary>
/// Deterministic rows in Touchstone's metrics schema, shaped like a nightly run: one run id, a few suites,
/// variants, splits and metrics, ten seeds, 2,000 steps per cell, random values. Shared (as a linked file) by the
/// benchmark and by Touchstone.Parquet.Tests, so both use the same data.
/// </summary>
public static class MetricRowsSample
{
    /// <summary>Builds one row from (run_id, suite, variant, seed, profile, split, metric, value, step).</summary>
    public delegate T Create<out T>(string runId, string suite, string variant, int seed, string profile, string split, string metric, double value, long step);

    /// <summary>Where the benchmark leaves the 1,000,000-row file for tests/tools/duckdb-bench.mjs.</summary>
    public static string SharedFile => Path.Combine(Path.GetTempPath(), "touchstone-bench", "metrics-1m.parquet");

    public static List<T> Generate<T>(int count, Create<T> create, int seed = 42)
    {
        var random = new Random(seed);
        string[] suites = ["spectral-gap", "energy-ood", "grokking-modular"];
        string[] variants = ["shipped", "readme", "ablation-no-dropout"];
        string[] splits = ["train", "id", "ood"];
        string[] metrics = ["loss", "mse", "accuracy", "ece", "auroc"];
        var rows = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            rows.Add(create(
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
