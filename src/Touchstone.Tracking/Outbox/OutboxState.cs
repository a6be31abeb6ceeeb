using Touchstone.Tracking.Model;

namespace Touchstone.Tracking.Outbox;

/// <summary>What a journal says: every record, which were acknowledged or refused, and the runs it created.</summary>
internal sealed class OutboxState
{
    private readonly Dictionary<long, AckEntry> _acks = [];
    private readonly Dictionary<long, string> _rejections = [];

    public OutboxState(IEnumerable<OutboxEntry> entries)
    {
        foreach (var entry in entries)
        {
            switch (entry)
            {
                case DeliverableEntry record:
                    Records.Add(record);
                    if (record is StartRunEntry start)
                    {
                        Starts[start.RunKey] = start;
                    }
                    break;
                case AckEntry ack:
                    _acks[ack.Seq] = ack;
                    _rejections.Remove(ack.Seq);
                    break;
                case RejectEntry reject:
                    _rejections[reject.Seq] = reject.Error;
                    break;
            }
        }
    }

    /// <summary>Every deliverable record, in journal order.</summary>
    public List<DeliverableEntry> Records { get; } = [];

    /// <summary>The start record of each run, by client key.</summary>
    public Dictionary<string, StartRunEntry> Starts { get; } = new(StringComparer.Ordinal);

    /// <summary>Records not acknowledged yet, in order (refused ones included: a sync tries them again).</summary>
    public IEnumerable<DeliverableEntry> Pending => Records.Where(r => !_acks.ContainsKey(r.Seq));

    /// <summary>True when the store refused the record the last time it was tried.</summary>
    public bool WasRejected(long seq) => _rejections.ContainsKey(seq);

    /// <summary>The runs the store has created, as their acknowledgements describe them.</summary>
    public IEnumerable<(StartRunEntry Start, RunInfo Info)> CreatedRuns()
    {
        foreach (var start in Starts.Values)
        {
            if (_acks.TryGetValue(start.Seq, out var ack) && ack.RunId is not null)
            {
                yield return (start, new RunInfo(ack.RunId, ack.ExperimentId ?? "", start.RunName, RunStatus.Running,
                    start.StartTime, null, ack.ArtifactUri ?? ""));
            }
        }
    }
}
