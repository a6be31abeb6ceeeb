using Touchstone.Parquet.Records;

namespace Touchstone.Parquet;

/// <summary>
/// Writes and reads sequences of records as Parquet tables. One column per public property, in declaration
/// order, named in snake_case (<c>RunId</c> → <c>run_id</c>). int, long, float, double, bool map to INT32, INT64,
/// FLOAT, DOUBLE, BOOLEAN; string to a UTF-8 string column; enums to the member name in snake_case; DateTime and
/// DateTimeOffset to TIMESTAMP (UTC, microseconds by default). A column is nullable when its property is a
/// Nullable&lt;T&gt; or a nullable reference (<c>string?</c>). Reading binds columns to the constructor's
/// parameters by the same names, reading only those columns.
/// </summary>
public static class ParquetRecords
{
    /// <summary>
    /// Writes <paramref name="rows"/> to <paramref name="path"/>, replacing any file there only once the new one is
    /// complete (it is written beside it under a temporary name, then renamed).
    /// </summary>
    public static void Write<T>(string path, IEnumerable<T> rows, ParquetWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                RecordWriter<T>.Write(stream, rows, options ?? new ParquetWriteOptions());
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Writes <paramref name="rows"/> to <paramref name="stream"/>, which stays open.</summary>
    public static void Write<T>(Stream stream, IEnumerable<T> rows, ParquetWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        RecordWriter<T>.Write(stream, rows, options ?? new ParquetWriteOptions());
    }

    /// <summary>Reads every row of the file at <paramref name="path"/> as a <typeparamref name="T"/>.</summary>
    public static IReadOnlyList<T> Read<T>(string path)
    {
        using var reader = ParquetFileReader.Open(path);
        return RecordReader<T>.Read(reader);
    }

    /// <summary>Reads every row of the Parquet file in <paramref name="stream"/>, which stays open.</summary>
    public static IReadOnlyList<T> Read<T>(Stream stream)
    {
        using var reader = new ParquetFileReader(stream, leaveOpen: true);
        return RecordReader<T>.Read(reader);
    }

    /// <summary>The key-value metadata in the footer of the file at <paramref name="path"/>.</summary>
    public static IReadOnlyDictionary<string, string> ReadMetadata(string path)
    {
        using var reader = ParquetFileReader.Open(path);
        return reader.Metadata;
    }

    /// <summary>The schema <see cref="Write{T}(string, IEnumerable{T}, ParquetWriteOptions?)"/> uses for <typeparamref name="T"/>.</summary>
    public static ParquetSchema SchemaOf<T>(ParquetWriteOptions? options = null) =>
        RecordMapping<T>.Schema((options ?? new ParquetWriteOptions()).TimestampUnit);
}
