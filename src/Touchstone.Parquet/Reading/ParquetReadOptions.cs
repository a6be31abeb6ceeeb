namespace Touchstone.Parquet;

/// <summary>Limits that protect a reader from files whose metadata asks for more memory than is sensible.</summary>
public sealed record ParquetReadOptions
{
    /// <summary>
    /// The most rows one row group may have (default 64 Mi). Run-length encoding lets a small file claim many
    /// rows, and the reader allocates one array entry per row of each column it reads, so this bounds memory.
    /// </summary>
    public int MaxRowsPerRowGroup { get; init; } = 64 * 1024 * 1024;
}
