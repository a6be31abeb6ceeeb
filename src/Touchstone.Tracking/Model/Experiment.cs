namespace Touchstone.Tracking.Model;

/// <summary>An MLflow experiment as a store reports it.</summary>
/// <param name="ExperimentId">Its id: digits in a file store, any string a server chooses.</param>
/// <param name="Name">Its unique name.</param>
/// <param name="ArtifactLocation">Root URI of its runs' artifacts.</param>
/// <param name="LifecycleStage"><c>active</c> or <c>deleted</c>.</param>
public sealed record Experiment(string ExperimentId, string Name, string ArtifactLocation, string LifecycleStage)
{
    /// <summary>True when the experiment was deleted (it still holds its name).</summary>
    public bool IsDeleted => LifecycleStage == "deleted";
}

/// <summary>The identity and lifecycle of a run.</summary>
/// <param name="RunId">The run's id (32 lower-case hex characters for runs this library creates).</param>
/// <param name="ExperimentId">The experiment it belongs to.</param>
/// <param name="RunName">Display name.</param>
/// <param name="Status">Lifecycle status.</param>
/// <param name="StartTime">Epoch milliseconds.</param>
/// <param name="EndTime">Epoch milliseconds, or null while running.</param>
/// <param name="ArtifactUri">Where the run's artifacts go (<c>file://…</c> or <c>mlflow-artifacts:/…</c>).</param>
public sealed record RunInfo(
    string RunId,
    string ExperimentId,
    string RunName,
    RunStatus Status,
    long StartTime,
    long? EndTime,
    string ArtifactUri);

/// <summary>What a store holds for a run: its info, every param and tag.</summary>
/// <param name="Info">Identity and lifecycle.</param>
/// <param name="Params">Parameters by key.</param>
/// <param name="Tags">Tags by key.</param>
/// <param name="MetricKeys">Keys of every metric the run has.</param>
public sealed record RunSnapshot(
    RunInfo Info,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyCollection<string> MetricKeys);

/// <summary>What is needed to create a run.</summary>
/// <param name="ExperimentId">Experiment to create it in.</param>
/// <param name="ClientKey">
/// A 32-hex id chosen by the client. The file store uses it as the run id; a server chooses its own id, so the key
/// is also sent as the tag <see cref="MlflowTags.ClientRunKey"/> to find the run again when a create was in doubt.
/// </param>
/// <param name="RunName">Display name (also sent as the <c>mlflow.runName</c> tag).</param>
/// <param name="UserId">User who owns the run.</param>
/// <param name="StartTime">Epoch milliseconds.</param>
/// <param name="Tags">Tags set at creation.</param>
public sealed record CreateRunRequest(
    string ExperimentId,
    string ClientKey,
    string RunName,
    string UserId,
    long StartTime,
    IReadOnlyList<RunTag> Tags);
