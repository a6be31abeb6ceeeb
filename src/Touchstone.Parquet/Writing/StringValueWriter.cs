using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Touchstone.Parquet.Encodings;
using Touchstone.Parquet.Format;

namespace Touchstone.Parquet.Writing;

/// <summary>Encoders for UTF-8 string columns: dictionary (RLE_DICTIONARY) when it pays, PLAIN otherwise.</summary>
internal static class StringValueWriter
{
    /// <summary>
    /// Builds a dictionary of the chunk's strings; if it stays within the size limit the chunk is dictionary-encoded,
    /// otherwise it falls back to PLAIN.
    /// </summary>
    public static ValueWriter Create(ParquetColumn<string> column, int start, int count, ParquetWriteOptions options)
    {
        if (options.UseDictionary && count > 0)
        {
            var dictionary = DictionaryStringWriter.TryBuild(column.Values, start, count, options.DictionaryPageSizeLimit);
            if (dictionary is not null)
            {
                return dictionary;
            }
        }
        return new PlainStringWriter(column.Values);
    }

    /// <summary>Encodes a string as UTF-8 at the end of the buffer with a 4-byte length prefix; returns the UTF-8 bytes.</summary>
    public static ReadOnlySpan<byte> WritePlain(string value, ByteBuffer output)
    {
        var span = output.GetSpan(4 + Utf8.Strict.GetMaxByteCount(value.Length));
        var length = Utf8.Strict.GetBytes(value, span[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(span, length);
        output.Advance(4 + length);
        return span.Slice(4, length);
    }
}

/// <summary>PLAIN strings: a 4-byte little-endian length, then the UTF-8 bytes.</summary>
internal sealed class PlainStringWriter(string?[] values) : ValueWriter
{
    private readonly StringStatistics _statistics = new();

    public override Encoding PageEncoding => Encoding.Plain;

    public override bool IsDefined(int row) => values[row] is not null;

    public override int EncodePage(int start, int end, int pageSize, ByteBuffer output)
    {
        var limit = output.Length + pageSize;
        var row = start;
        for (; row < end && output.Length < limit; row++)
        {
            if (values[row] is { } value)
            {
                _statistics.Observe(StringValueWriter.WritePlain(value, output));
            }
        }
        return row;
    }

    public override Statistics Statistics(long nullCount)
    {
        var stats = new Statistics { NullCount = nullCount };
        _statistics.WriteTo(stats);
        return stats;
    }
}

/// <summary>
/// RLE_DICTIONARY strings: distinct values go once into the dictionary page, rows store their index with the
/// RLE/bit-packing hybrid. Repetitive columns (suite, metric, split …) shrink to a few bits per row.
/// </summary>
internal sealed class DictionaryStringWriter : ValueWriter
{
    private readonly StringStatistics _statistics = new();
    private readonly string?[] _values;
    private readonly int[] _indices;
    private readonly int _start;
    private readonly List<string> _entries;
    private readonly int _bitWidth;

    private DictionaryStringWriter(string?[] values, int[] indices, int start, List<string> entries)
    {
        _values = values;
        _indices = indices;
        _start = start;
        _entries = entries;
        // Some readers mishandle bit width 0, so a one-entry dictionary still uses one bit.
        _bitWidth = Math.Max(1, RleHybridEncoder.BitWidthFor(entries.Count - 1));
    }

    public override Encoding PageEncoding => Encoding.RleDictionary;

    public override int DictionaryCount => _entries.Count;

    public override bool IsDefined(int row) => _values[row] is not null;

    /// <summary>The dictionary writer, or null when every row is null or the distinct values exceed <paramref name="limit"/> bytes.</summary>
    public static DictionaryStringWriter? TryBuild(string?[] values, int start, int count, int limit)
    {
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        var entries = new List<string>();
        var indices = ArrayPool<int>.Shared.Rent(count);
        long bytes = 0;
        string? previous = null;
        var previousIndex = -1;
        for (var i = 0; i < count; i++)
        {
            var value = values[start + i];
            if (value is null)
            {
                continue;
            }
            // Rows often repeat the previous string object; skip hashing it again.
            if (!ReferenceEquals(value, previous))
            {
                ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(lookup, value, out var exists);
                if (!exists)
                {
                    index = entries.Count;
                    entries.Add(value);
                    bytes += 4 + Utf8.Strict.GetByteCount(value);
                    if (bytes > limit)
                    {
                        ArrayPool<int>.Shared.Return(indices);
                        return null;
                    }
                }
                previous = value;
                previousIndex = index;
            }
            indices[i] = previousIndex;
        }
        if (entries.Count == 0)
        {
            // All rows null: a dictionary-encoded chunk needs a dictionary page, and readers (DuckDB) reject one
            // without; PLAIN with no values is what an empty chunk is.
            ArrayPool<int>.Shared.Return(indices);
            return null;
        }
        return new DictionaryStringWriter(values, indices, start, entries);
    }

    public override void WriteDictionary(ByteBuffer output)
    {
        // Every entry occurs in the chunk, so the bounds over the entries are the chunk's bounds.
        foreach (var entry in _entries)
        {
            _statistics.Observe(StringValueWriter.WritePlain(entry, output));
        }
    }

    public override int EncodePage(int start, int end, int pageSize, ByteBuffer output)
    {
        var capacity = (int)Math.Max(8, Math.Min(1 << 24, (long)pageSize * 8 / _bitWidth));
        var stop = (int)Math.Min(end, (long)start + capacity);
        var indices = ArrayPool<int>.Shared.Rent(stop - start);
        try
        {
            var count = 0;
            for (var row = start; row < stop; row++)
            {
                if (_values[row] is not null)
                {
                    indices[count++] = _indices[row - _start];
                }
            }
            output.WriteByte((byte)_bitWidth);
            RleHybridEncoder.Encode(indices.AsSpan(0, count), _bitWidth, output);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(indices);
        }
        return stop;
    }

    public override Statistics Statistics(long nullCount)
    {
        var stats = new Statistics { NullCount = nullCount };
        _statistics.WriteTo(stats);
        return stats;
    }

    public override void Dispose() => ArrayPool<int>.Shared.Return(_indices);
}
