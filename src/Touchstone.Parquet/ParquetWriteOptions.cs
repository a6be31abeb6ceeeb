namespace Touchstone.Parquet;

/// <summary>How a Parquet file is written. The defaults suit tables of up to a few million rows.</summary>
public sealed record ParquetWriteOptions
{
    /// <summary>The default number of rows per row group (close to DuckDB's default of 122,880).</summary>
    public const int DefaultRowGroupSize = 131_072;

    /// <summary>The codec for every page.</summary>
    public ParquetCompression Compression { get; init; } = ParquetCompression.Snappy;

    /// <summary>
    /// Rows per row group when writing records (<see cref="ParquetRecords"/>) or a whole table at once
    /// (<see cref="ParquetFileWriter.WriteTable"/>). Smaller groups let engines skip more rows by statistics and
    /// bound the writer's memory; larger ones compress better.
    /// </summary>
    public int RowGroupSize { get; init; } = DefaultRowGroupSize;

    /// <summary>File key-value metadata, stored in the footer.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>Target uncompressed size of one data page, in bytes.</summary>
    public int DataPageSize { get; init; } = 1024 * 1024;

    /// <summary>Whether string columns are dictionary-encoded (RLE_DICTIONARY) when the dictionary stays small enough.</summary>
    public bool UseDictionary { get; init; } = true;

    /// <summary>
    /// The largest dictionary page (PLAIN-encoded distinct values, in bytes) of a string column chunk; a chunk whose
    /// dictionary would be larger is written PLAIN instead.
    /// </summary>
    public int DictionaryPageSizeLimit { get; init; } = 1024 * 1024;

    /// <summary>Write data pages in the version 2 layout (levels uncompressed, outside the values) instead of version 1.</summary>
    public bool UseDataPageV2 { get; init; }

    /// <summary>
    /// Whether every page header carries the CRC32 of the page (readers, this one included, check it). On by default;
    /// off only to measure what it costs (tests/Touchstone.Benchmarks, docs/benchmarks.md).
    /// </summary>
    public bool WritePageCrc { get; init; } = true;

    /// <summary>The unit of timestamp columns written from <see cref="DateTime"/> or <see cref="DateTimeOffset"/> properties.</summary>
    public ParquetTimestampUnit TimestampUnit { get; init; } = ParquetTimestampUnit.Microseconds;

    /// <summary>Checks the options and returns them, or throws <see cref="ArgumentException"/> naming the bad one.</summary>
    internal ParquetWriteOptions Validated()
    {
        if (RowGroupSize < 1)
        {
            throw new ArgumentException($"RowGroupSize must be at least 1 (got {RowGroupSize})");
        }
        if (DataPageSize < 1)
        {
            throw new ArgumentException($"DataPageSize must be at least 1 byte (got {DataPageSize})");
        }
        if (DictionaryPageSizeLimit < 0)
        {
            throw new ArgumentException($"DictionaryPageSizeLimit must not be negative (got {DictionaryPageSizeLimit})");
        }
        if (!Enum.IsDefined(Compression) || !Enum.IsDefined(TimestampUnit))
        {
            throw new ArgumentException("Compression or TimestampUnit has an undefined value");
        }
        foreach (var (key, value) in Metadata ?? new Dictionary<string, string>())
        {
            if (key is null || value is null || !Utf8.IsValid(key) || !Utf8.IsValid(value))
            {
                throw new ArgumentException($"metadata entry '{key}' has a null or invalid (unpaired surrogate) key or value");
            }
        }
        return this;
    }
}
