using Touchstone.Gate.Statistics;
using Touchstone.Gate.Verdicts;

namespace Touchstone.Gate.Reports;

/// <summary>
/// Says plainly what the gate could detect with the seeds it had: the degradation beyond the margin that a
/// one-sided test finds with the policy's power, in units of the noise, for each seed count that occurred.
/// </summary>
public static class GateSensitivity
{
    /// <summary>One sentence per distinct (design, seeds) among the tested gated metrics.</summary>
    public static IReadOnlyList<string> Describe(GateResult result)
    {
        var policy = result.Policy;
        var tested = result.Gated.Where(r => r.Comparison is not null && r.Verdict != Verdict.Stale).ToList();
        var lines = new List<string>();
        if (tested.Count == 0)
        {
            return lines;
        }
        var family = result.HolmFamilySize;
        var strictest = policy.Alpha / Math.Max(1, family);
        var groups = tested
            .Where(r => r.Comparison!.Method != TestMethod.Exact)
            .GroupBy(r => (Paired: r.Comparison!.Method == TestMethod.Paired, Baseline: r.Baseline.N, Candidate: r.Candidate.N))
            .OrderBy(g => g.Key.Paired ? 0 : 1).ThenBy(g => g.Key.Baseline);
        foreach (var group in groups)
        {
            var (paired, nb, nc) = group.Key;
            var design = paired ? SampleDesign.Paired : SampleDesign.TwoSample;
            var shift = SampleSize.DetectableShift(nb, nc, design, policy.Alpha, policy.Power);
            var seeds = nb == nc ? $"{nb} seeds per side" : $"{nb} baseline and {nc} candidate seeds";
            var unit = paired ? "sd of the per-seed differences" : "seed-sd";
            var line = $"With {seeds} ({(paired ? "paired" : "unpaired, Welch")}; {group.Count()} metric{(group.Count() == 1 ? "" : "s")}), "
                + $"a degradation of about {OneDecimal(shift)} {unit} beyond the margin is detected "
                + $"{ReportText.Number(policy.Power * 100)}% of the time at α = {ReportText.Number(policy.Alpha)}";
            if (family > 1)
            {
                var strict = SampleSize.DetectableShift(nb, nc, design, strictest, policy.Power);
                line += $"; at Holm's strictest step (α/{family} = {ReportText.Number(strictest)}) about {OneDecimal(strict)}";
            }
            lines.Add(line + ". Smaller drops can pass as INCONCLUSIVE.");
        }
        var exact = tested.Count(r => r.Comparison!.Method == TestMethod.Exact);
        if (exact > 0)
        {
            lines.Add($"{exact} metric{(exact == 1 ? " has" : "s have")} no seed variance (deterministic runs): any change beyond the margin is detected exactly.");
        }
        return lines;
    }

    private static string OneDecimal(double value) => value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
