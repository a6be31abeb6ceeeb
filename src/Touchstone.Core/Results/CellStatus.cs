namespace Touchstone.Core.Results;

/// <summary>How a cell ended. Stored in Parquet as the lower-case name.</summary>
public enum CellStatus
{
    /// <summary>The experiment finished and every metric is finite.</summary>
    Ok,

    /// <summary>The experiment threw; the error column says why.</summary>
    Failed,

    /// <summary>A loss or metric became NaN or infinite.</summary>
    Diverged,
}
