using Touchstone.Tracking.Delivery;
using Touchstone.Tracking.Errors;
using Touchstone.Tracking.Model;
using Touchstone.Tracking.Outbox;
using Touchstone.Tracking.Validation;

namespace Touchstone.Tracking;

/// <summary>
/// Logs runs to MLflow through a durable outbox. Every call validates its input, appends a record to the outbox
/// journal (fsync) and returns at once; a background worker delivers records in order with retries and without
/// duplicates. When the store is unavailable, records wait in the outbox (the caller carries on) and
/// <see cref="OutboxSync"/> replays them later. Reopening the same outbox resumes: earlier runs are found again
/// by <see cref="FindRun"/>, and their undelivered records are delivered first.
/// Not thread-safe: call it from one thread at a time.
/// </summary>
public sealed class MlflowTracker : IDisposable
{
    private readonly ITrackingStore _store;
    private readonly TrackerOptions _options;
    private readonly OutboxJournal _journal;
    private readonly DeliveryWorker _worker;
    private readonly BatchValidator _validator;
    private readonly List<TrackedRun> _runs = [];
    private readonly Dictionary<string, TrackedRun> _byKey = new(StringComparer.Ordinal);
    private TrackerSummary? _summary;

    private MlflowTracker(ITrackingStore store, TrackerOptions options, OutboxJournal journal)
    {
        _store = store;
        _options = options;
        _journal = journal;
        _validator = new BatchValidator(options.TruncateLongValues);
        var state = new OutboxState(journal.Entries);
        foreach (var record in state.Records)
        {
            Remember(record);
        }
        var delivery = new RecordDelivery(new Deliverer(store, options.Retry, options.Log.Detail), journal.Directory, state);
        _worker = new DeliveryWorker(delivery, journal, options.Log, options.OfflineProbeInterval, options.Clock);
        // What an earlier session could not deliver goes first; it may have arrived, so it is in doubt.
        foreach (var record in state.Pending.Where(r => !state.WasRejected(r.Seq)))
        {
            _worker.Enqueue(record, inDoubt: true);
        }
    }

    /// <summary>
    /// Opens the outbox in <see cref="TrackerOptions.OutboxDirectory"/> for <paramref name="store"/> (which the
    /// tracker then owns). An outbox that belongs to another store is refused: its runs live there.
    /// </summary>
    public static MlflowTracker Open(ITrackingStore store, TrackerOptions options)
    {
        var journal = OutboxJournal.Open(options.OutboxDirectory, store.Target, options.Log.Warn, options.Clock);
        if (journal.Header.Target != store.Target)
        {
            journal.Dispose();
            store.Dispose();
            throw new TrackingException(
                $"the MLflow outbox {journal.Directory} belongs to {journal.Header.Target}, not {store.Target}; set MLFLOW_TRACKING_URI={journal.Header.Target} to continue this run there");
        }
        return new MlflowTracker(store, options, journal);
    }

    /// <summary>The store, without credentials.</summary>
    public string Target => _store.Target;

    /// <summary>Every run of this outbox, earlier sessions' included, in creation order.</summary>
    public IReadOnlyList<TrackedRun> Runs => _runs;

    /// <summary>True while the store is unavailable and records only go to the outbox.</summary>
    public bool Offline => _worker.Offline;

    /// <summary>The latest run created with <paramref name="label"/>, or null.</summary>
    public TrackedRun? FindRun(string label) => _runs.LastOrDefault(r => r.Label == label);

    /// <summary>Starts a run (the experiment is created when missing). Invalid tags are dropped and reported.</summary>
    /// <param name="experimentName">Experiment to log to.</param>
    /// <param name="runName">Display name.</param>
    /// <param name="tags">Tags to set at creation (<c>mlflow.runName</c> and the parent's id are added).</param>
    /// <param name="parent">Parent run, for a nested run.</param>
    /// <param name="label">A name of the caller's choosing to find the run again with <see cref="FindRun"/>.</param>
    /// <param name="startTime">Start time; now by default.</param>
    public TrackedRun StartRun(string experimentName, string runName, IEnumerable<RunTag> tags, TrackedRun? parent = null,
        string? label = null, DateTimeOffset? startTime = null)
    {
        if (BatchValidator.ExperimentNameProblem(experimentName) is { } problem)
        {
            throw new TrackingException($"run '{runName}': cannot use experiment '{experimentName}': {problem}");
        }
        var name = ValueLimits.Truncate(runName, ValueLimits.MaxTagValueLength);
        var checkedTags = Validate(name, new LogBatch([], [], tags.ToList())).Accepted.Tags;
        var key = _options.NewRunKey();
        var start = new StartRunEntry(_journal.NextSeq(), key, experimentName, name, _options.UserId,
            (startTime ?? _options.Clock.GetUtcNow()).ToUnixTimeMilliseconds(), parent?.Key, label, checkedTags);
        Write(start);
        return _byKey[key];
    }

    /// <summary>
    /// Logs metrics, params and tags. Invalid entities are dropped and reported; the rest is logged. A param the
    /// run already has with another value is refused (params are immutable); with the same value it is skipped.
    /// Returns every issue (also sent to the log).
    /// </summary>
    public IReadOnlyList<ValidationIssue> Log(TrackedRun run, LogBatch batch)
    {
        var validated = Validate(run.Name, batch);
        var issues = validated.Issues.ToList();
        var @params = new List<Param>();
        foreach (var param in validated.Accepted.Params)
        {
            if (!run.Params.TryGetValue(param.Key, out var existing))
            {
                @params.Add(param);
            }
            else if (existing != param.Value)
            {
                var issue = new ValidationIssue(EntityKind.Param, param.Key,
                    $"run '{run.Name}': param '{param.Key}' is already logged with value '{existing}'; the new value '{param.Value}' was dropped (MLflow params are immutable)", Rejected: true);
                issues.Add(issue);
                _options.Log.Warn(issue.Message);
            }
        }
        var accepted = validated.Accepted with { Params = @params };
        if (!accepted.IsEmpty)
        {
            Write(new BatchEntry(_journal.NextSeq(), run.Key, accepted.Metrics, accepted.Params, accepted.Tags));
        }
        return issues;
    }

    /// <summary>Uploads a local file as an artifact of the run, at <paramref name="artifactPath"/> ('/'-separated).</summary>
    public void LogArtifact(TrackedRun run, string localPath, string artifactPath)
    {
        var full = Path.GetFullPath(localPath);
        if (!File.Exists(full))
        {
            throw new TrackingException($"run '{run.Name}': artifact file {full} does not exist");
        }
        // Inside the folder around the outbox (the run directory), keep the path relative so the folder can move.
        var home = Path.GetDirectoryName(_journal.Directory)!;
        var source = full.StartsWith(home + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? Path.GetRelativePath(_journal.Directory, full)
            : full;
        Write(new ArtifactEntry(_journal.NextSeq(), run.Key, source, artifactPath.Replace('\\', '/')));
    }

    /// <summary>Sets the run's status: a terminal one with its end time, or RUNNING again (no end time) to reopen it.</summary>
    public void SetStatus(TrackedRun run, RunStatus status, DateTimeOffset? endTime = null)
    {
        var end = status.IsTerminal() ? (endTime ?? _options.Clock.GetUtcNow()).ToUnixTimeMilliseconds() : (long?)null;
        Write(new UpdateRunEntry(_journal.NextSeq(), run.Key, status, end));
    }

    /// <summary>
    /// Ends the session: waits up to <see cref="TrackerOptions.DrainTimeout"/> for delivery (not at all when the
    /// store is unavailable), closes the outbox and the store, and says what is left for a sync. Idempotent.
    /// </summary>
    public TrackerSummary Complete()
    {
        if (_summary is not null)
        {
            return _summary;
        }
        _worker.CompleteAsync(_options.DrainTimeout).GetAwaiter().GetResult();
        _summary = new TrackerSummary(_store.Target, _journal.Directory, _worker.Delivered, _worker.Rejected,
            _worker.Queued + _worker.Blocked, _worker.Offline || _worker.Queued > 0)
        {
            FirstRejection = _worker.FirstRejection,
        };
        _journal.Dispose();
        _store.Dispose();
        return _summary;
    }

    /// <inheritdoc />
    public void Dispose() => Complete();

    private ValidatedBatch Validate(string runName, LogBatch batch)
    {
        var validated = _validator.Validate(batch, runName);
        foreach (var issue in validated.Issues)
        {
            _options.Log.Warn(issue.Message);
        }
        return validated;
    }

    private void Write(DeliverableEntry record)
    {
        if (_summary is not null)
        {
            throw new TrackingException("the MLflow tracker is already complete; nothing more can be logged");
        }
        if (record is not StartRunEntry && !_byKey.ContainsKey(record.RunKey))
        {
            throw new TrackingException($"run key {record.RunKey} does not belong to this tracker");
        }
        _journal.Append([record]);
        Remember(record);
        _worker.Enqueue(record, inDoubt: false);
    }

    private void Remember(DeliverableEntry record)
    {
        switch (record)
        {
            case StartRunEntry start:
                var run = new TrackedRun(start);
                _runs.Add(run);
                _byKey[start.RunKey] = run;
                break;
            case BatchEntry batch when _byKey.TryGetValue(batch.RunKey, out var owner):
                foreach (var param in batch.Params)
                {
                    owner.Params.TryAdd(param.Key, param.Value);
                }
                break;
            case UpdateRunEntry update when _byKey.TryGetValue(update.RunKey, out var updated):
                updated.Status = update.Status;
                updated.EndTime = update.EndTime;
                break;
        }
    }
}
