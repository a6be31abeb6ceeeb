using System.Collections.Concurrent;

namespace Touchstone.Tracking.Tests.Fakes;

/// <summary>What goes wrong with one request.</summary>
internal enum FaultKind
{
    /// <summary>Answer with an error status without doing anything.</summary>
    Status,

    /// <summary>Do the work, then answer with an error status anyway (a proxy timing out on a slow backend).</summary>
    StatusAfterApply,

    /// <summary>Do the work, then wait before answering (the client may time out meanwhile).</summary>
    SlowAfterApply,

    /// <summary>Do the work, then drop the connection without an answer.</summary>
    DropAfterApply,

    /// <summary>Drop the connection before doing anything.</summary>
    DropBeforeApply,
}

/// <summary>
/// A fault for requests to <see cref="Endpoint"/> (e.g. <c>runs/log-batch</c>) whose body contains
/// <see cref="BodyContains"/> when that is set.
/// </summary>
internal sealed record Fault(string Endpoint, FaultKind Kind, int StatusCode = 500, TimeSpan? RetryAfter = null, TimeSpan Delay = default,
    string? ErrorCode = null, string? Message = null, string? BodyContains = null);

/// <summary>Faults waiting for their requests, first in first out per endpoint.</summary>
internal sealed class FaultQueue
{
    private readonly ConcurrentQueue<Fault> _faults = new();
    private readonly object _gate = new();

    public void Add(Fault fault, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _faults.Enqueue(fault);
        }
    }

    public Fault? Take(string endpoint, string body)
    {
        lock (_gate)
        {
            var all = _faults.ToList();
            var match = all.FirstOrDefault(f => f.Endpoint == endpoint && (f.BodyContains is null || body.Contains(f.BodyContains, StringComparison.Ordinal)));
            if (match is null)
            {
                return null;
            }
            _faults.Clear();
            var removed = false;
            foreach (var fault in all)
            {
                if (!removed && ReferenceEquals(fault, match))
                {
                    removed = true;
                    continue;
                }
                _faults.Enqueue(fault);
            }
            return match;
        }
    }

    public int Count => _faults.Count;
}
