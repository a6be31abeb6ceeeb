namespace Touchstone.Parquet.Encodings;

/// <summary>Unsigned LEB128 varints inside page data (run headers, delta headers), read with bounds checks.</summary>
internal static class Varint
{
    /// <summary>Reads a varint of at most <paramref name="maxBytes"/> bytes at <paramref name="position"/>.</summary>
    public static ulong Read(ReadOnlySpan<byte> input, ref int position, int maxBytes, string what)
    {
        ulong result = 0;
        for (var i = 0; i < maxBytes; i++)
        {
            if (position >= input.Length)
            {
                throw new ParquetFormatException($"{what} end in the middle of a varint");
            }
            var b = input[position++];
            result |= (ulong)(b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }
        throw new ParquetFormatException($"{what} contain a varint longer than {maxBytes} bytes");
    }
}
