using System.Buffers;
using System.Buffers.Binary;
using Touchstone.Parquet.Encodings;
using Touchstone.Parquet.Format;
using DecoderFallbackException = System.Text.DecoderFallbackException;

namespace Touchstone.Parquet.Reading;

/// <summary>UTF-8 strings: PLAIN, DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY. Invalid UTF-8 is an error, not U+FFFD.</summary>
internal sealed class StringDecoder : IValueDecoder<string>
{
    public static readonly StringDecoder Instance = new();

    // Every PLAIN string carries a 4-byte length.
    public long MaxPlainValues(int bytes) => bytes / 4;

    public void Decode(Encoding encoding, ReadOnlySpan<byte> data, Span<string> output)
    {
        switch (encoding)
        {
            case Encoding.Plain:
                DecodePlain(data, output);
                break;
            case Encoding.DeltaLengthByteArray:
                DecodeDeltaLength(data, output);
                break;
            case Encoding.DeltaByteArray:
                DecodeDeltaStrings(data, output);
                break;
            default:
                throw ValueDecoding.UnsupportedEncoding(encoding, "string");
        }
    }

    private static void DecodePlain(ReadOnlySpan<byte> data, Span<string> output)
    {
        var position = 0;
        for (var i = 0; i < output.Length; i++)
        {
            if (data.Length - position < 4)
            {
                throw ValueDecoding.Truncated(output.Length, "string");
            }
            var length = BinaryPrimitives.ReadUInt32LittleEndian(data[position..]);
            position += 4;
            if (length > (uint)(data.Length - position))
            {
                throw new ParquetFormatException(
                    $"string {i} of the page claims {length} bytes but only {data.Length - position} remain (truncated or corrupt page)");
            }
            output[i] = ToString(data.Slice(position, (int)length));
            position += (int)length;
        }
    }

    private static void DecodeDeltaLength(ReadOnlySpan<byte> data, Span<string> output)
    {
        var lengths = ArrayPool<long>.Shared.Rent(output.Length);
        try
        {
            var position = DeltaBinaryPackedDecoder.Decode(data, lengths.AsSpan(0, output.Length), "string lengths");
            for (var i = 0; i < output.Length; i++)
            {
                var length = lengths[i];
                if (length < 0 || length > data.Length - position)
                {
                    throw new ParquetFormatException($"string {i} of the page has length {length}, beyond the page (corrupt page)");
                }
                output[i] = ToString(data.Slice(position, (int)length));
                position += (int)length;
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(lengths);
        }
    }

    /// <summary>Each string is a prefix of the previous one plus a suffix; prefix lengths, then suffixes as DELTA_LENGTH.</summary>
    private static void DecodeDeltaStrings(ReadOnlySpan<byte> data, Span<string> output)
    {
        var prefixes = ArrayPool<long>.Shared.Rent(output.Length);
        var suffixLengths = ArrayPool<long>.Shared.Rent(output.Length);
        var previous = new ArrayBufferWriter<byte>();
        var current = new ArrayBufferWriter<byte>();
        try
        {
            var position = DeltaBinaryPackedDecoder.Decode(data, prefixes.AsSpan(0, output.Length), "string prefix lengths");
            position += DeltaBinaryPackedDecoder.Decode(data[position..], suffixLengths.AsSpan(0, output.Length), "string suffix lengths");
            for (var i = 0; i < output.Length; i++)
            {
                var prefix = prefixes[i];
                var suffix = suffixLengths[i];
                if (prefix < 0 || prefix > previous.WrittenCount || suffix < 0 || suffix > data.Length - position)
                {
                    throw new ParquetFormatException($"string {i} of the page has an impossible prefix or suffix length (corrupt page)");
                }
                current.ResetWrittenCount();
                current.Write(previous.WrittenSpan[..(int)prefix]);
                current.Write(data.Slice(position, (int)suffix));
                position += (int)suffix;
                output[i] = ToString(current.WrittenSpan);
                (previous, current) = (current, previous);
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(prefixes);
            ArrayPool<long>.Shared.Return(suffixLengths);
        }
    }

    private static string ToString(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return Utf8.Strict.GetString(utf8);
        }
        catch (DecoderFallbackException e)
        {
            throw new ParquetFormatException("a string is not valid UTF-8", e);
        }
    }
}
