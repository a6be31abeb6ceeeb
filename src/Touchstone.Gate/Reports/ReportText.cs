using System.Globalization;
using Touchstone.Core.Declarations;
using Touchstone.Gate.Statistics;
using Touchstone.Gate.Verdicts;

namespace Touchstone.Gate.Reports;

/// <summary>How numbers, p-values and verdict details read in every report, so the three reports agree.</summary>
public static class ReportText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Four significant digits, invariant culture; a dash for NaN.</summary>
    public static string Number(double value) =>
        double.IsNaN(value) ? "—" : value.ToString("G4", Invariant);

    /// <summary>Like <see cref="Number"/> with an explicit sign, for differences.</summary>
    public static string Signed(double value) =>
        double.IsNaN(value) ? "—" : value > 0 ? "+" + Number(value) : value < 0 ? "−" + Number(-value) : "0";

    /// <summary><c>1.023 ± 0.04102</c>; the mean alone for one value; a dash for none.</summary>
    public static string MeanSd(SampleSummary summary) => summary.N switch
    {
        0 => "—",
        1 => Number(summary.Mean),
        _ => $"{Number(summary.Mean)} ± {Number(summary.StandardDeviation)}",
    };

    /// <summary>The difference and its confidence interval: <c>+0.0123 [−0.002, +0.027]</c>.</summary>
    public static string Difference(Comparison? comparison) => comparison is null
        ? "—"
        : comparison.Method == TestMethod.Exact
            ? $"{Signed(comparison.Difference)} (exact)"
            : $"{Signed(comparison.Difference)} [{Signed(comparison.ConfidenceLow)}, {Signed(comparison.ConfidenceHigh)}]";

    /// <summary>A p-value: <c>0.0123</c>, <c>&lt;0.0001</c>, or <c>exact</c> on the zero-variance path.</summary>
    public static string P(double p, TestMethod method) =>
        method == TestMethod.Exact ? "exact" : p < 0.0001 ? "<0.0001" : p.ToString("0.0000", Invariant);

    /// <summary>Raw and adjusted p of the deciding test, or dashes (a stale row is in no family: no adjusted p).</summary>
    public static (string Raw, string Adjusted) DecidingP(MetricVerdict row) => row.DecidingP is { } p
        ? (P(p.Raw, row.Comparison!.Method), row.Verdict == Verdict.Stale ? "—" : P(p.Adjusted, row.Comparison.Method))
        : ("—", "—");

    /// <summary>Which one-sided test the shown p belongs to.</summary>
    public static string TestName(MetricVerdict row) => row.DecidingTest is { } test
        ? test.ToString().ToLowerInvariant() + " · " + row.Comparison!.Method.ToString().ToLowerInvariant()
        : "—";

    /// <summary>The declared margin with its value in the metric's units: <c>10% (0.0123)</c>.</summary>
    public static string Margin(MetricVerdict row)
    {
        var declared = row.Metric.Margin;
        if (declared.Amount == 0)
        {
            return "0";
        }
        return declared.IsRelative && row.Comparison is { } c ? $"{declared} ({Number(c.Margin)})" : declared.ToString();
    }

    /// <summary><c>lower</c> or <c>higher</c> is better.</summary>
    public static string Direction(MetricDeclaration metric) => metric.Direction == Core.Declarations.Direction.Lower ? "lower is better" : "higher is better";

    /// <summary>What would decide an inconclusive row, in words; null for other rows.</summary>
    public static string? SeedsAdvice(MetricVerdict row, GatePolicy policy)
    {
        if (row.Verdict != Verdict.Inconclusive || row.Comparison is null)
        {
            return null;
        }
        return row.Comparison.SeedsToDecide is { } n
            ? $"about {n} seeds per side would decide it at the observed difference and variance (α = {Number(policy.Alpha)}, power {Number(policy.Power)})"
            : "no practical number of seeds decides it: the observed difference sits on a decision boundary (the margin)";
    }

    /// <summary>Every detail line of a row: its notes, then the seed advice.</summary>
    public static IReadOnlyList<string> Details(MetricVerdict row, GatePolicy policy) =>
        SeedsAdvice(row, policy) is { } advice ? [.. row.Notes, advice] : row.Notes;

    /// <summary><c>PASSED</c> or <c>FAILED</c> with the failing count.</summary>
    public static string Headline(GateResult result) => result.Passed
        ? $"PASSED ({result.Gated.Count} gated metrics)"
        : $"FAILED ({result.Failures.Count} of {result.Gated.Count} gated metrics)";

    /// <summary>
    /// <c>1 REGRESSED · 12 NO-CHANGE · 5 REPORTED (not judged)</c>: the gated rows' verdicts, then how many reported
    /// metrics were only shown.
    /// </summary>
    public static string Counts(GateResult result) =>
        string.Join(" · ", result.GatedCounts.Select(c => $"{c.Count} {c.Verdict.Label()}")
            .Concat(result.ReportedOnly > 0 ? [$"{result.ReportedOnly} {Verdict.Reported.Label()} (not judged)"] : []));

    /// <summary>The policy in one line.</summary>
    public static string Policy(GateResult result) =>
        $"α = {Number(result.Policy.Alpha)} (Holm across {result.HolmFamilySize} tested gated metrics) · "
        + $"stale: {result.Policy.Stale.ToString().ToLowerInvariant()} · inconclusive: {result.Policy.Inconclusive.ToString().ToLowerInvariant()}"
        + (result.Policy.FloatTolerance is { } tolerance ? $" · float tolerance {Number(tolerance)} for every metric" : "");
}
