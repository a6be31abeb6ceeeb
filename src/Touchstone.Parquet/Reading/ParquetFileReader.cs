using System.Buffers;
using System.Buffers.Binary;
using Touchstone.Parquet.Compression;
using Touchstone.Parquet.Format;
using Touchstone.Parquet.Reading;
using Touchstone.Parquet.Thrift;

namespace Touchstone.Parquet;

/// <summary>
/// Reads a Parquet file with a flat schema column by column: the footer on open, then only the column chunks
/// asked for (projection). Anything malformed or unsupported raises <see cref="ParquetFormatException"/> naming
/// the file, column and row group. Not thread-safe.
/// </summary>
public sealed class ParquetFileReader : IDisposable
{
    private const int MagicLength = 4;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly ParquetReadOptions _options;
    private readonly string? _path;
    private readonly FileMetaData _metadata;
    private readonly Leaf[] _leaves;
    private readonly int[] _leafOfField;
    private readonly long _dataEnd;

    /// <summary>Opens the file at <paramref name="path"/> and reads its footer.</summary>
    public static ParquetFileReader Open(string path, ParquetReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.RandomAccess);
        try
        {
            return new ParquetFileReader(stream, leaveOpen: false, options, path);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads the footer of the Parquet file in <paramref name="input"/> (copied to memory if it cannot seek).</summary>
    public ParquetFileReader(Stream input, bool leaveOpen = false, ParquetReadOptions? options = null)
        : this(input, leaveOpen, options, null)
    {
    }

    private ParquetFileReader(Stream input, bool leaveOpen, ParquetReadOptions? options, string? path)
    {
        ArgumentNullException.ThrowIfNull(input);
        _options = options ?? new ParquetReadOptions();
        _path = path;
        _leaveOpen = leaveOpen;
        if (!input.CanSeek)
        {
            var copy = new MemoryStream();
            input.CopyTo(copy);
            if (!leaveOpen)
            {
                input.Dispose();
            }
            _leaveOpen = false;
            input = copy;
        }
        _stream = input;
        try
        {
            (_metadata, _dataEnd) = ReadFooter();
            _leaves = ReadSchema(_metadata.Schema);
            CheckRowGroups();
        }
        catch (ParquetFormatException e)
        {
            throw e.WithContext(filePath: _path);
        }
        _leafOfField = Enumerable.Range(0, _leaves.Length).Where(i => _leaves[i].Field is not null).ToArray();
        Schema = new ParquetSchema(_leafOfField.Select(i => _leaves[i].Field!));
        UnsupportedColumns = _leaves.Where(l => l.Unsupported is not null).ToDictionary(l => l.Name, l => l.Unsupported!.Detail);
        Metadata = (_metadata.KeyValueMetadata ?? []).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value ?? "");
        RowGroups = _metadata.RowGroups.Select(DescribeRowGroup).ToList();
    }

    /// <summary>The columns this library can read, in file order.</summary>
    public ParquetSchema Schema { get; }

    /// <summary>Columns of the file this library cannot read, with the reason; reading them raises that reason.</summary>
    public IReadOnlyDictionary<string, string> UnsupportedColumns { get; }

    /// <summary>The file's key-value metadata.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>The application that wrote the file, as it says in the footer.</summary>
    public string? CreatedBy => _metadata.CreatedBy;

    /// <summary>Total rows in the file.</summary>
    public long RowCount => _metadata.NumRows;

    /// <summary>The row groups, with per-column sizes, encodings and statistics.</summary>
    public IReadOnlyList<ParquetRowGroupInfo> RowGroups { get; }

    /// <summary>Reads column <paramref name="column"/> (an index into <see cref="Schema"/>) of a row group.</summary>
    public ParquetColumn ReadColumn(int rowGroup, int column)
    {
        if ((uint)column >= (uint)_leafOfField.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(column), $"the schema has {_leafOfField.Length} readable columns");
        }
        return ReadLeaf(rowGroup, _leafOfField[column]);
    }

    /// <summary>Reads the column called <paramref name="column"/> of a row group.</summary>
    public ParquetColumn ReadColumn(int rowGroup, string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var leaf = Array.FindIndex(_leaves, l => l.Name == column);
        if (leaf < 0)
        {
            throw new ArgumentException(
                $"{_path ?? "the file"} has no column '{column}'; it has: {string.Join(", ", _leaves.Select(l => l.Name))}");
        }
        return ReadLeaf(rowGroup, leaf);
    }

    /// <summary>Reads the named columns (all readable ones when <paramref name="columns"/> is null) of a row group.</summary>
    public IReadOnlyList<ParquetColumn> ReadRowGroup(int rowGroup, IEnumerable<string>? columns = null) =>
        columns is null
            ? _leafOfField.Select(leaf => ReadLeaf(rowGroup, leaf)).ToList()
            : columns.Select(name => ReadColumn(rowGroup, name)).ToList();

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private ParquetColumn ReadLeaf(int rowGroup, int leafIndex)
    {
        if ((uint)rowGroup >= (uint)_metadata.RowGroups.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(rowGroup), $"the file has {_metadata.RowGroups.Count} row groups");
        }
        var leaf = _leaves[leafIndex];
        try
        {
            if (leaf.Unsupported is not null)
            {
                throw leaf.Unsupported;
            }
            var group = _metadata.RowGroups[rowGroup];
            var meta = group.Columns[leafIndex].MetaData!;
            PageDecompressor.CheckSupported(meta.Codec);
            var start = ChunkStart(meta);
            var length = (int)meta.TotalCompressedSize;
            var buffer = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                _stream.Seek(start, SeekOrigin.Begin);
                _stream.ReadExactly(buffer, 0, length);
                return ColumnChunkReader.Read(buffer.AsMemory(0, length), buffer, 0, meta, leaf.Field!, (int)group.NumRows);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        catch (ParquetFormatException e)
        {
            throw e.WithContext(_path, leaf.Name, rowGroup);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException) &&
                                  (e is not IOException || e is EndOfStreamException))
        {
            // Decoder bugs and codec failures on corrupt input surface as format errors with their context.
            throw new ParquetFormatException($"the column chunk could not be decoded ({e.GetType().Name}: {e.Message})", e)
                .WithContext(_path, leaf.Name, rowGroup);
        }
    }

    private static long ChunkStart(ColumnMetaData meta) =>
        meta.DictionaryPageOffset is { } dictionary && dictionary >= MagicLength && dictionary < meta.DataPageOffset
            ? dictionary
            : meta.DataPageOffset;

    private (FileMetaData Metadata, long DataEnd) ReadFooter()
    {
        var length = _stream.Length;
        if (length < 3 * MagicLength)
        {
            throw new ParquetFormatException($"the file has {length} bytes, too few for a Parquet file (truncated or empty)");
        }
        Span<byte> head = stackalloc byte[MagicLength];
        _stream.Seek(0, SeekOrigin.Begin);
        _stream.ReadExactly(head);
        Span<byte> tail = stackalloc byte[8];
        _stream.Seek(length - 8, SeekOrigin.Begin);
        _stream.ReadExactly(tail);
        if (tail[4..].SequenceEqual("PARE"u8) || head.SequenceEqual("PARE"u8))
        {
            throw new ParquetFormatException("the file is encrypted (PARE magic); encrypted Parquet is not supported");
        }
        if (!head.SequenceEqual("PAR1"u8))
        {
            throw new ParquetFormatException("the file does not start with the PAR1 magic; it is not a Parquet file");
        }
        if (!tail[4..].SequenceEqual("PAR1"u8))
        {
            throw new ParquetFormatException(
                "the file does not end with the PAR1 magic; it is truncated or was not closed properly by its writer");
        }
        var footerLength = BinaryPrimitives.ReadUInt32LittleEndian(tail);
        if (footerLength > length - 8 - MagicLength)
        {
            throw new ParquetFormatException($"the footer claims {footerLength} bytes but the file has only {length} (corrupt footer)");
        }
        var footerStart = length - 8 - footerLength;
        var footer = new byte[footerLength];
        _stream.Seek(footerStart, SeekOrigin.Begin);
        _stream.ReadExactly(footer);
        var metadata = FileMetaData.Read(new CompactReader(footer, 0, footer.Length));
        if (metadata.IsEncrypted)
        {
            throw new ParquetFormatException("the file uses Parquet modular encryption, which is not supported");
        }
        return (metadata, footerStart);
    }

    private static Leaf[] ReadSchema(List<SchemaElement> schema)
    {
        if (schema.Count == 0)
        {
            throw new ParquetFormatException("the schema is empty (corrupt footer)");
        }
        var leaves = new Leaf[schema.Count - 1];
        for (var i = 1; i < schema.Count; i++)
        {
            var element = schema[i];
            if (element.NumChildren is > 0 || element.Type is null)
            {
                throw new ParquetFormatException("nested groups (structs, lists, maps) are not supported; only flat schemas are")
                    .WithContext(column: element.Name);
            }
            try
            {
                leaves[i - 1] = new Leaf(element.Name, element, SchemaMapping.FromElement(element), null);
            }
            catch (ParquetFormatException e)
            {
                leaves[i - 1] = new Leaf(element.Name, element, null, e);
            }
        }
        if (schema[0].NumChildren != leaves.Length)
        {
            throw new ParquetFormatException(
                $"the schema root says {schema[0].NumChildren} columns but {leaves.Length} follow (corrupt footer)");
        }
        var duplicate = leaves.GroupBy(l => l.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ParquetFormatException($"the schema has two columns named '{duplicate.Key}'");
        }
        return leaves;
    }

    private void CheckRowGroups()
    {
        if (_metadata.NumRows < 0)
        {
            throw new ParquetFormatException($"the footer gives a negative row count ({_metadata.NumRows})");
        }
        long total = 0;
        for (var g = 0; g < _metadata.RowGroups.Count; g++)
        {
            var group = _metadata.RowGroups[g];
            if (group.NumRows < 0 || group.NumRows > _options.MaxRowsPerRowGroup)
            {
                throw new ParquetFormatException(
                    $"row group {g} claims {group.NumRows} rows; the limit is {_options.MaxRowsPerRowGroup} (ParquetReadOptions.MaxRowsPerRowGroup)");
            }
            if (group.Columns.Count != _leaves.Length)
            {
                throw new ParquetFormatException($"row group {g} has {group.Columns.Count} column chunks for {_leaves.Length} columns");
            }
            for (var c = 0; c < _leaves.Length; c++)
            {
                try
                {
                    CheckChunk(group.Columns[c], _leaves[c], group.NumRows);
                }
                catch (ParquetFormatException e)
                {
                    throw e.WithContext(column: _leaves[c].Name, rowGroup: g);
                }
            }
            total += group.NumRows;
        }
        if (total != _metadata.NumRows)
        {
            throw new ParquetFormatException($"the footer says {_metadata.NumRows} rows but its row groups hold {total}");
        }
    }

    private void CheckChunk(ColumnChunk chunk, Leaf leaf, long rows)
    {
        if (chunk.IsEncrypted)
        {
            throw new ParquetFormatException("the column chunk is encrypted, which is not supported");
        }
        if (chunk.FilePath is not null)
        {
            throw new ParquetFormatException($"the column chunk is stored in another file ({chunk.FilePath}), which is not supported");
        }
        var meta = chunk.MetaData ?? throw new ParquetFormatException("the column chunk has no metadata (corrupt footer)");
        if (meta.Type != leaf.Element.Type)
        {
            throw new ParquetFormatException($"the column chunk has type {meta.Type} but the schema says {leaf.Element.Type}");
        }
        if (meta.NumValues != rows)
        {
            throw new ParquetFormatException($"the column chunk has {meta.NumValues} values for {rows} rows");
        }
        var start = ChunkStart(meta);
        if (start < MagicLength || meta.TotalCompressedSize < 0 || meta.TotalCompressedSize > _dataEnd - start ||
            meta.TotalCompressedSize > Array.MaxLength)
        {
            throw new ParquetFormatException(
                $"the column chunk claims bytes {start} to {start + meta.TotalCompressedSize}, outside the data ({MagicLength} to {_dataEnd})");
        }
    }

    private ParquetRowGroupInfo DescribeRowGroup(RowGroup group)
    {
        var columns = new List<ParquetColumnChunkInfo>();
        foreach (var leafIndex in _leafOfField)
        {
            var meta = group.Columns[leafIndex].MetaData!;
            var typeDefined = _metadata.TypeDefinedColumnOrders is { } orders && leafIndex < orders.Count && orders[leafIndex];
            columns.Add(new ParquetColumnChunkInfo(
                _leaves[leafIndex].Name,
                Name(meta.Codec),
                meta.Encodings.Select(Name).ToList(),
                meta.NumValues,
                meta.TotalCompressedSize,
                meta.TotalUncompressedSize,
                meta.DictionaryPageOffset is { } d && d >= MagicLength && d < meta.DataPageOffset,
                StatisticsDecoder.Decode(meta.Statistics, _leaves[leafIndex].Field, typeDefined)));
        }
        return new ParquetRowGroupInfo(group.NumRows, columns);
    }

    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Enum.IsDefined(value) ? FormatName(value.ToString()) : $"#{Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>PascalCase enum names back to the format's spelling: RleDictionary → RLE_DICTIONARY.</summary>
    private static string FormatName(string name) => Records.Naming.ToSnakeCase(name).ToUpperInvariant();

    private sealed record Leaf(string Name, SchemaElement Element, ParquetField? Field, ParquetFormatException? Unsupported);
}
