namespace Touchstone.Gate.Verdicts;

/// <summary>The outcome of one gate invocation: a verdict per declared metric and variant, and the exit code.</summary>
/// <param name="Verdicts">Every row, gated and reported, in suite, variant, declaration order.</param>
/// <param name="Policy">The policy the verdicts were reached under.</param>
public sealed record GateResult(IReadOnlyList<MetricVerdict> Verdicts, GatePolicy Policy)
{
    /// <summary>Exit code of a passing gate.</summary>
    public const int PassExitCode = 0;

    /// <summary>Exit code of a failing gate: a regression, missing metric or diverged cell (or stale/inconclusive by policy).</summary>
    public const int FailExitCode = 1;

    /// <summary>Exit code for input the gate could not read: no run, no baseline, an unreadable file.</summary>
    public const int BadInputExitCode = 2;

    /// <summary>The gated (primary) rows.</summary>
    public IReadOnlyList<MetricVerdict> Gated => Verdicts.Where(v => v.IsGated).ToList();

    /// <summary>The reported (secondary) rows.</summary>
    public IReadOnlyList<MetricVerdict> Reported => Verdicts.Where(v => !v.IsGated).ToList();

    /// <summary>The rows that fail the gate.</summary>
    public IReadOnlyList<MetricVerdict> Failures => Verdicts.Where(v => v.FailsGate).ToList();

    /// <summary>True when no row fails the gate.</summary>
    public bool Passed => !Verdicts.Any(v => v.FailsGate);

    /// <summary>0 when passed, 1 when any row fails.</summary>
    public int ExitCode => Passed ? PassExitCode : FailExitCode;

    /// <summary>How many gated rows went through a statistical test: the size of the Holm family.</summary>
    public int HolmFamilySize => Gated.Count(GateEngine.IsStatistical);

    /// <summary>How many reported rows were compared without a verdict (REPORTED).</summary>
    public int ReportedOnly => Reported.Count(v => v.Verdict == Verdict.Reported);

    /// <summary>How many gated rows have each verdict (verdicts with none are left out).</summary>
    public IReadOnlyList<(Verdict Verdict, int Count)> GatedCounts =>
        Gated.GroupBy(v => v.Verdict).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
}
