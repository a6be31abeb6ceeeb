using Touchstone.Core.Results;
using Touchstone.Core.Running;
using Touchstone.Tracking;
using Touchstone.Tracking.Model;
using Touchstone.Tracking.Outbox;

namespace Touchstone.Cli.Mlflow;

/// <summary>
/// Logs a <c>touchstone run</c> to MLflow: per suite an experiment (or the one override) holding one parent run
/// per invocation, and under it one nested run per cell named <c>variant/seed-N</c> with the flattened config as
/// params, the curves and final metrics as <c>split/metric</c>, identity tags and the cell's config.yaml and
/// metrics.parquet as artifacts. Everything goes through the run directory's outbox, so a server that is down
/// never stops the run, and a resumed run continues its MLflow runs instead of duplicating them.
/// Never throws: problems are written to the log and the run goes on.
/// </summary>
public sealed class MlflowRunSink : IRunSink
{
    private readonly Func<MlflowTracker> _open;
    private readonly MlflowSinkOptions _options;
    private readonly string _user;
    private readonly TextWriter _log;
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, TrackedRun> _parents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CellLog> _cells = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Split, string Metric), string> _keys = [];
    private MlflowTracker? _tracker;
    private RunManifest? _manifest;
    private bool _disabled;

    /// <summary>Creates the sink; the tracker is opened when the run starts.</summary>
    /// <param name="open">Opens the tracker on the run directory's outbox.</param>
    /// <param name="options">Experiment override and curve batching.</param>
    /// <param name="user">The user recorded on runs.</param>
    /// <param name="log">Where problems and the end-of-run summary are written.</param>
    /// <param name="clock">Clock for end times; the system clock by default.</param>
    public MlflowRunSink(Func<MlflowTracker> open, MlflowSinkOptions options, string user, TextWriter log, TimeProvider? clock = null)
    {
        _open = open;
        _options = options;
        _user = user;
        _log = log;
        _clock = clock ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public void RunStarted(RunManifest manifest) => Guard("start", () =>
    {
        _manifest = manifest;
        _tracker ??= _open();
    });

    /// <inheritdoc />
    public void CellStarted(CellPlan cell) => Guard($"cell {cell.Id}", () => StartCell(cell));

    /// <inheritdoc />
    public void CurvePoint(CellPlan cell, MetricRow point, DateTimeOffset loggedAt) => Guard($"cell {cell.Id}", () =>
    {
        var log = _cells.GetValueOrDefault(cell.Id.ToString()) ?? StartCell(cell);
        log.Add(new Metric(Key(point), point.Value, loggedAt.ToUnixTimeMilliseconds(), point.Step));
        if (log.Buffered >= _options.CurveBatchSize || _clock.GetUtcNow() - log.LastFlush >= _options.CurveFlushInterval)
        {
            Flush(log);
        }
    });

    /// <inheritdoc />
    public void CellFinished(CellPlan cell, CellOutcome outcome) => Guard($"cell {cell.Id}", () =>
    {
        var log = _cells.GetValueOrDefault(cell.Id.ToString()) ?? StartCell(cell);
        Flush(log);
        var row = outcome.Row;
        var end = new DateTimeOffset(DateTime.SpecifyKind(row.StartedAt, DateTimeKind.Utc)).AddSeconds(row.DurationS);
        var finals = outcome.Metrics
            .Select(m => new Metric(Key(m), m.Value, end.ToUnixTimeMilliseconds(), m.Step))
            .Where(m => !log.AlreadyLogged(m))
            .ToList();
        _tracker!.Log(log.Run, new LogBatch(finals, [], TouchstoneTags.CellEnd(outcome)));
        foreach (var file in new[] { "config.yaml", "metrics.parquet" })
        {
            var path = Path.Combine(outcome.CellDirectory, file);
            if (File.Exists(path))
            {
                _tracker.LogArtifact(log.Run, path, file);
            }
        }
        _tracker.SetStatus(log.Run, row.Status == CellStatus.Ok ? RunStatus.Finished : RunStatus.Failed, end);
        _cells.Remove(cell.Id.ToString());
    });

    /// <inheritdoc />
    public void RunFinished(RunManifest manifest) => Guard("finish", () =>
    {
        if (_tracker is null)
        {
            return;
        }
        foreach (var log in _cells.Values)
        {
            Flush(log);
        }
        foreach (var (suite, parent) in _parents)
        {
            _tracker.SetStatus(parent, ParentStatus(manifest, suite), _clock.GetUtcNow());
        }
        Report(_tracker.Complete());
    });

    private CellLog StartCell(CellPlan cell)
    {
        var tracker = _tracker ?? throw new InvalidOperationException("RunStarted was not called");
        var manifest = _manifest!;
        var label = $"cell:{cell.Id}";
        if (tracker.FindRun(label) is { } earlier && !earlier.Status.IsTerminal())
        {
            // An interrupted attempt of this cell: its run is closed as KILLED; the new attempt gets a fresh run.
            tracker.SetStatus(earlier, RunStatus.Killed, _clock.GetUtcNow());
        }
        var run = tracker.StartRun(ExperimentFor(cell.Id.Suite), $"{cell.Id.Variant}/seed-{cell.Id.Seed}",
            TouchstoneTags.CellStart(manifest, cell, _user), Parent(cell.Id.Suite), label);
        tracker.Log(run, new LogBatch([], cell.Config.Flatten().Select(e => new Param(e.Path, e.Value)).ToList(), []));
        var log = new CellLog(run, _clock.GetUtcNow());
        _cells[cell.Id.ToString()] = log;
        return log;
    }

    private TrackedRun Parent(string suite)
    {
        if (_parents.TryGetValue(suite, out var known))
        {
            return known;
        }
        var manifest = _manifest!;
        var tracker = _tracker!;
        var parent = tracker.FindRun($"parent:{suite}");
        if (parent is null)
        {
            var name = _options.ExperimentName is null ? manifest.RunId : $"{suite}/{manifest.RunId}";
            parent = tracker.StartRun(ExperimentFor(suite), name, TouchstoneTags.Parent(manifest, suite, _user), label: $"parent:{suite}",
                startTime: new DateTimeOffset(DateTime.SpecifyKind(manifest.CreatedAt, DateTimeKind.Utc)));
        }
        else if (parent.Status != RunStatus.Running)
        {
            tracker.SetStatus(parent, RunStatus.Running);
        }
        _parents[suite] = parent;
        return parent;
    }

    // FINISHED when every cell of the suite ended well, FAILED when one failed, KILLED when one never ended.
    private RunStatus ParentStatus(RunManifest manifest, string suite)
    {
        var statuses = manifest.Cells
            .Where(c => c.StartsWith(suite + "/", StringComparison.Ordinal))
            .Select(c => _tracker!.FindRun($"cell:{c}")?.Status)
            .ToList();
        if (statuses.Any(s => s is null || !s.Value.IsTerminal()))
        {
            return RunStatus.Killed;
        }
        return statuses.Any(s => s != RunStatus.Finished) ? RunStatus.Failed : RunStatus.Finished;
    }

    // Curves repeat a handful of names thousands of times: sanitize each once.
    private string Key(MetricRow row)
    {
        if (!_keys.TryGetValue((row.Split, row.Metric), out var key))
        {
            key = MlflowKeys.Metric(row.Split, row.Metric);
            _keys[(row.Split, row.Metric)] = key;
        }
        return key;
    }

    private string ExperimentFor(string suite) => _options.ExperimentName ?? suite;

    private void Flush(CellLog log)
    {
        var points = log.TakeBuffered();
        if (points.Count > 0)
        {
            _tracker!.Log(log.Run, new LogBatch(points, [], []));
        }
        log.LastFlush = _clock.GetUtcNow();
    }

    private void Report(TrackerSummary summary)
    {
        var runDirectory = Path.GetDirectoryName(summary.OutboxDirectory);
        if (summary.Rejected > 0)
        {
            // Refused records are not logged: "run logged" would hide that the MLflow run lacks them.
            _log.WriteLine($"MLflow: {summary.Rejected} of {summary.Rejected + summary.Delivered} records were refused and are not in {summary.Target}; " +
                $"the first refusal: {summary.FirstRejection}. Each refusal is printed above; fix its cause (the server's artifact " +
                $"root, a param changed under the same run), then run `touchstone mlflow sync {runDirectory}` to send them again.");
        }
        if (summary.Pending > 0)
        {
            _log.WriteLine($"MLflow: {summary.Pending} records could not be delivered to {summary.Target}; they are kept in {summary.OutboxDirectory}. " +
                $"Run `touchstone mlflow sync {runDirectory}` when the tracking server is reachable.");
        }
        else if (summary.Rejected == 0)
        {
            _log.WriteLine($"MLflow: run logged to {summary.Target}");
        }
    }

    private void Guard(string what, Action action)
    {
        if (_disabled)
        {
            return;
        }
        try
        {
            action();
        }
        catch (Exception error) when (error is Tracking.Errors.TrackingException or ArgumentException)
        {
            _log.WriteLine($"MLflow ({what}): {error.Message}");
            if (_tracker is null)
            {
                Disable();
            }
        }
        catch (Exception error)
        {
            // Anything else (the outbox cannot be written, a bug): stop MLflow logging, never the run.
            _log.WriteLine($"MLflow ({what}): {error.GetType().Name}: {error.Message}");
            Disable();
        }
    }

    private void Disable()
    {
        _disabled = true;
        _log.WriteLine("MLflow: logging is off for the rest of this run; the results in the run directory are complete.");
        try
        {
            _tracker?.Complete();
        }
        catch (Exception error)
        {
            _log.WriteLine($"MLflow: closing the outbox failed: {error.Message}");
        }
    }

    /// <summary>The open MLflow run of a cell, its curve points not written yet, and each curve's latest point.</summary>
    private sealed class CellLog(TrackedRun run, DateTimeOffset started)
    {
        private readonly List<Metric> _buffer = [];
        private readonly Dictionary<string, (long Step, long Bits)> _latest = new(StringComparer.Ordinal);

        public TrackedRun Run { get; } = run;
        public DateTimeOffset LastFlush { get; set; } = started;
        public int Buffered => _buffer.Count;

        public void Add(Metric metric)
        {
            _buffer.Add(metric);
            if (!_latest.TryGetValue(metric.Key, out var latest) || metric.Step >= latest.Step)
            {
                _latest[metric.Key] = (metric.Step, BitConverter.DoubleToInt64Bits(metric.Value));
            }
        }

        public List<Metric> TakeBuffered()
        {
            var points = _buffer.ToList();
            _buffer.Clear();
            return points;
        }

        // A final metric equal to its curve's last point (same step, same value) would only add a second timestamp.
        public bool AlreadyLogged(Metric metric) =>
            _latest.TryGetValue(metric.Key, out var latest) && latest == (metric.Step, BitConverter.DoubleToInt64Bits(metric.Value));
    }
}
