using Touchstone.Tracking.Delivery;
using Touchstone.Tracking.Errors;
using Touchstone.Tracking.Model;

namespace Touchstone.Tracking.Outbox;

/// <summary>A record cannot be delivered because the run it belongs to was never created.</summary>
internal sealed class RunNotCreatedException(string message) : TrackingException(message);

/// <summary>Delivers journal records to a store, resolving client run keys to the ids the store gave.</summary>
internal sealed class RecordDelivery
{
    private readonly Deliverer _deliverer;
    private readonly string _outboxDirectory;
    private readonly Dictionary<string, RunInfo> _runs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StartRunEntry> _starts = new(StringComparer.Ordinal);

    public RecordDelivery(Deliverer deliverer, string outboxDirectory, OutboxState state)
    {
        _deliverer = deliverer;
        _outboxDirectory = outboxDirectory;
        foreach (var (start, info) in state.CreatedRuns())
        {
            _runs[start.RunKey] = info;
        }
        foreach (var (key, start) in state.Starts)
        {
            _starts[key] = start;
        }
    }

    /// <summary>Where records go, without credentials.</summary>
    public string Target => _deliverer.Store.Target;

    /// <summary>Delivers one record; returns its acknowledgement. <paramref name="inDoubt"/>: it may have arrived already.</summary>
    public async Task<AckEntry> DeliverAsync(DeliverableEntry record, bool inDoubt, CancellationToken cancellationToken)
    {
        switch (record)
        {
            case StartRunEntry start:
                _starts[start.RunKey] = start;
                var experimentId = await _deliverer.EnsureExperimentAsync(start.ExperimentName, cancellationToken);
                var tags = start.Tags.ToList();
                if (start.ParentKey is not null)
                {
                    tags.Add(new RunTag(MlflowTags.ParentRunId, Run(start.ParentKey).RunId));
                }
                var info = await _deliverer.CreateRunAsync(
                    new CreateRunRequest(experimentId, start.RunKey, start.RunName, start.UserId, start.StartTime, tags), inDoubt, cancellationToken);
                _runs[start.RunKey] = info;
                return new AckEntry(start.Seq, info.RunId, experimentId, info.ArtifactUri);
            case BatchEntry batch:
                await _deliverer.LogBatchAsync(Run(batch.RunKey), batch.ToBatch(), inDoubt, cancellationToken);
                break;
            case ArtifactEntry artifact:
                var source = Path.GetFullPath(Path.Combine(_outboxDirectory, artifact.Source));
                var run = Run(artifact.RunKey);
                if (!File.Exists(source))
                {
                    throw new TrackingException($"run '{run.RunName}': artifact file {source} no longer exists; it cannot be uploaded");
                }
                await _deliverer.LogArtifactAsync(run, source, artifact.ArtifactPath, cancellationToken);
                break;
            case UpdateRunEntry update:
                await _deliverer.UpdateRunAsync(Run(update.RunKey), update.Status, update.EndTime, cancellationToken);
                break;
        }
        return new AckEntry(record.Seq);
    }

    private RunInfo Run(string key)
    {
        if (_runs.TryGetValue(key, out var info))
        {
            return info;
        }
        var name = _starts.TryGetValue(key, out var start) ? $"'{start.RunName}'" : $"with key {key}";
        throw new RunNotCreatedException($"run {name} was not created in the store, so what was logged to it waits in the outbox");
    }
}
