using Touchstone.Tracking.Delivery;

namespace Touchstone.Tracking.Outbox;

/// <summary>What a sync did.</summary>
/// <param name="OutboxDirectory">The outbox replayed.</param>
/// <param name="Target">Where it was replayed to.</param>
/// <param name="Delivered">Records now acknowledged.</param>
/// <param name="Rejected">Records the store refused (see <paramref name="Errors"/>).</param>
/// <param name="Blocked">Records whose run could not be created.</param>
/// <param name="Remaining">Records not tried because the store became unavailable.</param>
/// <param name="Errors">One message per refusal or stop.</param>
public sealed record SyncReport(string OutboxDirectory, string Target, int Delivered, int Rejected, int Blocked, int Remaining,
    IReadOnlyList<string> Errors)
{
    /// <summary>True when nothing is left to deliver.</summary>
    public bool IsComplete => Rejected == 0 && Blocked == 0 && Remaining == 0;
}

/// <summary>
/// Replays an outbox: every record not acknowledged yet is delivered in order. Each is treated as in doubt (the
/// run that wrote it may have sent it before dying), so the store is asked what it already holds and only the
/// rest is sent: running sync twice, or after a partly successful run, duplicates nothing.
/// </summary>
public static class OutboxSync
{
    /// <summary>The store an outbox belongs to, from its header; null when there is no outbox.</summary>
    public static string? RecordedTarget(string outboxDirectory)
    {
        var path = Path.Combine(outboxDirectory, OutboxJournal.FileName);
        if (!File.Exists(path))
        {
            return null;
        }
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var first = reader.ReadLine();
        return first is null ? null : (System.Text.Json.JsonSerializer.Deserialize<OutboxEntry>(first, OutboxJournal.Json) as HeaderEntry)?.Target;
    }

    /// <summary>
    /// How many records of the outbox are not acknowledged yet (0 when there is no outbox). Reads without taking
    /// the lock, so a running session's latest records may not be counted.
    /// </summary>
    public static int CountPending(string outboxDirectory)
    {
        if (!OutboxJournal.Exists(outboxDirectory))
        {
            return 0;
        }
        var (entries, _) = OutboxJournal.Read(Path.Combine(outboxDirectory, OutboxJournal.FileName), _ => { });
        return new OutboxState(entries).Pending.Count();
    }

    /// <summary>Replays the outbox in <paramref name="outboxDirectory"/> to <paramref name="store"/>.</summary>
    public static async Task<SyncReport> RunAsync(string outboxDirectory, ITrackingStore store, RetrySettings retry, TrackerLog log,
        CancellationToken cancellationToken = default)
    {
        using var journal = OutboxJournal.Open(outboxDirectory, target: null, log.Warn);
        var state = new OutboxState(journal.Entries);
        var delivery = new RecordDelivery(new Deliverer(store, retry, log.Detail), journal.Directory, state);
        var pending = state.Pending.ToList();
        int delivered = 0, rejected = 0, blocked = 0;
        var errors = new List<string>();
        for (var i = 0; i < pending.Count; i++)
        {
            var (outcome, error) = await DeliveryAttempt.RunAsync(delivery, journal, pending[i], inDoubt: true, cancellationToken);
            switch (outcome)
            {
                case DeliveryOutcome.Delivered:
                    delivered++;
                    break;
                case DeliveryOutcome.Rejected:
                    rejected++;
                    errors.Add(error!);
                    break;
                case DeliveryOutcome.Blocked:
                    blocked++;
                    if (!errors.Contains(error!))
                    {
                        errors.Add(error!);
                    }
                    break;
                case DeliveryOutcome.Unavailable:
                    errors.Add(error!);
                    return new SyncReport(journal.Directory, store.Target, delivered, rejected, blocked, pending.Count - i, errors);
            }
        }
        return new SyncReport(journal.Directory, store.Target, delivered, rejected, blocked, 0, errors);
    }
}
