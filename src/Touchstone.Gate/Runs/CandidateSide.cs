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
    /// records one value per metric and step, so two rows for one key at any one step mean the table was edited or
    /// damaged: the gate would have to guess which value to judge, so it refuses instead.
    /// </summary>
    /// <exception cref="GateInputException">Two rows share a key and a step; the message names them.</exception>
    public static IReadOnlyList<MetricRow> FinalValues(RunData run, string suite)
    {
        var rows = run.Metrics.Where(m => m.Suite == suite).ToList();
        RunReader.RefuseRepeatedRows(Path.Combine(run.Directory, "metrics.parquet"), rows);
        return rows.GroupBy(m => (m.Variant, m.Seed, m.Split, m.Metric)).Select(key => key.MaxBy(m => m.Step)!).ToList();
    }

    /// <summary>The provenance of a cell: its hashes, its device kind, and the libtorch version of the environment it ran in.</summary>
    public static Provenance ProvenanceOf(RunData run, CellRow cell) =>
        new(cell.ConfigHash, cell.DataHash, RunData.DeviceKind(cell.Device), run.FingerprintOf(cell).LibtorchVersion);
}
