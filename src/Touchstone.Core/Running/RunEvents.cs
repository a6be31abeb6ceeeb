using Touchstone.Core.Results;

namespace Touchstone.Core.Running;

/// <summary>
/// Hands run events to every sink, one event at a time (cells running in parallel are serialized here, so sinks
/// need no locking), and keeps a sink that throws from stopping the run: its error is reported once through
/// <c>warn</c> and the sink is skipped from then on.
/// </summary>
public sealed class RunEvents
{
    private readonly Lock _lock = new();
    private readonly List<IRunSink> _sinks;
    private readonly Action<string> _warn;

    /// <summary>Fans out to <paramref name="sinks"/>; <paramref name="warn"/> receives sink failures.</summary>
    public RunEvents(IEnumerable<IRunSink> sinks, Action<string> warn)
    {
        _sinks = sinks.ToList();
        _warn = warn;
    }

    /// <summary>See <see cref="IRunSink.RunStarted"/>.</summary>
    public void RunStarted(RunManifest manifest) => Each(s => s.RunStarted(manifest));

    /// <summary>See <see cref="IRunProgressObserver.RunPlanned"/>.</summary>
    public void RunPlanned(int cells, int alreadyDone) => Each(s => (s as IRunProgressObserver)?.RunPlanned(cells, alreadyDone));

    /// <summary>See <see cref="IRunSink.CellStarted"/>.</summary>
    public void CellStarted(CellPlan cell) => Each(s => s.CellStarted(cell));

    /// <summary>See <see cref="IRunProgressObserver.CellProgress"/>.</summary>
    public void CellProgress(CellPlan cell, long step, long total) => Each(s => (s as IRunProgressObserver)?.CellProgress(cell, step, total));

    /// <summary>See <see cref="IRunSink.CurvePoint"/>.</summary>
    public void CurvePoint(CellPlan cell, MetricRow point, DateTimeOffset loggedAt) => Each(s => s.CurvePoint(cell, point, loggedAt));

    /// <summary>See <see cref="IRunSink.CellFinished"/>.</summary>
    public void CellFinished(CellPlan cell, CellOutcome outcome) => Each(s => s.CellFinished(cell, outcome));

    /// <summary>See <see cref="IRunSink.RunFinished"/>.</summary>
    public void RunFinished(RunManifest manifest) => Each(s => s.RunFinished(manifest));

    private void Each(Action<IRunSink> call)
    {
        lock (_lock)
        {
            foreach (var sink in _sinks.ToList())
            {
                try
                {
                    call(sink);
                }
                catch (Exception e)
                {
                    _sinks.Remove(sink);
                    _warn($"{sink.GetType().Name} failed and is switched off for the rest of the run: {e.Message}");
                }
            }
        }
    }
}
