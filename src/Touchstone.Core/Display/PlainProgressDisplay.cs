using Spectre.Console;
using Touchstone.Core.Results;
using Touchstone.Core.Running;

namespace Touchstone.Core.Display;

/// <summary>
/// Progress as plain lines, for output that is not a terminal: one line when a cell starts and ends, and a step
/// line for a long cell at most every <c>interval</c>.
/// </summary>
/// <param name="console">Where the lines go.</param>
/// <param name="interval">Least time between two step lines of one cell.</param>
public sealed class PlainProgressDisplay(IAnsiConsole console, TimeSpan interval) : IRunSink, IRunProgressObserver
{
    private readonly RunClock _clock = new();
    private readonly Dictionary<CellPlan, DateTime> _lastLine = [];

    /// <inheritdoc />
    public void RunStarted(RunManifest manifest)
    {
    }

    /// <inheritdoc />
    public void RunPlanned(int cells, int alreadyDone)
    {
        _clock.Planned(cells, alreadyDone);
        var resumed = alreadyDone > 0 ? $", {alreadyDone} already done" : "";
        Line($"{cells} cells{resumed}");
    }

    /// <inheritdoc />
    public void CellStarted(CellPlan cell)
    {
        _lastLine[cell] = DateTime.UtcNow;
        Line($"{Counter(_clock.Done + 1)} {cell.Id} started");
    }

    /// <inheritdoc />
    public void CellProgress(CellPlan cell, long step, long totalSteps)
    {
        if (_lastLine.TryGetValue(cell, out var last) && DateTime.UtcNow - last >= interval)
        {
            _lastLine[cell] = DateTime.UtcNow;
            Line($"{Counter(_clock.Done + 1)} {cell.Id} step {step}/{totalSteps}");
        }
    }

    /// <inheritdoc />
    public void CurvePoint(CellPlan cell, MetricRow point, DateTimeOffset loggedAt)
    {
    }

    /// <inheritdoc />
    public void CellFinished(CellPlan cell, CellOutcome outcome)
    {
        _lastLine.Remove(cell);
        _clock.Finished();
        var row = outcome.Row;
        var status = row.Status.ToString().ToLowerInvariant();
        var error = row.Error is null ? "" : $": {row.Error}";
        var eta = _clock.SecondsLeft is { } left && _clock.Done < _clock.Total ? $" (about {ProgressDisplay.Duration(left)} left)" : "";
        Line($"{Counter(_clock.Done)} {cell.Id} {status} in {ProgressDisplay.Duration(row.DurationS)}{error}{eta}");
    }

    /// <inheritdoc />
    public void RunFinished(RunManifest manifest)
    {
    }

    private string Counter(int n)
    {
        var width = _clock.Total.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        return $"[{n.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width)}/{_clock.Total}]";
    }

    private void Line(string text) => console.PlainLine(text);
}
