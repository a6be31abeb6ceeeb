using Touchstone.Tracking.Errors;

namespace Touchstone.Tracking.Outbox;

/// <summary>How delivering one record ended.</summary>
internal enum DeliveryOutcome
{
    /// <summary>The store has it; the acknowledgement is journaled.</summary>
    Delivered,

    /// <summary>The store refused it for good (e.g. a changed param); the refusal is journaled.</summary>
    Rejected,

    /// <summary>Its run was never created; it stays pending.</summary>
    Blocked,

    /// <summary>The store cannot be reached or used (retries spent, 401/403, file store not writable); it stays pending.</summary>
    Unavailable,
}

/// <summary>One try at delivering a record, with the outcome journaled.</summary>
internal static class DeliveryAttempt
{
    public static async Task<(DeliveryOutcome Outcome, string? Error)> RunAsync(
        RecordDelivery delivery, OutboxJournal journal, DeliverableEntry record, bool inDoubt, CancellationToken cancellationToken)
    {
        try
        {
            var ack = await delivery.DeliverAsync(record, inDoubt, cancellationToken);
            journal.Append([ack], durable: false);
            return (DeliveryOutcome.Delivered, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception error) when (error is TransientTrackingException or StoreUnavailableException)
        {
            return (DeliveryOutcome.Unavailable, error.Message);
        }
        catch (RunNotCreatedException error)
        {
            return (DeliveryOutcome.Blocked, error.Message);
        }
        catch (Exception error)
        {
            var message = error is TrackingException ? error.Message : $"{error.GetType().Name}: {error.Message}";
            journal.Append([new RejectEntry(record.Seq, message)], durable: false);
            return (DeliveryOutcome.Rejected, message);
        }
    }
}
