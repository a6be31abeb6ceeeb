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

    public static ColumnDecoder Create(ParquetField field, int rows) => field.Type switch
    {
        ParquetType.Boolean => new ColumnDecoder<bool>(field, BooleanDecoder.Instance, rows),
        ParquetType.Int32 => new ColumnDecoder<int>(field, FixedWidthDecoder<int>.Instance, rows),
        ParquetType.Int64 or ParquetType.Timestamp => new ColumnDecoder<long>(field, FixedWidthDecoder<long>.Instance, rows),
        ParquetType.Float => new ColumnDecoder<float>(field, FixedWidthDecoder<float>.Instance, rows),
        ParquetType.Double => new ColumnDecoder<double>(field, FixedWidthDecoder<double>.Instance, rows),
        ParquetType.String => new ColumnDecoder<string>(field, StringDecoder.Instance, rows),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field.Type, null),
    };
}

internal sealed class ColumnDecoder<T>(ParquetField field, IValueDecoder<T> decoder, int rows) : ColumnDecoder
{
    private static readonly bool IsString = typeof(T) == typeof(string);
    private readonly T[] _values = new T[rows];
    // Strings mark nulls with null references; other nullable columns need a mask.
    private readonly bool[]? _defined = field.IsNullable && !IsString ? new bool[rows] : null;
    private T[]? _dictionary;

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
        if (count < 0 || count > decoder.MaxPlainValues(data.Length))
        {
            throw new ParquetFormatException($"a dictionary page of {data.Length} bytes claims {count} entries");
        }
        var dictionary = new T[count];
        decoder.Decode(Encoding.Plain, data, dictionary);
        _dictionary = dictionary;
    }

    public override void ReadPage(Encoding encoding, ReadOnlySpan<byte> data, ReadOnlySpan<int> levels, int rows, int nonNull, int offset)
    {
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
                if (levels[i] != 0)
                {
                    target[i] = dense[next++];
                }
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

    public override ParquetColumn ToColumn() => new ParquetColumn<T>(field, _values, _defined);

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
            decoder.Decode(encoding, data, output);
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
