namespace Touchstone.Core.Running;

/// <summary>
/// A sink that also wants progress: the console display. The runner calls it, like every sink, from one thread at
/// a time.
/// </summary>
public interface IRunProgressObserver
{
    /// <summary>How many cells the run has and how many were already done before this invocation (a resume).</summary>
    void RunPlanned(int cells, int alreadyDone);

    /// <summary>A running cell reported <paramref name="step"/> of <paramref name="totalSteps"/>.</summary>
    void CellProgress(CellPlan cell, long step, long totalSteps);
}
