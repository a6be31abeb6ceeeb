using System.Buffers;
using System.Buffers.Binary;
using Touchstone.Parquet.Encodings;
using Touchstone.Parquet.Format;

namespace Touchstone.Parquet.Reading;

/// <summary>BOOLEAN: PLAIN (one bit per value, LSB first) and RLE (length-prefixed hybrid of width 1).</summary>
internal sealed class BooleanDecoder : IValueDecoder<bool>
{
    public static readonly BooleanDecoder Instance = new();

    public long MaxPlainValues(int bytes) => (long)bytes * 8;

    public void Decode(Encoding encoding, ReadOnlySpan<byte> data, Span<bool> output)
    {
        switch (encoding)
        {
            case Encoding.Plain:
                if (data.Length < (output.Length + 7) / 8)
                {
                    throw ValueDecoding.Truncated(output.Length, "BOOLEAN");
                }
                for (var i = 0; i < output.Length; i++)
                {
                    output[i] = (data[i >> 3] & (1 << (i & 7))) != 0;
                }
                break;
            case Encoding.Rle:
                if (data.Length < 4)
                {
                    throw ValueDecoding.Truncated(output.Length, "BOOLEAN");
                }
                var length = BinaryPrimitives.ReadUInt32LittleEndian(data);
                if (length > data.Length - 4)
                {
                    throw ValueDecoding.Truncated(output.Length, "BOOLEAN");
                }
                var bits = ArrayPool<int>.Shared.Rent(output.Length);
                try
                {
                    RleHybridDecoder.Decode(data.Slice(4, (int)length), 1, bits.AsSpan(0, output.Length), "RLE booleans");
                    for (var i = 0; i < output.Length; i++)
                    {
                        output[i] = bits[i] != 0;
                    }
                }
                finally
                {
                    ArrayPool<int>.Shared.Return(bits);
                }
                break;
            default:
                throw ValueDecoding.UnsupportedEncoding(encoding, "BOOLEAN");
        }
    }
}
