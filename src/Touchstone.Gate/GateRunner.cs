using Touchstone.Gate.Baselines;
using Touchstone.Gate.Reports;
using Touchstone.Gate.Runs;
using Touchstone.Gate.Verdicts;

namespace Touchstone.Gate;

/// <summary>
/// Gates a run folder against a baselines folder: reads both, asks for the declared metrics of each suite, and
/// lets the engine decide. Everything the CLI verb does except parsing options and writing reports.
/// </summary>
public static class GateRunner
{
    /// <summary>Evaluates the run in <paramref name="runDirectory"/>.</summary>
    /// <exception cref="GateInputException">No run, no baseline, or an unreadable file.</exception>
    public static GateReport Evaluate(string runDirectory, BaselineStore baselines, GatePolicy policy, ISuiteMetrics metrics)
    {
        var run = RunReader.Read(runDirectory);
        var profile = run.Manifest.Profile;
        var suites = new List<SuiteGateInput>();
        foreach (var suite in run.Suites)
        {
            var baseline = baselines.TryRead(suite, profile)
                ?? throw new GateInputException(
                    $"no baseline for suite '{suite}', profile '{profile}' ({baselines.PathOf(suite, profile)} does not exist). "
                    + $"If this run is the reference, create it with `touchstone promote --run {runDirectory} --suite {suite}` and commit it.");
            suites.Add(new SuiteGateInput(suite, profile, metrics.MetricsOf(suite), baseline.ToSide(), CandidateSide.Of(run, suite)));
        }
        var result = GateEngine.Evaluate(new GateInput(suites, policy));
        return new GateReport(result, run.Manifest.RunId, runDirectory, baselines.Root) { Warnings = Warnings(run) };
    }

    private static IReadOnlyList<string> Warnings(RunData run)
    {
        var warnings = new List<string>();
        if (run.Manifest.Shard is { } shard)
        {
            warnings.Add($"the run holds shard {shard} only: variants and seeds of other shards show as MISSING; gate the merged run instead");
        }
        var unfinished = run.CellsWithoutResults;
        if (unfinished.Count > 0)
        {
            warnings.Add($"the run is incomplete: {unfinished.Count} of {run.Manifest.Cells.Count} planned cells have no results ({string.Join(", ", unfinished.Take(5))}{(unfinished.Count > 5 ? ", …" : "")})");
        }
        return warnings;
    }
}
