namespace Touchstone.Parquet;

/// <summary>What the footer says about one row group.</summary>
/// <param name="RowCount">Rows in the row group.</param>
/// <param name="Columns">One entry per column of <see cref="ParquetFileReader.Schema"/>, in schema order.</param>
public sealed record ParquetRowGroupInfo(long RowCount, IReadOnlyList<ParquetColumnChunkInfo> Columns);

/// <summary>What the footer says about one column chunk: codec, encodings, sizes and statistics.</summary>
/// <param name="Column">Column name.</param>
/// <param name="Codec">Compression codec name as the format spells it (SNAPPY, GZIP, …).</param>
/// <param name="Encodings">Encodings used by the chunk's pages, as the format spells them (PLAIN, RLE_DICTIONARY, …).</param>
/// <param name="ValueCount">Values (rows, for a flat column) in the chunk.</param>
/// <param name="CompressedSize">Bytes of the chunk on disk, page headers included.</param>
/// <param name="UncompressedSize">Bytes of the chunk uncompressed, page headers included.</param>
/// <param name="HasDictionary">Whether the chunk starts with a dictionary page.</param>
/// <param name="Statistics">The chunk's statistics, or null when the writer stored none.</param>
public sealed record ParquetColumnChunkInfo(
    string Column,
    string Codec,
    IReadOnlyList<string> Encodings,
    long ValueCount,
    long CompressedSize,
    long UncompressedSize,
    bool HasDictionary,
    ParquetStatistics? Statistics);

/// <summary>
/// Column chunk statistics. <see cref="Min"/> and <see cref="Max"/> are decoded to the column's value type
/// (bool, int, long, float, double, string; long for timestamps) and are null when absent or not trustworthy
/// (no declared column order, or the deprecated fields of a string column).
/// </summary>
/// <param name="NullCount">Null values, when stored.</param>
/// <param name="DistinctCount">Distinct values, when stored.</param>
/// <param name="NanCount">NaN values of a float column, when stored.</param>
/// <param name="Min">Lower bound of the non-null values.</param>
/// <param name="Max">Upper bound of the non-null values.</param>
/// <param name="IsMinExact">False when <see cref="Min"/> is a truncated bound rather than an actual value.</param>
/// <param name="IsMaxExact">False when <see cref="Max"/> is a truncated bound rather than an actual value.</param>
public sealed record ParquetStatistics(
    long? NullCount,
    long? DistinctCount,
    long? NanCount,
    object? Min,
    object? Max,
    bool IsMinExact,
    bool IsMaxExact);
