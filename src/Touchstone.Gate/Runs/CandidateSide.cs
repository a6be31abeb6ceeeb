using Touchstone.Core.Results;
using Touchstone.Gate.Verdicts;

namespace Touchstone.Gate.Runs;

/// <summary>Turns a run's tables into what the gate engine and promote need: cells with provenance, final values.</summary>
public static class CandidateSide
{
    /// <summary>The cells and final values of <paramref name="suite"/> in the run.</summary>
    public static SideData Of(RunData run, string suite)
    {
        var cells = run.Cells
            .Where(c => c.Suite == suite)
            .Select(c => new CellFacts(c.Variant, c.Seed, c.Status, c.Error, ProvenanceOf(run, c)))
            .ToList();
        var values = FinalValues(run, suite)
            .Select(m => new SeedValue(m.Variant, m.Seed, m.Split, m.Metric, m.Value))
            .ToList();
        return new SideData(cells, values);
    }

    /// <summary>
    /// The final value of each (variant, seed, split, metric) of the suite: the row with the highest step. A cell
    /// records each final metric once, so two rows for one key at the same step mean the table was edited or
    /// damaged: the gate would have to guess which value to judge, so it refuses instead.
    /// </summary>
    /// <exception cref="GateInputException">Two rows share a key and a step; the message names them.</exception>
    public static IReadOnlyList<MetricRow> FinalValues(RunData run, string suite)
    {
        var finals = new List<MetricRow>();
        foreach (var key in run.Metrics.Where(m => m.Suite == suite).GroupBy(m => (m.Variant, m.Seed, m.Split, m.Metric)))
        {
            var last = key.Max(m => m.Step);
            var atLast = key.Where(m => m.Step == last).ToList();
            if (atLast.Count > 1)
            {
                var (variant, seed, split, metric) = key.Key;
                var values = string.Join(", ", atLast.Select(m => m.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
                throw new GateInputException(
                    $"{Path.Combine(run.Directory, "metrics.parquet")} has {atLast.Count} rows for suite {suite}, variant {variant}, " +
                    $"seed {seed}, {split}/{metric} at step {last} (values {values}); a cell records each final metric once, so the " +
                    "table was edited or damaged. Rerun the run (or resume it to rewrite its tables) instead of editing metrics.parquet.");
            }
            finals.Add(atLast[0]);
        }
        return finals;
    }

    /// <summary>The provenance of a cell: its hashes, its device kind, and the libtorch version of the environment it ran in.</summary>
    public static Provenance ProvenanceOf(RunData run, CellRow cell) =>
        new(cell.ConfigHash, cell.DataHash, RunData.DeviceKind(cell.Device), run.FingerprintOf(cell).LibtorchVersion);
}
