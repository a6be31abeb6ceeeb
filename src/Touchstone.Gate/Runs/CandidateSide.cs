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
    /// The final value of each (variant, seed, split, metric) of the suite. A cell records each final metric once,
    /// so a second row for the same key means the table was edited or damaged: the gate would have to guess which
    /// value to judge, so it refuses instead.
    /// </summary>
    /// <exception cref="GateInputException">Two rows share a key; the message names it.</exception>
    public static IReadOnlyList<MetricRow> FinalValues(RunData run, string suite)
    {
        var rows = run.Metrics.Where(m => m.Suite == suite).ToList();
        var duplicate = rows.GroupBy(m => (m.Variant, m.Seed, m.Split, m.Metric)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            var (variant, seed, split, metric) = duplicate.Key;
            var values = string.Join(", ", duplicate.Select(m => m.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
            throw new GateInputException(
                $"{Path.Combine(run.Directory, "metrics.parquet")} has {duplicate.Count()} rows for suite {suite}, variant {variant}, " +
                $"seed {seed}, {split}/{metric} (values {values}); a cell records each final metric once, so the table was edited " +
                "or damaged. Rerun the run (or resume it to rewrite its tables) instead of editing metrics.parquet.");
        }
        return rows;
    }

    /// <summary>The provenance of a cell: its hashes, its device kind, and the libtorch version of the environment it ran in.</summary>
    public static Provenance ProvenanceOf(RunData run, CellRow cell) =>
        new(cell.ConfigHash, cell.DataHash, RunData.DeviceKind(cell.Device), run.FingerprintOf(cell).LibtorchVersion);
}
