using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Touchstone.Parquet.Encodings;
using Touchstone.Parquet.Format;

namespace Touchstone.Parquet.Reading;

/// <summary>INT32, INT64, FLOAT, DOUBLE: PLAIN, BYTE_STREAM_SPLIT, and DELTA_BINARY_PACKED for the integers.</summary>
internal sealed class FixedWidthDecoder<T> : IValueDecoder<T>
    where T : unmanaged
{
    public static readonly FixedWidthDecoder<T> Instance = new();
    private static readonly int Width = Unsafe.SizeOf<T>();
    private static readonly bool IsInteger = typeof(T) == typeof(int) || typeof(T) == typeof(long);

    public long MaxPlainValues(int bytes) => bytes / Width;

    public void Decode(Encoding encoding, ReadOnlySpan<byte> data, Span<T> output)
    {
        switch (encoding)
        {
            case Encoding.Plain:
                var bytes = output.Length * Width;
                if (data.Length < bytes)
                {
                    throw ValueDecoding.Truncated(output.Length, typeof(T).Name);
                }
                data[..bytes].CopyTo(MemoryMarshal.AsBytes(output));
                break;
            case Encoding.ByteStreamSplit:
                DecodeByteStreamSplit(data, output);
                break;
            case Encoding.DeltaBinaryPacked when IsInteger:
                DecodeDelta(data, output);
                break;
            default:
                throw ValueDecoding.UnsupportedEncoding(encoding, typeof(T).Name);
        }
    }

    /// <summary>Byte k of value i is at <c>k * count + i</c>: the bytes of all values are split into Width streams.</summary>
    private static void DecodeByteStreamSplit(ReadOnlySpan<byte> data, Span<T> output)
    {
        var count = output.Length;
        if (data.Length < count * Width)
        {
            throw ValueDecoding.Truncated(count, typeof(T).Name);
        }
        var bytes = MemoryMarshal.AsBytes(output);
        for (var k = 0; k < Width; k++)
        {
            var stream = data.Slice(k * count, count);
            for (var i = 0; i < count; i++)
            {
                bytes[i * Width + k] = stream[i];
            }
        }
    }

    private static void DecodeDelta(ReadOnlySpan<byte> data, Span<T> output)
    {
        var decoded = ArrayPool<long>.Shared.Rent(output.Length);
        try
        {
            DeltaBinaryPackedDecoder.Decode(data, decoded.AsSpan(0, output.Length), "delta-encoded values");
            if (typeof(T) == typeof(long))
            {
                decoded.AsSpan(0, output.Length).CopyTo(MemoryMarshal.Cast<T, long>(output));
            }
            else
            {
                var ints = MemoryMarshal.Cast<T, int>(output);
                for (var i = 0; i < ints.Length; i++)
                {
                    ints[i] = unchecked((int)decoded[i]);
                }
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(decoded);
        }
    }
}
