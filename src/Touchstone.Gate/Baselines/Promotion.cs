using Touchstone.Core.Declarations;
using Touchstone.Core.Results;
using Touchstone.Gate.Runs;

namespace Touchstone.Gate.Baselines;

/// <summary>
/// Builds a suite's baseline from a run: the per-seed final value of every declared metric of every variant, with
/// provenance. A baseline must come from a complete, clean run, so every problem found is reported together and
/// nothing is built.
/// </summary>
public static class Promotion
{
    /// <summary>The new baseline of <paramref name="suite"/> from <paramref name="run"/>.</summary>
    /// <exception cref="GateInputException">The run is a shard, incomplete, or has failed cells or missing or non-finite values.</exception>
    public static Baseline Build(RunData run, string suite, IReadOnlyList<MetricDeclaration> metrics)
    {
        var problems = new List<string>();
        if (run.Manifest.Shard is { } shard)
        {
            problems.Add($"the run holds shard {shard} only; merge the shards first (touchstone merge) and promote the merged run");
        }
        var cells = run.Cells.Where(c => c.Suite == suite).OrderBy(c => c.Variant, StringComparer.Ordinal).ThenBy(c => c.Seed).ToList();
        if (cells.Count == 0)
        {
            throw new GateInputException($"run {run.Directory} has no cells of suite '{suite}' (it has: {string.Join(", ", run.Suites)})");
        }
        var unfinished = run.CellsWithoutResults.Where(id => id.StartsWith(suite + "/", StringComparison.Ordinal)).ToList();
        if (unfinished.Count > 0)
        {
            problems.Add($"the run is incomplete: {Listed(unfinished)} have no results; resume the run, then promote");
        }
        foreach (var cell in cells.Where(c => c.Status != CellStatus.Ok))
        {
            problems.Add($"cell {suite}/{cell.Variant}/seed-{cell.Seed} {cell.Status.ToString().ToLowerInvariant()}"
                + (cell.Error is { Length: > 0 } e ? $" ({e})" : "") + "; a baseline must come from a clean run: fix it and rerun");
        }

        var finals = CandidateSide.FinalValues(run, suite).ToDictionary(m => (m.Variant, m.Seed, m.Split, m.Metric));
        var rows = new List<BaselineRow>();
        foreach (var cell in cells.Where(c => c.Status == CellStatus.Ok))
        {
            var provenance = CandidateSide.ProvenanceOf(run, cell);
            foreach (var metric in metrics.Where(m => m.AppliesTo(cell.Variant)))
            {
                var id = $"{suite}/{cell.Variant}/seed-{cell.Seed}";
                if (!finals.TryGetValue((cell.Variant, cell.Seed, metric.Split, metric.Name), out var value))
                {
                    problems.Add($"cell {id} has no final value of {metric.Key}; the experiment must report every declared metric");
                    continue;
                }
                if (!double.IsFinite(value.Value))
                {
                    problems.Add($"cell {id} has {metric.Key} = {value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}; a baseline value must be finite");
                    continue;
                }
                rows.Add(new BaselineRow(suite, run.Manifest.Profile, cell.Variant, metric.Split, metric.Name, cell.Seed, value.Value,
                    provenance.ConfigHash, provenance.DataHash, cell.Fingerprint, provenance.DeviceKind, provenance.LibtorchVersion, run.Manifest.RunId));
            }
        }
        if (problems.Count > 0)
        {
            throw new GateInputException(
                $"cannot promote suite '{suite}' from {run.Directory}:{Environment.NewLine}  - " + string.Join(Environment.NewLine + "  - ", problems));
        }
        var sorted = rows
            .OrderBy(r => r.Variant, StringComparer.Ordinal)
            .ThenBy(r => r.Split, StringComparer.Ordinal)
            .ThenBy(r => r.Metric, StringComparer.Ordinal)
            .ThenBy(r => r.Seed)
            .ToList();
        return new Baseline(suite, run.Manifest.Profile, run.Manifest.RunId, run.Manifest.CreatedAt, run.Manifest.Fingerprint, sorted);
    }

    private static string Listed(IReadOnlyList<string> ids) =>
        ids.Count <= 5 ? string.Join(", ", ids) : $"{string.Join(", ", ids.Take(5))} and {ids.Count - 5} more";
}
