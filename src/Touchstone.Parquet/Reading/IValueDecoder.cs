using Touchstone.Parquet.Format;

namespace Touchstone.Parquet.Reading;

/// <summary>Decodes the non-dictionary encodings of one value type.</summary>
internal interface IValueDecoder<T>
{
    /// <summary>Decodes exactly <c>output.Length</c> values encoded with <paramref name="encoding"/>.</summary>
    void Decode(Encoding encoding, ReadOnlySpan<byte> data, Span<T> output);

    /// <summary>The largest number of PLAIN values <paramref name="bytes"/> bytes can hold (bounds dictionary sizes).</summary>
    long MaxPlainValues(int bytes);
}

/// <summary>Shared messages of the value decoders.</summary>
internal static class ValueDecoding
{
    public static ParquetFormatException UnsupportedEncoding(Encoding encoding, string type)
    {
        var name = Enum.IsDefined(encoding) ? encoding.ToString() : $"#{(int)encoding}";
        return new ParquetFormatException($"encoding {name} is not supported for {type} values");
    }

    public static ParquetFormatException Truncated(int expected, string type) =>
        new($"the page ends before its {expected} {type} values (truncated or corrupt page)");
}
