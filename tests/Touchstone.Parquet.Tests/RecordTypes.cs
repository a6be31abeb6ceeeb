namespace Touchstone.Parquet.Tests;

// Shapes of Touchstone's result rows (src/Touchstone.Core/Results), kept local so this library's tests stand alone.

public sealed record MetricRow(
    string RunId, string Suite, string Variant, int Seed, string Profile, string Split, string Metric, double Value, long Step);

public enum CellStatus
{
    Ok,
    Failed,
    Diverged,
    NotRun,
}

public sealed record CellRow(
    string RunId,
    string Suite,
    string Variant,
    int Seed,
    string Profile,
    CellStatus Status,
    string? Error,
    DateTime StartedAt,
    double DurationS,
    string ConfigHash,
    string DataHash,
    string Fingerprint,
    string Device,
    string GitSha);

public sealed record EveryType(
    bool Flag, bool? MaybeFlag, int Count, int? MaybeCount, long Big, long? MaybeBig, float Ratio, float? MaybeRatio,
    double Value, double? MaybeValue, string Name, string? MaybeName, CellStatus Status, CellStatus? MaybeStatus,
    DateTime At, DateTime? MaybeAt, DateTimeOffset Offset, DateTimeOffset? MaybeOffset);

public static class MetricRows
{
    /// <summary>Deterministic rows in Touchstone's metrics schema: few distinct strings, many numbers.</summary>
    public static List<MetricRow> Generate(int count, int seed = 0)
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
