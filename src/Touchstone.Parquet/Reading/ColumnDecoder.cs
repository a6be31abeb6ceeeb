using System.Buffers;
using System.Runtime.CompilerServices;
using Touchstone.Parquet.Encodings;
using Touchstone.Parquet.Format;

namespace Touchstone.Parquet.Reading;

/// <summary>Collects the decoded values of one column chunk, page by page, into arrays of the chunk's row count.</summary>
internal abstract class ColumnDecoder
{
    public abstract void ReadDictionary(Encoding encoding, ReadOnlySpan<byte> data, int count);

    /// <summary>
    /// Decodes a page of <paramref name="rows"/> rows starting at row <paramref name="offset"/>; <paramref name="levels"/>
    /// holds their definition levels (empty for a required column) and <paramref name="nonNull"/> the count of ones.
    /// </summary>
    public abstract void ReadPage(Encoding encoding, ReadOnlySpan<byte> data, ReadOnlySpan<int> levels, int rows, int nonNull, int offset);

    public abstract ParquetColumn ToColumn();

    /// <summary>A decoder for <paramref name="rows"/> rows, filling the arrays of <paramref name="reuse"/> when they are large enough.</summary>
    public static ColumnDecoder Create(ParquetField field, int rows, ColumnBuffers? reuse) => field.Type switch
    {
        ParquetType.Boolean => new ColumnDecoder<bool>(field, BooleanDecoder.Instance, rows, reuse),
        ParquetType.Int32 => new ColumnDecoder<int>(field, FixedWidthDecoder<int>.Instance, rows, reuse),
        ParquetType.Int64 or ParquetType.Timestamp => new ColumnDecoder<long>(field, FixedWidthDecoder<long>.Instance, rows, reuse),
        ParquetType.Float => new ColumnDecoder<float>(field, FixedWidthDecoder<float>.Instance, rows, reuse),
        ParquetType.Double => new ColumnDecoder<double>(field, FixedWidthDecoder<double>.Instance, rows, reuse),
        ParquetType.String => new ColumnDecoder<string>(field, StringDecoder.Instance, rows, reuse),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field.Type, null),
    };
}

/// <summary>
/// Arrays a caller lets successive row groups decode into, so reading many row groups for records does not
/// allocate (large-object-heap) arrays per column per row group. The column read last owns them until the next read.
/// </summary>
internal sealed class ColumnBuffers
{
    public Array? Values { get; set; }

    public bool[]? Defined { get; set; }
}

internal sealed class ColumnDecoder<T> : ColumnDecoder
{
    /// <summary>
    /// Rows allocated before any page is decoded. Beyond this the arrays grow only as pages deliver rows, so a
    /// footer that claims more rows than its pages hold cannot make the reader allocate for them.
    /// </summary>
    private const int InitialRows = 1 << 20;

    private static readonly bool IsString = typeof(T) == typeof(string);
    private readonly ParquetField _field;
    private readonly IValueDecoder<T> _decoder;
    private readonly int _rows;
    private readonly ColumnBuffers? _reuse;
    private T[] _values;
    // Strings mark nulls with null references; other nullable columns need a mask.
    private bool[]? _defined;
    private T[]? _dictionary;

    public ColumnDecoder(ParquetField field, IValueDecoder<T> decoder, int rows, ColumnBuffers? reuse)
    {
        _field = field;
        _decoder = decoder;
        _rows = rows;
        _reuse = reuse;
        var initial = Math.Min(rows, InitialRows);
        _values = reuse?.Values is T[] values && values.Length >= initial ? values : new T[initial];
        if (field.IsNullable && !IsString)
        {
            _defined = reuse?.Defined is { } defined && defined.Length >= initial ? defined : new bool[initial];
        }
        Remember();
    }

    /// <summary>Grows the arrays to hold rows up to <paramref name="end"/> (already checked against the chunk's rows).</summary>
    private void EnsureRows(int end)
    {
        if (end <= _values.Length)
        {
            return;
        }
        var size = (int)Math.Min(_rows, Math.Max(end, 2L * _values.Length));
        Array.Resize(ref _values, size);
        if (_defined is not null)
        {
            Array.Resize(ref _defined, size);
        }
        Remember();
    }

    private void Remember()
    {
        if (_reuse is not null)
        {
            _reuse.Values = _values;
            _reuse.Defined = _defined ?? _reuse.Defined;
        }
    }

    public override void ReadDictionary(Encoding encoding, ReadOnlySpan<byte> data, int count)
    {
        if (_dictionary is not null)
        {
            throw new ParquetFormatException("the column chunk has a second dictionary page");
        }
        if (encoding is not (Encoding.Plain or Encoding.PlainDictionary))
        {
            throw ValueDecoding.UnsupportedEncoding(encoding, "dictionary page");
        }
        if (count < 0 || count > _decoder.MaxPlainValues(data.Length))
        {
            throw new ParquetFormatException($"a dictionary page of {data.Length} bytes claims {count} entries");
        }
        var dictionary = new T[count];
        _decoder.Decode(Encoding.Plain, data, dictionary);
        _dictionary = dictionary;
    }

    public override void ReadPage(Encoding encoding, ReadOnlySpan<byte> data, ReadOnlySpan<int> levels, int rows, int nonNull, int offset)
    {
        EnsureRows(offset + rows);
        var target = _values.AsSpan(offset, rows);
        if (levels.IsEmpty || nonNull == rows)
        {
            Decode(encoding, data, target);
            _defined?.AsSpan(offset, rows).Fill(true);
            return;
        }
        var dense = ArrayPool<T>.Shared.Rent(nonNull);
        try
        {
            Decode(encoding, data, dense.AsSpan(0, nonNull));
            var next = 0;
            for (var i = 0; i < rows; i++)
            {
                // Null rows get the default explicitly: the array may hold an earlier row group's values.
                target[i] = levels[i] != 0 ? dense[next++] : default!;
            }
            if (_defined is not null)
            {
                for (var i = 0; i < rows; i++)
                {
                    _defined[offset + i] = levels[i] != 0;
                }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(dense, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        }
    }

    public override ParquetColumn ToColumn()
    {
        // Every row has been read by now (the chunk reader checks), so the arrays hold at least _rows entries.
        EnsureRows(_rows);
        return new ParquetColumn<T>(_field, _values, _defined, _rows);
    }

    private void Decode(Encoding encoding, ReadOnlySpan<byte> data, Span<T> output)
    {
        if (output.IsEmpty)
        {
            return;
        }
        if (encoding is Encoding.RleDictionary or Encoding.PlainDictionary)
        {
            DecodeIndices(data, output);
        }
        else
        {
            _decoder.Decode(encoding, data, output);
        }
    }

    private void DecodeIndices(ReadOnlySpan<byte> data, Span<T> output)
    {
        var dictionary = _dictionary ?? throw new ParquetFormatException("a dictionary-encoded page has no dictionary page before it");
        if (data.IsEmpty)
        {
            throw new ParquetFormatException("a dictionary-encoded page has no bit width byte");
        }
        var indices = ArrayPool<int>.Shared.Rent(output.Length);
        try
        {
            RleHybridDecoder.Decode(data[1..], data[0], indices.AsSpan(0, output.Length), "dictionary indices");
            for (var i = 0; i < output.Length; i++)
            {
                var index = indices[i];
                if ((uint)index >= (uint)dictionary.Length)
                {
                    throw new ParquetFormatException($"dictionary index {index} is out of range (the dictionary has {dictionary.Length} entries)");
                }
                output[i] = dictionary[index];
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(indices);
        }
    }
}
