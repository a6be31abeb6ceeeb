using System.Collections.Concurrent;

namespace Touchstone.Tracking.Tests.Support;

/// <summary>
/// A clock whose timers fire at once but remember how long they were asked to wait, so retry schedules can be
/// checked without sleeping.
/// </summary>
internal sealed class RecordingTimeProvider : TimeProvider
{
    public ConcurrentQueue<TimeSpan> Waits { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ImmediateTimer(this, System.CreateTimer(callback, state, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan), dueTime, period);

    private sealed class ImmediateTimer : ITimer
    {
        private readonly RecordingTimeProvider _owner;
        private readonly ITimer _inner;

        public ImmediateTimer(RecordingTimeProvider owner, ITimer inner, TimeSpan dueTime, TimeSpan period)
        {
            _owner = owner;
            _inner = inner;
            Change(dueTime, period);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return _inner.Change(dueTime, period);
            }
            _owner.Waits.Enqueue(dueTime);
            return _inner.Change(TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }

        public void Dispose() => _inner.Dispose();

        public ValueTask DisposeAsync() => _inner.DisposeAsync();
    }
}
