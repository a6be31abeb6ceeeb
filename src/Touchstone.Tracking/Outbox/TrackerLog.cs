namespace Touchstone.Tracking.Outbox;

/// <summary>Where the tracker reports: problems people must see, and details (retries) for the curious.</summary>
/// <param name="Warn">Problems: a refused record, going offline, a truncated value.</param>
/// <param name="Detail">Retries and other progress.</param>
public sealed record TrackerLog(Action<string> Warn, Action<string> Detail)
{
    /// <summary>Reports nothing.</summary>
    public static TrackerLog Silent { get; } = new(_ => { }, _ => { });
}
