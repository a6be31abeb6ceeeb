using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Touchstone.Parquet.Format;

namespace Touchstone.Parquet.Writing;

/// <summary>
/// PLAIN encoding of INT32, INT64, FLOAT, DOUBLE and timestamps: little-endian values back to back, copied
/// straight from the column's array (.NET runs little-endian on every supported platform).
/// </summary>
internal sealed class FixedWidthValueWriter<T>(ParquetColumn<T> column) : ValueWriter
    where T : unmanaged, INumber<T>
{
    private static readonly int Width = Unsafe.SizeOf<T>();
    private static readonly bool IsFloatingPoint = typeof(T) == typeof(float) || typeof(T) == typeof(double);
    private readonly T[] _values = column.Values;
    private readonly bool[]? _defined = column.Defined;
    private bool _any;
    private T _min, _max;
    private long _nanCount;

    public override Encoding PageEncoding => Encoding.Plain;

    public override bool IsDefined(int row) => _defined is null || _defined[row];

    public override int EncodePage(int start, int end, int pageSize, ByteBuffer output)
    {
        var capacity = Math.Max(1, pageSize / Width);
        var destination = MemoryMarshal.Cast<byte, T>(output.GetSpan(capacity * Width)[..(capacity * Width)]);
        int stop, written;
        if (_defined is null)
        {
            stop = (int)Math.Min(end, (long)start + capacity);
            written = stop - start;
            _values.AsSpan(start, written).CopyTo(destination);
        }
        else
        {
            written = 0;
            stop = start;
            for (; stop < end && written < capacity; stop++)
            {
                if (_defined[stop])
                {
                    destination[written++] = _values[stop];
                }
            }
        }
        output.Advance(written * Width);
        Accumulate(destination[..written]);
        return stop;
    }

    private void Accumulate(ReadOnlySpan<T> values)
    {
        foreach (var value in values)
        {
            if (IsFloatingPoint && T.IsNaN(value))
            {
                _nanCount++;
            }
            else if (!_any)
            {
                _min = _max = value;
                _any = true;
            }
            else if (value < _min)
            {
                _min = value;
            }
            else if (value > _max)
            {
                _max = value;
            }
        }
    }

    public override Statistics Statistics(long nullCount)
    {
        var stats = new Statistics { NullCount = nullCount, NanCount = IsFloatingPoint ? _nanCount : null };
        if (_any)
        {
            // The spec asks for -0.0 as a zero minimum and +0.0 as a zero maximum, so both zeros are covered.
            var min = T.IsZero(_min) ? -T.Zero : _min;
            var max = T.IsZero(_max) ? T.Zero : _max;
            // Signed order is these types' order, so the deprecated fields may carry the same bytes for old readers.
            stats.MinValue = stats.Min = Encode(min);
            stats.MaxValue = stats.Max = Encode(max);
        }
        return stats;
    }

    private static byte[] Encode(T value)
    {
        var bytes = new byte[Width];
        MemoryMarshal.Write(bytes, in value);
        return bytes;
    }
}
