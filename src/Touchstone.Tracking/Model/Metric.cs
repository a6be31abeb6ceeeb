namespace Touchstone.Tracking.Model;

/// <summary>One logged value of a metric.</summary>
/// <param name="Key">Metric key, e.g. <c>train/loss</c>.</param>
/// <param name="Value">The value; NaN and infinities are allowed.</param>
/// <param name="Timestamp">Unix epoch milliseconds when the value was measured.</param>
/// <param name="Step">The training step the value belongs to.</param>
public sealed record Metric(string Key, double Value, long Timestamp, long Step)
{
    /// <summary>
    /// What identifies a logged point: key, step, timestamp and the value's bits (every NaN counts as one value,
    /// while 0.0 and -0.0 differ, as the stores keep them apart).
    /// </summary>
    public (string Key, long Step, long Timestamp, long ValueBits) Identity =>
        (Key, Step, Timestamp, BitConverter.DoubleToInt64Bits(double.IsNaN(Value) ? double.NaN : Value));
}

/// <summary>A run parameter. Parameters are immutable: a key keeps the first value logged.</summary>
/// <param name="Key">Parameter key, e.g. <c>training.lr</c>.</param>
/// <param name="Value">The value as text.</param>
public sealed record Param(string Key, string Value);

/// <summary>A run tag; a tag can be overwritten.</summary>
/// <param name="Key">Tag key, e.g. <c>mlflow.user</c>.</param>
/// <param name="Value">The value as text.</param>
public sealed record RunTag(string Key, string Value);
