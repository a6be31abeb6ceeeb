using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using Touchstone.Parquet.Compression;
using Touchstone.Parquet.Encodings;
using Touchstone.Parquet.Format;
using Touchstone.Parquet.Thrift;

namespace Touchstone.Parquet.Reading;

/// <summary>
/// Decodes the pages of one column chunk (a dictionary page, then version 1 or 2 data pages) into a column.
/// Every size in a page header is checked against the bytes of the chunk before it is used, and a page whose
/// header carries a CRC is checked against it before it is decoded.
/// </summary>
internal static class ColumnChunkReader
{
    public static ParquetColumn Read(ReadOnlyMemory<byte> chunk, byte[] buffer, int bufferOffset, ColumnMetaData meta,
        ParquetField field, int rows, ColumnBuffers? reuse)
    {
        var decoder = ColumnDecoder.Create(field, rows, reuse);
        var position = 0;
        var rowsRead = 0;
        var pageIndex = 0;
        var levels = field.IsNullable ? ArrayPool<int>.Shared.Rent(Math.Min(rows, 1 << 20)) : [];
        try
        {
            while (rowsRead < rows)
            {
                if (position >= chunk.Length)
                {
                    throw new ParquetFormatException($"the column chunk ends after {rowsRead} of {rows} rows (truncated or corrupt)");
                }
                var headerReader = new CompactReader(buffer, bufferOffset + position, chunk.Length - position);
                var header = PageHeader.Read(headerReader);
                position = headerReader.Position - bufferOffset;
                if (header.CompressedPageSize > chunk.Length - position)
                {
                    throw new ParquetFormatException(
                        $"a page claims {header.CompressedPageSize} bytes but the column chunk has only {chunk.Length - position} left (truncated or corrupt)");
                }
                var page = chunk.Slice(position, header.CompressedPageSize);
                CheckCrc(header, page.Span, pageIndex++);
                position += header.CompressedPageSize;
                switch (header.Type)
                {
                    case PageType.DictionaryPage:
                        if (rowsRead > 0)
                        {
                            throw new ParquetFormatException("a dictionary page follows data pages");
                        }
                        var dictionary = header.DictionaryPage ?? throw MissingHeader("dictionary_page_header");
                        var body = PageDecompressor.Decompress(meta.Codec, page, header.UncompressedPageSize);
                        decoder.ReadDictionary(dictionary.Encoding, body.Span, dictionary.NumValues);
                        break;
                    case PageType.DataPage:
                        rowsRead += ReadV1(header, page, meta.Codec, field, decoder, ref levels, rowsRead, rows);
                        break;
                    case PageType.DataPageV2:
                        rowsRead += ReadV2(header, page, meta.Codec, field, decoder, ref levels, rowsRead, rows);
                        break;
                    default:
                        // Index pages and page types from newer writers carry nothing this reader needs.
                        break;
                }
            }
        }
        finally
        {
            if (levels.Length > 0)
            {
                ArrayPool<int>.Shared.Return(levels);
            }
        }
        return decoder.ToColumn();
    }

    private static int ReadV1(PageHeader header, ReadOnlyMemory<byte> page, CompressionCodec codec, ParquetField field,
        ColumnDecoder decoder, ref int[] levels, int offset, int rows)
    {
        var dataPage = header.DataPage ?? throw MissingHeader("data_page_header");
        var count = CheckRowCount(dataPage.NumValues, offset, rows);
        var body = PageDecompressor.Decompress(codec, page, header.UncompressedPageSize).Span;
        var nonNull = count;
        if (field.IsNullable)
        {
            EnsureCapacity(ref levels, count);
            var used = DecodeV1Levels(dataPage.DefinitionLevelEncoding, body, levels.AsSpan(0, count));
            body = body[used..];
            nonNull = CountDefined(levels.AsSpan(0, count));
        }
        decoder.ReadPage(dataPage.Encoding, body, field.IsNullable ? levels.AsSpan(0, count) : default, count, nonNull, offset);
        return count;
    }

    private static int ReadV2(PageHeader header, ReadOnlyMemory<byte> page, CompressionCodec codec, ParquetField field,
        ColumnDecoder decoder, ref int[] levels, int offset, int rows)
    {
        var v2 = header.DataPageV2 ?? throw MissingHeader("data_page_header_v2");
        var count = CheckRowCount(v2.NumValues, offset, rows);
        if (v2.NumRows != count)
        {
            throw new ParquetFormatException($"a data page v2 has {count} values but {v2.NumRows} rows, impossible in a flat column");
        }
        var levelBytes = (long)v2.RepetitionLevelsByteLength + v2.DefinitionLevelsByteLength;
        if (v2.RepetitionLevelsByteLength < 0 || v2.DefinitionLevelsByteLength < 0 || levelBytes > page.Length ||
            levelBytes > header.UncompressedPageSize)
        {
            throw new ParquetFormatException($"a data page v2 gives level lengths that do not fit its {page.Length} bytes");
        }
        var nonNull = count;
        if (field.IsNullable)
        {
            EnsureCapacity(ref levels, count);
            var defined = page.Span.Slice(v2.RepetitionLevelsByteLength, v2.DefinitionLevelsByteLength);
            RleHybridDecoder.Decode(defined, 1, levels.AsSpan(0, count), "definition levels");
            nonNull = CountDefined(levels.AsSpan(0, count));
            if (count - nonNull != v2.NumNulls)
            {
                throw new ParquetFormatException($"a data page v2 says {v2.NumNulls} nulls but its levels have {count - nonNull}");
            }
        }
        var values = page[(int)levelBytes..];
        var valuesSize = header.UncompressedPageSize - (int)levelBytes;
        var body = v2.IsCompressed
            ? PageDecompressor.Decompress(codec, values, valuesSize)
            : PageDecompressor.Decompress(CompressionCodec.Uncompressed, values, valuesSize);
        decoder.ReadPage(v2.Encoding, body.Span, field.IsNullable ? levels.AsSpan(0, count) : default, count, nonNull, offset);
        return count;
    }

    /// <summary>Decodes version 1 definition levels (max level 1); returns the bytes they took.</summary>
    private static int DecodeV1Levels(Encoding encoding, ReadOnlySpan<byte> body, Span<int> levels)
    {
        switch (encoding)
        {
            case Encoding.Rle:
                if (body.Length < 4)
                {
                    throw new ParquetFormatException("a data page ends before its definition levels");
                }
                var length = BinaryPrimitives.ReadUInt32LittleEndian(body);
                if (length > body.Length - 4)
                {
                    throw new ParquetFormatException($"definition levels claim {length} bytes but the page has {body.Length - 4} left");
                }
                RleHybridDecoder.Decode(body.Slice(4, (int)length), 1, levels, "definition levels");
                return 4 + (int)length;
            case Encoding.BitPacked:
                // The deprecated BIT_PACKED levels are packed from the most significant bit down.
                var bytes = (levels.Length + 7) / 8;
                if (body.Length < bytes)
                {
                    throw new ParquetFormatException("a data page ends before its definition levels");
                }
                for (var i = 0; i < levels.Length; i++)
                {
                    levels[i] = (body[i >> 3] >> (7 - (i & 7))) & 1;
                }
                return bytes;
            default:
                throw ValueDecoding.UnsupportedEncoding(encoding, "definition level");
        }
    }

    /// <summary>Checks a page against the CRC32 in its header (pages written without one are not checked).</summary>
    private static void CheckCrc(PageHeader header, ReadOnlySpan<byte> page, int pageIndex)
    {
        if (header.Crc is not { } expected)
        {
            return;
        }
        var actual = Crc32.HashToUInt32(page);
        if (actual != unchecked((uint)expected))
        {
            throw new ParquetFormatException(
                $"page {pageIndex} of the column chunk fails its CRC check (header {unchecked((uint)expected):x8}, bytes {actual:x8}): " +
                "the file was changed or damaged after it was written; restore it from a copy or rerun what wrote it");
        }
    }

    private static int CheckRowCount(int count, int offset, int rows)
    {
        if (count < 0 || count > rows - offset)
        {
            throw new ParquetFormatException(
                $"a data page claims {count} values but the column chunk has only {rows - offset} of its {rows} rows left");
        }
        return count;
    }

    private static int CountDefined(ReadOnlySpan<int> levels)
    {
        var defined = 0;
        foreach (var level in levels)
        {
            defined += level;
        }
        return defined;
    }

    private static void EnsureCapacity(ref int[] levels, int count)
    {
        if (levels.Length < count)
        {
            if (levels.Length > 0)
            {
                ArrayPool<int>.Shared.Return(levels);
            }
            levels = ArrayPool<int>.Shared.Rent(count);
        }
    }

    private static ParquetFormatException MissingHeader(string name) =>
        new($"a page header lacks its {name}; the page is corrupt");
}
