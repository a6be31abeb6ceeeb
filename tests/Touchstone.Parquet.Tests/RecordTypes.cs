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
    /// <summary>Deterministic rows in Touchstone's metrics schema (the benchmark's data).</summary>
    public static List<MetricRow> Generate(int count, int seed = 0) =>
        Touchstone.Benchmarks.Parquet.MetricRowsSample.Generate(count, (r, s, v, n, p, sp, m, value, step) => new MetricRow(r, s, v, n, p, sp, m, value, step), seed);
}
