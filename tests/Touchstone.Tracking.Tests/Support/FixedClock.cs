namespace Touchstone.Tracking.Tests.Support;

/// <summary>A clock that always says the same instant.</summary>
internal sealed class FixedClock(long epochMilliseconds) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => DateTimeOffset.FromUnixTimeMilliseconds(epochMilliseconds);
}
