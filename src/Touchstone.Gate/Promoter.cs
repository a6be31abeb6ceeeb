using Touchstone.Gate.Baselines;
using Touchstone.Gate.Runs;

namespace Touchstone.Gate;

/// <summary>
/// <c>touchstone promote</c>: makes a run the baseline of its suites (or one suite). Every suite is checked before
/// any file is written, so a promote either replaces all the baselines it names or none.
/// </summary>
public static class Promoter
{
    /// <summary>Promotes the run in <paramref name="runDirectory"/>; returns what changed, per suite.</summary>
    /// <exception cref="GateInputException">No run, an unreadable file, an unknown suite, or a run unfit to be a baseline.</exception>
    public static IReadOnlyList<BaselineDiff> Promote(string runDirectory, BaselineStore baselines, ISuiteMetrics metrics, string? suite = null)
    {
        var run = RunReader.Read(runDirectory);
        if (suite is not null && !run.Suites.Contains(suite))
        {
            throw new GateInputException($"run {runDirectory} has no suite '{suite}' (it has: {string.Join(", ", run.Suites)})");
        }
        var suites = suite is null ? run.Suites : [suite];
        var built = suites.Select(s => Promotion.Build(run, s, metrics.MetricsOf(s))).ToList();
        var diffs = new List<BaselineDiff>();
        foreach (var baseline in built)
        {
            var path = baselines.PathOf(baseline.Suite, baseline.Profile);
            var unreadable = !TryReadPrevious(baselines, baseline, out var previous);
            var diff = BaselineDiff.Between(previous, baseline, path) with { PreviousUnreadable = unreadable };
            // An unchanged baseline without its checksum file (older, or made by hand) gets one.
            if (!diff.IsUnchanged || !File.Exists(baselines.ChecksumPathOf(baseline.Suite, baseline.Profile)))
            {
                baselines.Write(baseline);
            }
            diffs.Add(diff);
        }
        return diffs;
    }

    // Promoting is also how a damaged baseline file is repaired, so an unreadable one is simply replaced.
    private static bool TryReadPrevious(BaselineStore baselines, Baseline next, out Baseline? previous)
    {
        try
        {
            previous = baselines.TryRead(next.Suite, next.Profile);
            return true;
        }
        catch (GateInputException)
        {
            previous = null;
            return false;
        }
    }
}
