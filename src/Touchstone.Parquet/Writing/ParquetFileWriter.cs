using System.Text;
using Touchstone.Parquet.Format;
using Touchstone.Parquet.Thrift;
using Touchstone.Parquet.Writing;

namespace Touchstone.Parquet;

/// <summary>
/// Writes a Parquet file column by column: each <see cref="WriteRowGroup"/> call writes one row group, and
/// <see cref="Complete"/> writes the footer. A writer disposed without <see cref="Complete"/> leaves a file with
/// no footer, which readers reject, so a crash never produces a file that looks whole but is not.
/// </summary>
public sealed class ParquetFileWriter : IDisposable
{
    private static readonly byte[] Magic = "PAR1"u8.ToArray();

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly ParquetWriteOptions _options;
    private readonly FileOutput _output;
    private readonly ColumnChunkWriter _chunks;
    private readonly List<RowGroup> _rowGroups = [];
    private long _rows;
    private bool _completed;
    private bool _disposed;

    /// <summary>Starts a file on <paramref name="output"/> (positions in the file count from where the stream is now).</summary>
    public ParquetFileWriter(Stream output, ParquetSchema schema, ParquetWriteOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(schema);
        _stream = output;
        _leaveOpen = leaveOpen;
        Schema = schema;
        _options = (options ?? new ParquetWriteOptions()).Validated();
        _output = new FileOutput(output);
        _chunks = new ColumnChunkWriter(_options, _output);
        _output.Write(Magic);
    }

    /// <summary>The schema every row group follows.</summary>
    public ParquetSchema Schema { get; }

    /// <summary>The <c>created_by</c> string this library writes into the footer.</summary>
    public static string CreatedBy { get; } =
        $"Touchstone.Parquet version {typeof(ParquetFileWriter).Assembly.GetName().Version?.ToString(3) ?? "0"}";

    /// <summary>
    /// Writes one row group: one column per schema field, in schema order, all with the same row count. A row
    /// group of zero rows is skipped.
    /// </summary>
    public void WriteRowGroup(IReadOnlyList<ParquetColumn> columns)
    {
        var count = CheckColumns(columns);
        WriteRows(columns, 0, count);
    }

    /// <summary>Writes whole columns as row groups of at most <see cref="ParquetWriteOptions.RowGroupSize"/> rows.</summary>
    public void WriteTable(IReadOnlyList<ParquetColumn> columns)
    {
        var count = CheckColumns(columns);
        for (var start = 0; start < count; start += _options.RowGroupSize)
        {
            WriteRows(columns, start, Math.Min(_options.RowGroupSize, count - start));
        }
    }

    /// <summary>Writes rows <c>[start, start + count)</c> of the columns as one row group.</summary>
    internal void WriteRows(IReadOnlyList<ParquetColumn> columns, int start, int count)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            throw new InvalidOperationException("the file is complete; no more row groups can be written");
        }
        if (count == 0)
        {
            return;
        }
        var group = new RowGroup { NumRows = count, FileOffset = _output.Position, Ordinal = ToOrdinal(_rowGroups.Count) };
        long compressed = 0;
        foreach (var column in columns)
        {
            ColumnChunk chunk;
            try
            {
                chunk = _chunks.Write(column, start, count);
            }
            catch (EncoderFallbackException e)
            {
                throw new ArgumentException(
                    $"column '{column.Field.Name}' has a string with an unpaired surrogate, which is not valid UTF-8", e);
            }
            group.Columns.Add(chunk);
            group.TotalByteSize += chunk.MetaData!.TotalUncompressedSize;
            compressed += chunk.MetaData.TotalCompressedSize;
        }
        group.TotalCompressedSize = compressed;
        _rowGroups.Add(group);
        _rows += count;
    }

    /// <summary>Writes the footer (schema, row group metadata, key-value metadata). Call once, after the last row group.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            return;
        }
        var metadata = new FileMetaData
        {
            Version = 1,
            Schema = [new SchemaElement { Name = "schema", NumChildren = Schema.Count }, .. Schema.Select(SchemaMapping.ToElement)],
            NumRows = _rows,
            RowGroups = _rowGroups,
            KeyValueMetadata = _options.Metadata?.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new KeyValue(p.Key, p.Value)).ToList(),
            CreatedBy = CreatedBy,
            // Declaring the order is what lets readers trust min_value/max_value.
            TypeDefinedColumnOrders = Schema.Select(_ => true).ToList(),
        };
        using var footer = new ByteBuffer(4096);
        metadata.Write(new CompactWriter(footer));
        _output.Write(footer.Span);
        Span<byte> tail = stackalloc byte[8];
        BitConverter.TryWriteBytes(tail, footer.Length);
        Magic.CopyTo(tail[4..]);
        _output.Write(tail);
        _stream.Flush();
        _completed = true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _chunks.Dispose();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private int CheckColumns(IReadOnlyList<ParquetColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count != Schema.Count)
        {
            throw new ArgumentException($"the schema has {Schema.Count} columns but {columns.Count} were given");
        }
        var count = columns.Count == 0 ? 0 : columns[0].Count;
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i] ?? throw new ArgumentException($"column {i} is null");
            if (!column.Field.Equals(Schema[i]))
            {
                throw new ArgumentException($"column {i} is {column.Field} but the schema has {Schema[i]} there");
            }
            if (column.Count != count)
            {
                throw new ArgumentException(
                    $"column '{column.Field.Name}' has {column.Count} rows but column '{columns[0].Field.Name}' has {count}");
            }
        }
        return count;
    }

    private static short? ToOrdinal(int index) => index <= short.MaxValue ? (short)index : null;
}
