namespace Touchstone.Gate.Verdicts;

/// <summary>What the gate concludes about one metric of one variant.</summary>
public enum Verdict
{
    /// <summary>Significantly worse than the baseline by more than the margin (Holm-adjusted p &lt; α).</summary>
    Regressed,

    /// <summary>Significantly better than the baseline by more than the margin (the mirror test).</summary>
    Improved,

    /// <summary>Equivalent: two one-sided tests put the difference inside ±margin.</summary>
    NoChange,

    /// <summary>None of the above at these seeds; the report says how many seeds would decide it.</summary>
    Inconclusive,

    /// <summary>The metric has no values on one side (not run, not logged, or not in the baseline).</summary>
    Missing,

    /// <summary>A cell failed or diverged, or a value is NaN or infinite; never averaged in.</summary>
    Diverged,

    /// <summary>The baseline came from another config, data or environment: the comparison would be meaningless.</summary>
    Stale,

    /// <summary>
    /// A reported (not gated) metric compared with its baseline: the difference, interval and p are shown, but it has
    /// no gate margin to judge them against, so no verdict is drawn and it never fails the gate.
    /// </summary>
    Reported,
}

/// <summary>Text forms of <see cref="Verdict"/>.</summary>
public static class VerdictText
{
    /// <summary>The upper-case label used in every report: <c>REGRESSED</c>, <c>NO-CHANGE</c>, …</summary>
    public static string Label(this Verdict verdict) => verdict switch
    {
        Verdict.Regressed => "REGRESSED",
        Verdict.Improved => "IMPROVED",
        Verdict.NoChange => "NO-CHANGE",
        Verdict.Inconclusive => "INCONCLUSIVE",
        Verdict.Missing => "MISSING",
        Verdict.Diverged => "DIVERGED",
        Verdict.Stale => "STALE",
        Verdict.Reported => "REPORTED",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };
}
