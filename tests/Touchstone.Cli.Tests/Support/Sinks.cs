using System.CommandLine;
using Touchstone.Cli.Sinks;
using Touchstone.Core.Results;
using Touchstone.Core.Running;

namespace Touchstone.Cli.Tests.Support;

/// <summary>A sink provider that hands out one sink for every run.</summary>
public sealed class SinkProvider(IRunSink sink) : IRunSinkProvider
{
    public List<RunSinkRequest> Requests { get; } = [];

    public void AddOptions(Command run)
    {
    }

    public IRunSink? Create(RunSinkRequest request)
    {
        Requests.Add(request);
        return request.TrackingDisabled ? null : sink;
    }
}

/// <summary>Records every event it is given.</summary>
public class RecordingSink : IRunSink
{
    public List<string> Events { get; } = [];

    public List<MetricRow> CurvePoints { get; } = [];

    public List<CellOutcome> Finished { get; } = [];

    public virtual void RunStarted(RunManifest manifest) => Events.Add($"run started {manifest.RunId}");

    public void CellStarted(CellPlan cell) => Events.Add($"cell started {cell.Id}");

    public void CurvePoint(CellPlan cell, MetricRow point, DateTimeOffset loggedAt) => CurvePoints.Add(point);

    public virtual void CellFinished(CellPlan cell, CellOutcome outcome)
    {
        Events.Add($"cell finished {cell.Id} {outcome.Row.Status}");
        Finished.Add(outcome);
    }

    public void RunFinished(RunManifest manifest) => Events.Add($"run finished {manifest.RunId}");
}

/// <summary>Stops the run, as Ctrl-C would, when the given number of cells has finished.</summary>
public sealed class StopAfterSink(int cells, CancellationTokenSource stop) : RecordingSink
{
    public override void CellFinished(CellPlan cell, CellOutcome outcome)
    {
        base.CellFinished(cell, outcome);
        if (Finished.Count == cells)
        {
            stop.Cancel();
        }
    }
}
