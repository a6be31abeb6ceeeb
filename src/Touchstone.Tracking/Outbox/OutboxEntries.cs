using System.Text.Json.Serialization;
using Touchstone.Tracking.Model;

namespace Touchstone.Tracking.Outbox;

/// <summary>
/// One line of the outbox journal (<c>outbox.jsonl</c>). Deliverable records carry a sequence number; an
/// <see cref="AckEntry"/> or <see cref="RejectEntry"/> refers to one. Runs are named by a client-chosen key,
/// so records can be written before the server has given the run an id.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HeaderEntry), "header")]
[JsonDerivedType(typeof(StartRunEntry), "start")]
[JsonDerivedType(typeof(BatchEntry), "batch")]
[JsonDerivedType(typeof(ArtifactEntry), "artifact")]
[JsonDerivedType(typeof(UpdateRunEntry), "update")]
[JsonDerivedType(typeof(AckEntry), "ack")]
[JsonDerivedType(typeof(RejectEntry), "reject")]
public abstract record OutboxEntry;

/// <summary>The first line: format version and the store the journal belongs to (never with credentials).</summary>
/// <param name="Version">Format version, 1.</param>
/// <param name="Target">Canonical tracking URI.</param>
/// <param name="Created">Epoch milliseconds.</param>
public sealed record HeaderEntry(int Version, string Target, long Created) : OutboxEntry;

/// <summary>Something to deliver, in order.</summary>
/// <param name="Seq">Position in the journal, from 1.</param>
/// <param name="RunKey">The run's client key (32 hex).</param>
public abstract record DeliverableEntry(long Seq, string RunKey) : OutboxEntry;

/// <summary>Create a run.</summary>
/// <param name="Seq">Position in the journal.</param>
/// <param name="RunKey">The run's client key; the file store uses it as the run id.</param>
/// <param name="ExperimentName">Experiment, found or created by name.</param>
/// <param name="RunName">Display name.</param>
/// <param name="UserId">Owner.</param>
/// <param name="StartTime">Epoch milliseconds.</param>
/// <param name="ParentKey">Client key of the parent run, for nested runs.</param>
/// <param name="Label">The caller's own name for the run (e.g. to find it again on resume); never sent.</param>
/// <param name="Tags">Tags set at creation.</param>
public sealed record StartRunEntry(long Seq, string RunKey, string ExperimentName, string RunName, string UserId, long StartTime,
    string? ParentKey, string? Label, IReadOnlyList<RunTag> Tags) : DeliverableEntry(Seq, RunKey);

/// <summary>Log metrics, params and tags.</summary>
/// <param name="Seq">Position in the journal.</param>
/// <param name="RunKey">The run's client key.</param>
/// <param name="Metrics">Metric values.</param>
/// <param name="Params">Parameters.</param>
/// <param name="Tags">Tags.</param>
public sealed record BatchEntry(long Seq, string RunKey, IReadOnlyList<Metric> Metrics, IReadOnlyList<Param> Params,
    IReadOnlyList<RunTag> Tags) : DeliverableEntry(Seq, RunKey)
{
    /// <summary>The content as a batch.</summary>
    public LogBatch ToBatch() => new(Metrics, Params, Tags);
}

/// <summary>Store a file as an artifact.</summary>
/// <param name="Seq">Position in the journal.</param>
/// <param name="RunKey">The run's client key.</param>
/// <param name="Source">The file, relative to the outbox folder when it lies in the folder around it.</param>
/// <param name="ArtifactPath">Path below the run's artifacts, '/'-separated.</param>
public sealed record ArtifactEntry(long Seq, string RunKey, string Source, string ArtifactPath) : DeliverableEntry(Seq, RunKey);

/// <summary>Set a run's status and end time.</summary>
/// <param name="Seq">Position in the journal.</param>
/// <param name="RunKey">The run's client key.</param>
/// <param name="Status">The new status.</param>
/// <param name="EndTime">Epoch milliseconds, or null (a reopened run).</param>
public sealed record UpdateRunEntry(long Seq, string RunKey, RunStatus Status, long? EndTime) : DeliverableEntry(Seq, RunKey);

/// <summary>Record <see cref="Seq"/> reached the store.</summary>
/// <param name="Seq">The record delivered.</param>
/// <param name="RunId">For a start: the run id the store gave.</param>
/// <param name="ExperimentId">For a start: the experiment id.</param>
/// <param name="ArtifactUri">For a start: the run's artifact URI.</param>
public sealed record AckEntry(long Seq, string? RunId = null, string? ExperimentId = null, string? ArtifactUri = null) : OutboxEntry;

/// <summary>The store refused record <see cref="Seq"/> for good; a sync tries it again and reports it again.</summary>
/// <param name="Seq">The record refused.</param>
/// <param name="Error">Why, without credentials.</param>
public sealed record RejectEntry(long Seq, string Error) : OutboxEntry;
