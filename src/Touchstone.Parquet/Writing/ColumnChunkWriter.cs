using System.Buffers;
using System.IO.Hashing;
using Touchstone.Parquet.Compression;
using Touchstone.Parquet.Encodings;
using Touchstone.Parquet.Format;
using Touchstone.Parquet.Thrift;

namespace Touchstone.Parquet.Writing;

/// <summary>
/// Writes one column chunk: an optional dictionary page, then data pages (version 1 or 2) of about
/// <see cref="ParquetWriteOptions.DataPageSize"/> bytes, each with its definition levels when the column is
/// nullable. Returns the chunk's metadata for the footer. Every page header carries the CRC32 of the page's bytes
/// as stored, so a reader (this one, DuckDB, Arrow) can tell a flipped bit from a value. Scratch buffers are
/// reused from chunk to chunk.
/// </summary>
internal sealed class ColumnChunkWriter(ParquetWriteOptions options, FileOutput output) : IDisposable
{
    private readonly PageCompressor _compressor = new(options.Compression);
    private readonly ByteBuffer _values = new(64 * 1024);
    private readonly ByteBuffer _page = new(64 * 1024);
    private readonly ByteBuffer _levels = new(4 * 1024);
    private readonly ByteBuffer _header = new(256);
    private readonly Crc32 _crc = new();
    private long _uncompressedBytes;
    private long _compressedBytes;

    public ColumnChunk Write(ParquetColumn column, int start, int count)
    {
        var field = column.Field;
        using var values = ValueWriter.Create(column, start, count, options);
        var meta = new ColumnMetaData
        {
            Type = SchemaMapping.PhysicalTypeOf(field.Type),
            PathInSchema = [field.Name],
            Codec = _compressor.Codec,
            NumValues = count,
            EncodingStats = [],
        };
        _uncompressedBytes = _compressedBytes = 0;

        if (values.DictionaryCount > 0)
        {
            _values.Clear();
            values.WriteDictionary(_values);
            meta.DictionaryPageOffset = output.Position;
            var header = new PageHeader
            {
                Type = PageType.DictionaryPage,
                DictionaryPage = new DictionaryPageHeader { NumValues = values.DictionaryCount, Encoding = Encoding.Plain },
            };
            WritePage(header, _values.Memory, ReadOnlyMemory<byte>.Empty);
            meta.EncodingStats.Add(new PageEncodingStats(PageType.DictionaryPage, Encoding.Plain, 1));
        }

        meta.DataPageOffset = output.Position;
        long nulls = 0;
        var dataPages = 0;
        for (var row = start; row < start + count;)
        {
            _values.Clear();
            var stop = values.EncodePage(row, start + count, options.DataPageSize, _values);
            var pageNulls = EncodeLevels(values, field, row, stop);
            WriteDataPage(values.PageEncoding, field.IsNullable, stop - row, pageNulls);
            nulls += pageNulls;
            dataPages++;
            row = stop;
        }
        meta.EncodingStats.Add(new PageEncodingStats(
            options.UseDataPageV2 ? PageType.DataPageV2 : PageType.DataPage, values.PageEncoding, dataPages));

        meta.Encodings = values.DictionaryCount > 0 ? [Encoding.Plain, Encoding.RleDictionary] : [values.PageEncoding];
        if (field.IsNullable)
        {
            meta.Encodings.Add(Encoding.Rle);
        }
        meta.Statistics = values.Statistics(nulls);
        meta.TotalUncompressedSize = _uncompressedBytes;
        meta.TotalCompressedSize = _compressedBytes;
        return new ColumnChunk { FileOffset = 0, MetaData = meta };
    }

    /// <summary>Definition levels (1 = value, 0 = null) of rows <c>[start, stop)</c> into <see cref="_levels"/>; returns the null count.</summary>
    private int EncodeLevels(ValueWriter values, ParquetField field, int start, int stop)
    {
        _levels.Clear();
        if (!field.IsNullable && field.Type != ParquetType.String)
        {
            // Required non-string columns have no null representation at all.
            return 0;
        }
        var rows = stop - start;
        var levels = ArrayPool<int>.Shared.Rent(rows);
        try
        {
            var nulls = 0;
            for (var i = 0; i < rows; i++)
            {
                var defined = values.IsDefined(start + i);
                levels[i] = defined ? 1 : 0;
                nulls += defined ? 0 : 1;
            }
            if (!field.IsNullable)
            {
                if (nulls > 0)
                {
                    var row = start + Array.IndexOf(levels, 0, 0, rows);
                    throw new ArgumentException(
                        $"column '{field.Name}' is not nullable but row {row} is null; declare the field nullable or fill the value");
                }
                return 0;
            }
            RleHybridEncoder.Encode(levels.AsSpan(0, rows), 1, _levels);
            return nulls;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(levels);
        }
    }

    private void WriteDataPage(Encoding encoding, bool hasLevels, int rows, int nulls)
    {
        if (options.UseDataPageV2)
        {
            var header = new PageHeader
            {
                Type = PageType.DataPageV2,
                DataPageV2 = new DataPageHeaderV2
                {
                    NumValues = rows,
                    NumNulls = nulls,
                    NumRows = rows,
                    Encoding = encoding,
                    DefinitionLevelsByteLength = _levels.Length,
                    RepetitionLevelsByteLength = 0,
                    IsCompressed = options.Compression != ParquetCompression.Uncompressed,
                },
            };
            WritePage(header, _values.Memory, _levels.Memory);
            return;
        }

        // Version 1: the levels, prefixed by their length, and the values are compressed together.
        _page.Clear();
        if (hasLevels)
        {
            _page.WriteInt32LittleEndian(_levels.Length);
            _page.Write(_levels.Span);
        }
        _page.Write(_values.Span);
        var v1 = new PageHeader
        {
            Type = PageType.DataPage,
            DataPage = new DataPageHeader { NumValues = rows, Encoding = encoding },
        };
        WritePage(v1, _page.Memory, ReadOnlyMemory<byte>.Empty);
    }

    /// <summary>Writes header, the uncompressed prefix (V2 levels) and the compressed body.</summary>
    private void WritePage(PageHeader header, ReadOnlyMemory<byte> body, ReadOnlyMemory<byte> uncompressedPrefix)
    {
        var compressed = _compressor.Compress(body);
        header.UncompressedPageSize = checked(uncompressedPrefix.Length + body.Length);
        header.CompressedPageSize = checked(uncompressedPrefix.Length + compressed.Length);
        // The spec's page CRC: CRC32 of everything after the header as written (V2 levels, then the compressed values).
        if (options.WritePageCrc)
        {
            _crc.Reset();
            _crc.Append(uncompressedPrefix.Span);
            _crc.Append(compressed.Span);
            header.Crc = unchecked((int)_crc.GetCurrentHashAsUInt32());
        }
        _header.Clear();
        header.Write(new CompactWriter(_header));
        output.Write(_header.Span);
        output.Write(uncompressedPrefix.Span);
        output.Write(compressed.Span);
        _uncompressedBytes += _header.Length + header.UncompressedPageSize;
        _compressedBytes += _header.Length + header.CompressedPageSize;
    }

    public void Dispose()
    {
        _values.Dispose();
        _page.Dispose();
        _levels.Dispose();
        _header.Dispose();
    }
}
