namespace Touchstone.Parquet.Encodings;

/// <summary>
/// Bit-packing as the RLE/bit-packing hybrid defines it: values are packed from the least significant bit of
/// each byte upwards, so a little-endian machine can shift them out of a register.
/// </summary>
internal static class BitPacking
{
    /// <summary>Bytes that <paramref name="count"/> values of <paramref name="bitWidth"/> bits take.</summary>
    public static int ByteCount(long count, int bitWidth) => checked((int)((count * bitWidth + 7) / 8));

    /// <summary>Packs values (each below 2^bitWidth, bitWidth at most 32) into exactly <see cref="ByteCount"/> bytes.</summary>
    public static void Pack(ReadOnlySpan<int> values, int bitWidth, Span<byte> output)
    {
        ulong buffer = 0;
        var bits = 0;
        var position = 0;
        foreach (var value in values)
        {
            buffer |= (ulong)(uint)value << bits;
            bits += bitWidth;
            while (bits >= 8)
            {
                output[position++] = (byte)buffer;
                buffer >>= 8;
                bits -= 8;
            }
        }
        if (bits > 0)
        {
            output[position] = (byte)buffer;
        }
    }

    /// <summary>Unpacks <c>output.Length</c> values of up to 32 bits; <paramref name="input"/> must hold them all.</summary>
    public static void Unpack(ReadOnlySpan<byte> input, int bitWidth, Span<int> output)
    {
        if (bitWidth == 0)
        {
            output.Clear();
            return;
        }
        var mask = bitWidth == 32 ? uint.MaxValue : (1u << bitWidth) - 1;
        ulong buffer = 0;
        var bits = 0;
        var position = 0;
        for (var i = 0; i < output.Length; i++)
        {
            while (bits < bitWidth)
            {
                buffer |= (ulong)input[position++] << bits;
                bits += 8;
            }
            output[i] = (int)((uint)buffer & mask);
            buffer >>= bitWidth;
            bits -= bitWidth;
        }
    }

    /// <summary>Unpacks <c>output.Length</c> values of up to 64 bits (used by the delta encoding).</summary>
    public static void Unpack64(ReadOnlySpan<byte> input, int bitWidth, Span<ulong> output)
    {
        long bitOffset = 0;
        for (var i = 0; i < output.Length; i++)
        {
            ulong value = 0;
            var got = 0;
            while (got < bitWidth)
            {
                var index = (int)(bitOffset >> 3);
                var shift = (int)(bitOffset & 7);
                var take = Math.Min(8 - shift, bitWidth - got);
                var chunk = (ulong)((input[index] >> shift) & ((1 << take) - 1));
                value |= chunk << got;
                got += take;
                bitOffset += take;
            }
            output[i] = value;
        }
    }
}
