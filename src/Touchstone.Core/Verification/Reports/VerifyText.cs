using System.Globalization;

namespace Touchstone.Core.Verification.Reports;

/// <summary>How verdicts and differences read in every verify report, so the console, Markdown and JUnit agree.</summary>
public static class VerifyText
{
    /// <summary>IDENTICAL, DIFFERS, NOT-COMPARABLE or FAILED.</summary>
    public static string Label(VerifyVerdict verdict) => verdict switch
    {
        VerifyVerdict.Identical => "IDENTICAL",
        VerifyVerdict.Differs => "DIFFERS",
        VerifyVerdict.NotComparable => "NOT-COMPARABLE",
        _ => "FAILED",
    };

    /// <summary>One line of evidence: the values compared, or the first difference and the changed fields.</summary>
    public static string Detail(CellVerification cell)
    {
        var parts = new List<string>();
        if (cell.Changed.Count > 0)
        {
            parts.Add("changed: " + string.Join(", ", cell.Changed));
        }
        if (cell.Values is { } values)
        {
            parts.Add(values.First is { } first
                ? $"{values.Differing} of {values.Compared} values differ; first {first.Where}: {Value(first.Recorded)} → {Value(first.Now)}"
                : $"{values.Compared} values bit-identical");
        }
        parts.AddRange(cell.Notes);
        return string.Join("; ", parts);
    }

    /// <summary>The largest absolute difference, or a dash when none differ.</summary>
    public static string MaxAbsolute(CellVerification cell) => Differs(cell) ? Number(cell.Values!.MaxAbsolute) : "—";

    /// <summary>The largest relative difference, or a dash when none differ.</summary>
    public static string MaxRelative(CellVerification cell) => Differs(cell) ? Number(cell.Values!.MaxRelative) : "—";

    /// <summary>The largest distance in ULPs, or a dash when none differ.</summary>
    public static string MaxUlps(CellVerification cell) => !Differs(cell) ? "—"
        : cell.Values!.MaxUlps is { } ulps ? ulps.ToString(CultureInfo.InvariantCulture) : "NaN";

    /// <summary><c>12 cells: 11 IDENTICAL, 1 DIFFERS</c>.</summary>
    public static string Counts(VerifyReport report) =>
        $"{report.Cells.Count} cells: " + string.Join(", ", Enum.GetValues<VerifyVerdict>()
            .Where(v => report.Count(v) > 0)
            .Select(v => $"{report.Count(v)} {Label(v)}"));

    /// <summary>PASSED or FAILED, as the exit code says.</summary>
    public static string Headline(VerifyReport report) => report.Passed ? "PASSED" : "FAILED";

    private static bool Differs(CellVerification cell) => cell.Values is { Differing: > 0 };

    // Enough digits to tell neighbouring doubles apart.
    private static string Value(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "(no row)";

    private static string Number(double value) => double.IsNaN(value) ? "NaN" : value.ToString("G4", CultureInfo.InvariantCulture);
}
