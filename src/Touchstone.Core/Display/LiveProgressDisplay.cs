using Spectre.Console;
using Touchstone.Core.Results;
using Touchstone.Core.Running;

namespace Touchstone.Core.Display;

/// <summary>
/// A live Spectre.Console display: a bar for the run's cells with the time left, a bar per running cell for its
/// steps, and a line above them for each finished cell. The display runs on its own thread between
/// <see cref="RunStarted"/> and <see cref="RunFinished"/>.
/// </summary>
/// <param name="console">The terminal.</param>
public sealed class LiveProgressDisplay(IAnsiConsole console) : IRunSink, IRunProgressObserver
{
    private readonly RunClock _clock = new();
    private readonly Dictionary<CellPlan, ProgressTask> _cells = [];
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ProgressContext? _context;
    private ProgressTask? _overall;
    private Task? _rendering;

    /// <inheritdoc />
    public void RunStarted(RunManifest manifest)
    {
        var ready = new TaskCompletionSource<ProgressContext>(TaskCreationOptions.RunContinuationsAsynchronously);
        _rendering = console.Progress()
            .AutoClear(false)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                ready.SetResult(context);
                await _finished.Task;
                context.Refresh();
            });
        _context = ready.Task.GetAwaiter().GetResult();
    }

    /// <inheritdoc />
    public void RunPlanned(int cells, int alreadyDone)
    {
        _clock.Planned(cells, alreadyDone);
        // The bar counts only this invocation's cells, so that the time left is estimated from their pace alone.
        _overall = _context!.AddTask(OverallText(), maxValue: Math.Max(1, cells - alreadyDone));
    }

    /// <inheritdoc />
    public void CellStarted(CellPlan cell)
    {
        var task = _context!.AddTask($"  {Markup.Escape(cell.Id.ToString())}", autoStart: true, maxValue: 1);
        task.IsIndeterminate = true;
        _cells[cell] = task;
    }

    /// <inheritdoc />
    public void CellProgress(CellPlan cell, long step, long totalSteps)
    {
        if (_cells.TryGetValue(cell, out var task) && totalSteps > 0)
        {
            task.IsIndeterminate = false;
            task.MaxValue = totalSteps;
            task.Value = Math.Min(step, totalSteps);
        }
    }

    /// <inheritdoc />
    public void CurvePoint(CellPlan cell, MetricRow point, DateTimeOffset loggedAt)
    {
    }

    /// <inheritdoc />
    public void CellFinished(CellPlan cell, CellOutcome outcome)
    {
        if (_cells.Remove(cell, out var task))
        {
            task.Value = task.MaxValue;
            task.StopTask();
        }
        _clock.Finished();
        _overall!.Increment(1);
        _overall.Description = OverallText();
        var row = outcome.Row;
        var (colour, word) = row.Status switch
        {
            CellStatus.Ok => ("green", "ok"),
            CellStatus.Diverged => ("yellow", "diverged"),
            _ => ("red", "failed"),
        };
        var error = row.Error is null ? "" : $": {Markup.Escape(row.Error)}";
        console.MarkupLine($"[{colour}]{word,-8}[/] {Markup.Escape(cell.Id.ToString())} in {ProgressDisplay.Duration(row.DurationS)}{error}");
    }

    /// <inheritdoc />
    public void RunFinished(RunManifest manifest)
    {
        foreach (var task in _cells.Values)
        {
            task.StopTask();
        }
        _finished.TrySetResult();
        _rendering?.GetAwaiter().GetResult();
    }

    private string OverallText() => $"cells {_clock.Done}/{_clock.Total}";
}
