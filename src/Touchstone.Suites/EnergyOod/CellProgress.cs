using Touchstone.Core.Experiments;

namespace Touchstone.Suites.EnergyOod;

/// <summary>Counts optimizer steps across every model a cell trains, for the progress display, and stops the cell
/// between steps when the run is cancelled.</summary>
public sealed class CellProgress(ICellContext context, long totalSteps)
{
    private long _done;

    /// <summary>Records one optimizer step.</summary>
    public void Step()
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        context.Progress(++_done, totalSteps);
    }
}
