using Polly;
using Touchstone.Tracking.Errors;
using Touchstone.Tracking.Model;

namespace Touchstone.Tracking.Delivery;

/// <summary>
/// Delivers to a store with the official client's retries, without ever applying anything twice: whenever a
/// request may have been applied although it failed (a timeout, a 5xx, a dropped connection, or a record replayed
/// from the outbox), the next attempt first asks the store what it already holds and sends only the rest. This
/// also turns the file-backed server's HTTP 500 for a changed param into a clear, final
/// <see cref="ParamConflictException"/> instead of seven blind retries.
/// </summary>
public sealed class Deliverer
{
    private readonly ITrackingStore _store;
    private readonly ResiliencePipeline _pipeline;
    private readonly Dictionary<string, string> _experimentIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ServerRunView> _views = new(StringComparer.Ordinal);

    /// <summary>Creates a deliverer for <paramref name="store"/>.</summary>
    /// <param name="store">The backend.</param>
    /// <param name="retry">Retry timings.</param>
    /// <param name="onRetry">Told about each retry (message without credentials).</param>
    public Deliverer(ITrackingStore store, RetrySettings retry, Action<string>? onRetry = null)
    {
        _store = store;
        _pipeline = RetryPipeline.Build(retry, onRetry ?? (_ => { }));
    }

    /// <summary>The backend.</summary>
    public ITrackingStore Store => _store;

    /// <summary>The id of the experiment named <paramref name="name"/>, created when missing (as MLflow's set_experiment).</summary>
    public async Task<string> EnsureExperimentAsync(string name, CancellationToken cancellationToken)
    {
        if (_experimentIds.TryGetValue(name, out var known))
        {
            return known;
        }
        var id = await _pipeline.ExecuteAsync(async token =>
        {
            var experiment = await _store.GetExperimentByNameAsync(name, token);
            if (experiment is null)
            {
                try
                {
                    return await _store.CreateExperimentAsync(name, token);
                }
                catch (MlflowRestException error) when (error.ErrorCode == "RESOURCE_ALREADY_EXISTS")
                {
                    // Created meanwhile by another client (or by our own earlier attempt).
                    experiment = await _store.GetExperimentByNameAsync(name, token);
                }
            }
            if (experiment is null)
            {
                throw new TrackingException($"experiment '{name}' could neither be found nor created in {_store.Target}");
            }
            return experiment.IsDeleted
                ? throw new TrackingException($"experiment '{name}' (id {experiment.ExperimentId}) is deleted in {_store.Target}; restore it (`mlflow experiments restore --experiment-id {experiment.ExperimentId}`) or choose another name with MLFLOW_EXPERIMENT_NAME")
                : experiment.ExperimentId;
        }, cancellationToken);
        _experimentIds[name] = id;
        return id;
    }

    /// <summary>Creates a run; when <paramref name="inDoubt"/>, first looks for the run by its client key.</summary>
    public async Task<RunInfo> CreateRunAsync(CreateRunRequest request, bool inDoubt, CancellationToken cancellationToken)
    {
        var doubt = inDoubt;
        return await _pipeline.ExecuteAsync(async token =>
        {
            if (doubt && await _store.FindRunAsync(request.ExperimentId, request.ClientKey, token) is { } existing)
            {
                return existing;
            }
            try
            {
                return await _store.CreateRunAsync(request, token);
            }
            catch (TransientTrackingException)
            {
                doubt = true;
                throw;
            }
        }, cancellationToken);
    }

    /// <summary>
    /// Logs <paramref name="batch"/> in pieces within the server's limits. When <paramref name="inDoubt"/> (a replay),
    /// what the store already holds is left out.
    /// </summary>
    public async Task LogBatchAsync(RunInfo run, LogBatch batch, bool inDoubt, CancellationToken cancellationToken)
    {
        var view = View(run);
        foreach (var piece in BatchChunker.Split(batch))
        {
            var doubt = inDoubt;
            await _pipeline.ExecuteAsync(async token =>
            {
                var toSend = doubt ? await view.RemainingAsync(piece, token) : piece;
                if (toSend.IsEmpty)
                {
                    return;
                }
                try
                {
                    await _store.LogBatchAsync(run.RunId, toSend, token);
                    view.Record(toSend);
                }
                catch (TransientTrackingException)
                {
                    doubt = true;
                    view.Invalidate();
                    throw;
                }
                catch (MlflowRestException error)
                {
                    // Find the key behind a refusal: a param that already has another value names itself.
                    view.Invalidate();
                    await view.RemainingAsync(toSend, token);
                    throw new TrackingException($"run '{run.RunName}' ({run.RunId}): {error.Message}", error);
                }
            }, cancellationToken);
        }
    }

    /// <summary>Sets the run's status and end time (repeating it is harmless).</summary>
    public Task UpdateRunAsync(RunInfo run, RunStatus status, long? endTime, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(async token => await _store.UpdateRunAsync(run.RunId, status, endTime, token), cancellationToken).AsTask();

    /// <summary>Stores a local file as an artifact (an upload overwrites, so repeating it is harmless).</summary>
    public Task LogArtifactAsync(RunInfo run, string localPath, string artifactPath, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(async token => await _store.LogArtifactAsync(run, localPath, artifactPath, token), cancellationToken).AsTask();

    private ServerRunView View(RunInfo run)
    {
        if (!_views.TryGetValue(run.RunId, out var view))
        {
            view = new ServerRunView(_store, run);
            _views[run.RunId] = view;
        }
        return view;
    }
}
