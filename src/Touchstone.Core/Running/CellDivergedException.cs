namespace Touchstone.Core.Running;

/// <summary>
/// Thrown into the experiment by <see cref="CellContext"/> when it logs a NaN or infinite value: training that has
/// diverged is stopped at once, and the cell is recorded as diverged with the value that showed it.
/// </summary>
public sealed class CellDivergedException(string message) : Exception(message);
