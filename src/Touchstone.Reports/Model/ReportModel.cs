using Touchstone.Analysis.Compare;
using Touchstone.Core.Environment;
using Touchstone.Gate.Verdicts;

namespace Touchstone.Reports.Model;

/// <summary>The run the report is about.</summary>
/// <param name="RunId">Run id.</param>
/// <param name="Profile">Profile.</param>
/// <param name="Suites">Suites of the run.</param>
/// <param name="Device">Device requested.</param>
/// <param name="CreatedAt">When the run was created (UTC).</param>
/// <param name="FingerprintHash">Short hash of the environment.</param>
/// <param name="Fingerprint">The environment in full.</param>
/// <param name="WallSeconds">From the first cell's start to the last cell's end.</param>
/// <param name="CellsByStatus">How many cells ended ok, failed or diverged (status → count).</param>
/// <param name="CellsPlanned">Cells the manifest plans.</param>
public sealed record RunHeader(
    string RunId,
    string Profile,
    IReadOnlyList<string> Suites,
    string Device,
    DateTime CreatedAt,
    string FingerprintHash,
    EnvironmentFingerprint Fingerprint,
    double WallSeconds,
    IReadOnlyList<(string Status, long Count)> CellsByStatus,
    int CellsPlanned);

/// <summary>One seed's curve of one metric.</summary>
/// <param name="Variant">Variant.</param>
/// <param name="Seed">Seed.</param>
/// <param name="Steps">Steps, ascending.</param>
/// <param name="Values">Values at those steps.</param>
public sealed record CurveSeries(string Variant, int Seed, double[] Steps, double[] Values);

/// <summary>The curves of one split/metric across the variants and seeds of a suite.</summary>
/// <param name="Split">Split.</param>
/// <param name="Metric">Metric.</param>
/// <param name="Series">One per variant and seed.</param>
public sealed record MetricCurves(string Split, string Metric, IReadOnlyList<CurveSeries> Series);

/// <summary>Where a final value comes from.</summary>
public enum SideKind
{
    /// <summary>The run the report is about.</summary>
    Run,

    /// <summary>The committed baseline of the suite and profile.</summary>
    Baseline,

    /// <summary>The run passed with <c>--compare</c>.</summary>
    Compared,
}

/// <summary>One seed's final value of a metric.</summary>
/// <param name="Side">Run, baseline or compared run.</param>
/// <param name="Variant">Variant.</param>
/// <param name="Seed">Seed.</param>
/// <param name="Value">The value (may be NaN or infinite; the chart leaves those out and says so).</param>
public sealed record SeedPoint(SideKind Side, string Variant, int Seed, double Value);

/// <summary>The final values of one split/metric across variants, for every side.</summary>
/// <param name="Split">Split.</param>
/// <param name="Metric">Metric.</param>
/// <param name="Gated">Whether the suite gates it.</param>
/// <param name="Points">Every seed of every side.</param>
public sealed record FinalValues(string Split, string Metric, bool Gated, IReadOnlyList<SeedPoint> Points);

/// <summary>A cell that failed or diverged.</summary>
/// <param name="Variant">Variant.</param>
/// <param name="Seed">Seed.</param>
/// <param name="Status">failed or diverged.</param>
/// <param name="Error">Its error.</param>
public sealed record ProblemCell(string Variant, int Seed, string Status, string? Error);

/// <summary>Everything the report shows of one suite.</summary>
/// <param name="Suite">Suite name.</param>
/// <param name="Curves">Learning curves to draw.</param>
/// <param name="CurvesLeftOut">Curve metrics not drawn (still in curves.parquet).</param>
/// <param name="Finals">Final metrics to draw.</param>
/// <param name="Verdicts">The gate's rows for the suite (empty without a gate).</param>
/// <param name="Problems">Failed and diverged cells.</param>
/// <param name="Comparison">The comparison with the <c>--compare</c> run, when given.</param>
public sealed record SuiteReport(
    string Suite,
    IReadOnlyList<MetricCurves> Curves,
    IReadOnlyList<string> CurvesLeftOut,
    IReadOnlyList<FinalValues> Finals,
    IReadOnlyList<MetricVerdict> Verdicts,
    IReadOnlyList<ProblemCell> Problems,
    SuiteComparison? Comparison);

/// <summary>The whole report.</summary>
/// <param name="Header">The run.</param>
/// <param name="ComparedRunId">The <c>--compare</c> run, when given.</param>
/// <param name="Gate">The gate's outcome line, or why there is no gate.</param>
/// <param name="GatePassed">Whether the gate passed; null without a gate.</param>
/// <param name="Suites">One per suite.</param>
public sealed record ReportModel(RunHeader Header, string? ComparedRunId, string Gate, bool? GatePassed, IReadOnlyList<SuiteReport> Suites);
