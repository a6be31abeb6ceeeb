using Touchstone.Tracking.Model;

namespace Touchstone.Tracking;

/// <summary>
/// One MLflow backend: the file store (<c>mlruns/</c>) or a tracking server over REST. Each call is one attempt;
/// retries, reconciliation of requests in doubt and the outbox are layered on top by <see cref="Delivery.Deliverer"/>.
/// Errors are <see cref="Errors.TrackingException"/>s: transient, unavailable, or a refusal.
/// </summary>
public interface ITrackingStore : IDisposable
{
    /// <summary>A description of where the store is, without credentials (e.g. <c>http://host:5000</c>).</summary>
    string Target { get; }

    /// <summary>The experiment with this name (active or deleted), or null.</summary>
    Task<Experiment?> GetExperimentByNameAsync(string name, CancellationToken cancellationToken);

    /// <summary>Creates an experiment and returns its id; a name already taken is an error.</summary>
    Task<string> CreateExperimentAsync(string name, CancellationToken cancellationToken);

    /// <summary>Creates a run.</summary>
    Task<RunInfo> CreateRunAsync(CreateRunRequest request, CancellationToken cancellationToken);

    /// <summary>The run created with <paramref name="clientKey"/> in the experiment, or null.</summary>
    Task<RunInfo?> FindRunAsync(string experimentId, string clientKey, CancellationToken cancellationToken);

    /// <summary>The run's info, params, tags and metric keys; null when the run does not exist.</summary>
    Task<RunSnapshot?> GetRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Every logged value of one metric of a run, in logging order.</summary>
    Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string key, CancellationToken cancellationToken);

    /// <summary>
    /// Logs one batch within the REST limits (≤1000 metrics, ≤100 params, ≤100 tags, ≤1000 in all); callers split
    /// larger batches with <see cref="Delivery.BatchChunker"/>.
    /// </summary>
    Task LogBatchAsync(string runId, LogBatch batch, CancellationToken cancellationToken);

    /// <summary>Sets a run's status and end time (null leaves the run without one).</summary>
    Task UpdateRunAsync(string runId, RunStatus status, long? endTime, CancellationToken cancellationToken);

    /// <summary>Stores a local file as an artifact of the run at <paramref name="artifactPath"/> (relative, '/'-separated).</summary>
    Task LogArtifactAsync(RunInfo run, string localPath, string artifactPath, CancellationToken cancellationToken);
}
