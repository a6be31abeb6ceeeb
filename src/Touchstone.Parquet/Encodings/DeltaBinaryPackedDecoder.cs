namespace Touchstone.Parquet.Encodings;

/// <summary>
/// Decodes DELTA_BINARY_PACKED (Encodings.md): a header (block size, miniblocks per block, value count, first
/// value), then blocks of a min delta and bit-packed miniblocks. Arithmetic wraps, as the spec requires.
/// </summary>
internal static class DeltaBinaryPackedDecoder
{
    private const int MaxBlockSize = 1 << 16;

    /// <summary>Decodes exactly <c>output.Length</c> values (the header must say so); returns the bytes consumed.</summary>
    public static int Decode(ReadOnlySpan<byte> input, Span<long> output, string what)
    {
        var position = 0;
        var blockSize = ReadUnsigned(input, ref position, what);
        var miniblocks = ReadUnsigned(input, ref position, what);
        var total = ReadUnsigned(input, ref position, what);
        var first = ReadZigZag(input, ref position, what);
        if (blockSize == 0 || blockSize % 128 != 0 || blockSize > MaxBlockSize || miniblocks == 0 ||
            blockSize % miniblocks != 0 || blockSize / miniblocks % 32 != 0)
        {
            throw new ParquetFormatException($"{what} have an invalid delta header (block size {blockSize}, {miniblocks} miniblocks)");
        }
        if (total != (ulong)output.Length)
        {
            throw new ParquetFormatException($"{what} hold {total} delta-encoded values where {output.Length} were expected");
        }
        if (output.Length == 0)
        {
            return position;
        }
        var perMiniblock = (int)(blockSize / miniblocks);
        Span<ulong> deltas = stackalloc ulong[256];
        if (perMiniblock > deltas.Length)
        {
            deltas = new ulong[perMiniblock];
        }
        var last = first;
        output[0] = first;
        var filled = 1;
        while (filled < output.Length)
        {
            var minDelta = ReadZigZag(input, ref position, what);
            if (position + (int)miniblocks > input.Length)
            {
                throw Truncated(what, filled, output.Length);
            }
            var widths = input.Slice(position, (int)miniblocks);
            position += (int)miniblocks;
            for (var m = 0; m < widths.Length && filled < output.Length; m++)
            {
                var width = widths[m];
                if (width > 64)
                {
                    throw new ParquetFormatException($"{what} use a miniblock bit width of {width}");
                }
                var take = Math.Min(perMiniblock, output.Length - filled);
                var needed = BitPacking.ByteCount(take, width);
                if (position + needed > input.Length)
                {
                    throw Truncated(what, filled, output.Length);
                }
                BitPacking.Unpack64(input.Slice(position, needed), width, deltas[..take]);
                position = Math.Min(input.Length, position + BitPacking.ByteCount(perMiniblock, width));
                for (var i = 0; i < take; i++)
                {
                    last = unchecked(last + minDelta + (long)deltas[i]);
                    output[filled++] = last;
                }
            }
        }
        return position;
    }

    private static ulong ReadUnsigned(ReadOnlySpan<byte> input, ref int position, string what) =>
        Varint.Read(input, ref position, 10, what);

    private static long ReadZigZag(ReadOnlySpan<byte> input, ref int position, string what)
    {
        var value = ReadUnsigned(input, ref position, what);
        return (long)(value >> 1) ^ -(long)(value & 1);
    }

    private static ParquetFormatException Truncated(string what, int filled, int expected) =>
        new($"{what} end after {filled} of {expected} delta-encoded values (truncated or corrupt page)");
}
