using Touchstone.Core.Experiments;

namespace Touchstone.Suites.Common;

/// <summary>Counts optimizer steps across every model a cell trains, for the progress display, and stops the cell
/// between steps when the run is cancelled (Ctrl-C): call <see cref="Step"/> once after every optimizer step.</summary>
/// <example><code>
/// var progress = new CellProgress(context, totalSteps: 2 * config.Steps);   // two models
/// for (var step = 1; step &lt;= config.Steps; step++) { TrainStep(); progress.Step(); }
/// </code></example>
public sealed class CellProgress(ICellContext context, long totalSteps)
{
    /// <summary>Steps recorded so far.</summary>
    public long Done { get; private set; }

    /// <summary>Steps the cell expects to take (an upper bound when training may stop early).</summary>
    public long Total => totalSteps;

    /// <summary>Records one optimizer step; throws <see cref="OperationCanceledException"/> when the run is being
    /// stopped.</summary>
    public void Step()
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        context.Progress(++Done, totalSteps);
    }
}
