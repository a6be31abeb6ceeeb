namespace Touchstone.Parquet.Records;

/// <summary>Buffers records into row groups of <see cref="ParquetWriteOptions.RowGroupSize"/> rows and writes them.</summary>
internal static class RecordWriter<T>
{
    public static void Write(Stream stream, IEnumerable<T> rows, ParquetWriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(rows);
        options = options.Validated();
        var columns = RecordMapping<T>.CreateColumnWriters(options.TimestampUnit);
        using var writer = new ParquetFileWriter(stream, RecordMapping<T>.Schema(options.TimestampUnit), options, leaveOpen: true);
        var known = rows.TryGetNonEnumeratedCount(out var total) ? total : 1024;
        var buffer = new T[Math.Max(1, Math.Min(known, options.RowGroupSize))];
        var count = 0;
        long written = 0;
        foreach (var row in rows)
        {
            if (row is null)
            {
                throw new ArgumentException($"row {written + count} is null", nameof(rows));
            }
            if (count == buffer.Length)
            {
                if (count == options.RowGroupSize)
                {
                    Flush(writer, columns, buffer, count, written);
                    written += count;
                    count = 0;
                }
                else
                {
                    Array.Resize(ref buffer, (int)Math.Min(options.RowGroupSize, buffer.Length * 2L));
                }
            }
            buffer[count++] = row;
        }
        Flush(writer, columns, buffer, count, written);
        writer.Complete();
    }

    private static void Flush(ParquetFileWriter writer, RecordColumnWriter<T>[] columns, T[] buffer, int count, long rowBase)
    {
        if (count == 0)
        {
            return;
        }
        var filled = new ParquetColumn[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            filled[i] = columns[i].Fill(buffer, count, rowBase);
        }
        writer.WriteRowGroup(filled);
        // Let the records of a written row group be collected while the next one fills.
        Array.Clear(buffer, 0, count);
    }
}
