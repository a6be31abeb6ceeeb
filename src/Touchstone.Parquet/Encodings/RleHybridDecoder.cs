namespace Touchstone.Parquet.Encodings;

/// <summary>Decodes the RLE/bit-packing hybrid (levels, dictionary indices, RLE booleans) with bounds checks.</summary>
internal static class RleHybridDecoder
{
    /// <summary>
    /// Decodes exactly <c>output.Length</c> values of <paramref name="bitWidth"/> bits from <paramref name="input"/>;
    /// returns the number of bytes consumed. Throws <see cref="ParquetFormatException"/> if the input ends early.
    /// </summary>
    public static int Decode(ReadOnlySpan<byte> input, int bitWidth, Span<int> output, string what)
    {
        if (bitWidth is < 0 or > 32)
        {
            throw new ParquetFormatException($"{what} use a bit width of {bitWidth}; the hybrid encoding allows 0 to 32");
        }
        var valueBytes = (bitWidth + 7) / 8;
        var position = 0;
        var filled = 0;
        while (filled < output.Length)
        {
            var header = Varint.Read(input, ref position, 5, what);
            var wanted = output.Length - filled;
            if ((header & 1) == 0)
            {
                var runLength = header >> 1;
                if (runLength == 0 || position + valueBytes > input.Length)
                {
                    throw Truncated(what, filled, output.Length);
                }
                var value = 0u;
                for (var b = 0; b < valueBytes; b++)
                {
                    value |= (uint)input[position + b] << (8 * b);
                }
                position += valueBytes;
                if (bitWidth < 32 && value >> bitWidth != 0)
                {
                    throw new ParquetFormatException($"{what} hold a run value {value} wider than the bit width {bitWidth}");
                }
                var take = (int)Math.Min(runLength, (ulong)wanted);
                output.Slice(filled, take).Fill((int)value);
                filled += take;
            }
            else
            {
                var valueCount = (header >> 1) * 8;
                if (valueCount == 0)
                {
                    throw Truncated(what, filled, output.Length);
                }
                var take = (int)Math.Min(valueCount, (ulong)wanted);
                // A final group may be cut short by writers that do not pad it; what we need must be there.
                var runBytes = (long)(header >> 1) * bitWidth;
                var neededBytes = BitPacking.ByteCount(take, bitWidth);
                if (position + neededBytes > input.Length)
                {
                    throw Truncated(what, filled, output.Length);
                }
                BitPacking.Unpack(input.Slice(position, neededBytes), bitWidth, output.Slice(filled, take));
                position = (int)Math.Min(input.Length, position + runBytes);
                filled += take;
            }
        }
        return position;
    }

    private static ParquetFormatException Truncated(string what, int filled, int expected) =>
        new($"{what} end after {filled} of {expected} values (truncated or corrupt page)");
}
