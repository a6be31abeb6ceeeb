using Touchstone.Tracking.Delivery;
using Touchstone.Tracking.Outbox;

namespace Touchstone.Tracking;

/// <summary>How an <see cref="MlflowTracker"/> behaves.</summary>
/// <param name="OutboxDirectory">Folder of the durable outbox (e.g. <c>&lt;run dir&gt;/mlflow</c>).</param>
public sealed record TrackerOptions(string OutboxDirectory)
{
    /// <summary>Retry timings (the official client's by default).</summary>
    public RetrySettings Retry { get; init; } = new();

    /// <summary>Where problems and retries are reported.</summary>
    public TrackerLog Log { get; init; } = TrackerLog.Silent;

    /// <summary>How long <see cref="MlflowTracker.Complete"/> waits for the last records to reach a live store.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often an unavailable store is tried again while the run goes on.</summary>
    public TimeSpan OfflineProbeInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Truncate over-long param and tag values (MLflow ≥ 2.11's default) rather than refuse them.</summary>
    public bool TruncateLongValues { get; init; } = true;

    /// <summary>The clock for start times, end times and waits.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The user runs are created for.</summary>
    public string UserId { get; init; } = Environment.UserName;

    /// <summary>Makes client run keys: 32 lower-case hex (a uuid4's hex, like MLflow's run ids).</summary>
    public Func<string> NewRunKey { get; init; } = () => Guid.NewGuid().ToString("N");
}

/// <summary>How a tracker's session ended.</summary>
/// <param name="Target">The store, without credentials.</param>
/// <param name="OutboxDirectory">The outbox folder.</param>
/// <param name="Delivered">Records delivered in this session.</param>
/// <param name="Rejected">Records the store refused (reported one by one as they happened).</param>
/// <param name="Pending">Records left in the outbox for <c>sync</c>.</param>
/// <param name="Offline">True when the store was unavailable at the end.</param>
public sealed record TrackerSummary(string Target, string OutboxDirectory, int Delivered, int Rejected, int Pending, bool Offline)
{
    /// <summary>Why the store refused the first refused record (null when none was refused), for the end-of-run summary.</summary>
    public string? FirstRejection { get; init; }
}
