using System.Threading.Channels;

namespace Touchstone.Tracking.Outbox;

/// <summary>
/// Delivers journaled records in the background, in order, so a slow or dead server never holds up training.
/// When the store becomes unavailable the worker goes offline: records keep going to the journal only, and the
/// head record is tried again every <c>probeInterval</c>. On completion it drains for a bounded time; whatever is
/// left stays in the journal for <c>touchstone mlflow sync</c>.
/// </summary>
internal sealed class DeliveryWorker
{
    private readonly Channel<(DeliverableEntry Record, bool InDoubt)> _queue = Channel.CreateUnbounded<(DeliverableEntry, bool)>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly RecordDelivery _delivery;
    private readonly OutboxJournal _journal;
    private readonly TrackerLog _log;
    private readonly TimeSpan _probeInterval;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _completing = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _loop;
    private bool _headInDoubt;
    private int _queued;

    public DeliveryWorker(RecordDelivery delivery, OutboxJournal journal, TrackerLog log, TimeSpan probeInterval, TimeProvider clock)
    {
        _delivery = delivery;
        _journal = journal;
        _log = log;
        _probeInterval = probeInterval;
        _clock = clock;
        _loop = Task.Run(() => GuardedRunAsync(_stop.Token));
    }

    /// <summary>True while the store is unavailable.</summary>
    public bool Offline { get; private set; }

    /// <summary>Records delivered in this session.</summary>
    public int Delivered { get; private set; }

    /// <summary>Records the store refused in this session.</summary>
    public int Rejected { get; private set; }

    /// <summary>The store's reason for the first refusal of this session; null when nothing was refused.</summary>
    public string? FirstRejection { get; private set; }

    /// <summary>Records skipped in this session because their run was never created (they stay in the journal).</summary>
    public int Blocked { get; private set; }

    /// <summary>Records queued and not yet delivered or refused.</summary>
    public int Queued => Volatile.Read(ref _queued);

    /// <summary>Queues a journaled record; <paramref name="inDoubt"/> when it may have reached the store already.</summary>
    public void Enqueue(DeliverableEntry record, bool inDoubt)
    {
        Interlocked.Increment(ref _queued);
        _queue.Writer.TryWrite((record, inDoubt));
    }

    /// <summary>
    /// Stops accepting records and waits up to <paramref name="drainTimeout"/> for the queue to empty (not at all
    /// when offline); then stops. Returns true when everything queued was delivered or refused.
    /// </summary>
    public async Task<bool> CompleteAsync(TimeSpan drainTimeout)
    {
        _queue.Writer.TryComplete();
        _completing.TrySetResult();
        if (!Offline)
        {
            await Task.WhenAny(_loop, Task.Delay(drainTimeout, _clock));
        }
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped mid-delivery: the record stays pending (and in doubt) in the journal.
        }
        return Queued == 0;
    }

    // The worker must not die silently: an error of its own (e.g. the journal cannot be written) stops delivery
    // with a warning, and everything not acknowledged stays in the journal for a sync.
    private async Task GuardedRunAsync(CancellationToken stop)
    {
        try
        {
            await RunAsync(stop);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            Offline = true;
            _log.Warn($"MLflow delivery stopped ({error.GetType().Name}: {error.Message}); what was not delivered stays in {_journal.Directory} for `touchstone mlflow sync`");
        }
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync(stop))
        {
            while (reader.TryPeek(out var item))
            {
                if (Offline)
                {
                    // Wait for the next probe, or give up at once when the tracker is completing.
                    var woke = await Task.WhenAny(Task.Delay(_probeInterval, _clock, stop), _completing.Task);
                    if (woke == _completing.Task || stop.IsCancellationRequested)
                    {
                        return;
                    }
                }
                var (outcome, error) = await DeliveryAttempt.RunAsync(_delivery, _journal, item.Record, item.InDoubt || _headInDoubt, stop);
                switch (outcome)
                {
                    case DeliveryOutcome.Unavailable:
                        _headInDoubt = true;
                        if (!Offline)
                        {
                            _log.Warn($"{error} — MLflow logging continues offline: records are kept in {_journal.Directory}; replay them with `touchstone mlflow sync`");
                        }
                        Offline = true;
                        continue;
                    case DeliveryOutcome.Delivered:
                        Delivered++;
                        if (Offline)
                        {
                            _log.Warn($"MLflow store {_delivery.Target} is reachable again; delivering the records kept meanwhile");
                        }
                        Offline = false;
                        break;
                    case DeliveryOutcome.Rejected:
                        Rejected++;
                        FirstRejection ??= error;
                        _log.Warn(error!);
                        break;
                    case DeliveryOutcome.Blocked:
                        Blocked++;
                        _log.Detail(error!);
                        break;
                }
                _headInDoubt = false;
                reader.TryRead(out _);
                Interlocked.Decrement(ref _queued);
            }
        }
    }
}
