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
    /// The final value of each (variant, seed, split, metric) of the suite: the row with the highest step, the last
    /// one written among equals (a resumed cell may have logged its final metric again).
    /// </summary>
    public static IReadOnlyList<MetricRow> FinalValues(RunData run, string suite) =>
        run.Metrics
            .Where(m => m.Suite == suite)
            .Select((row, index) => (row, index))
            .GroupBy(p => (p.row.Variant, p.row.Seed, p.row.Split, p.row.Metric))
            .Select(g => g.OrderBy(p => p.row.Step).ThenBy(p => p.index).Last().row)
            .ToList();

    /// <summary>The provenance of a cell: its hashes, its device kind, and the libtorch version of the environment it ran in.</summary>
    public static Provenance ProvenanceOf(RunData run, CellRow cell) =>
        new(cell.ConfigHash, cell.DataHash, RunData.DeviceKind(cell.Device), run.FingerprintOf(cell).LibtorchVersion);
}
