using Touchstone.Parquet.Encodings;
using Touchstone.Parquet.Reading;
using Touchstone.Parquet.Writing;
using Encoding = Touchstone.Parquet.Format.Encoding;

namespace Touchstone.Parquet.Tests;

public class EncodingTests
{
    [Fact]
    public void Bit_packing_matches_the_spec_example()
    {
        // Encodings.md: 0..7 with bit width 3 packs to 10001000 11000110 11111010.
        var packed = new byte[3];
        BitPacking.Pack([0, 1, 2, 3, 4, 5, 6, 7], 3, packed);
        Assert.Equal([0b10001000, 0b11000110, 0b11111010], packed);

        var unpacked = new int[8];
        BitPacking.Unpack(packed, 3, unpacked);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], unpacked);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(31)]
    public void Rle_hybrid_round_trips_runs_and_noise(int bitWidth)
    {
        var random = new Random(bitWidth);
        var max = bitWidth == 31 ? int.MaxValue : (1 << bitWidth) - 1;
        var values = new List<int>();
        while (values.Count < 20_000)
        {
            // Alternate long runs, short runs and noise so both run kinds and their boundaries occur.
            var kind = random.Next(3);
            var length = kind == 0 ? random.Next(8, 300) : kind == 1 ? random.Next(1, 8) : random.Next(1, 40);
            var value = random.Next(0, max);
            for (var i = 0; i < length; i++)
            {
                values.Add(kind == 2 ? random.Next(0, max) : value);
            }
        }
        using var buffer = new ByteBuffer();

        RleHybridEncoder.Encode(values.ToArray(), bitWidth, buffer);
        var decoded = new int[values.Count];
        var used = RleHybridDecoder.Decode(buffer.Span, bitWidth, decoded, "test values");

        Assert.Equal(values, decoded);
        Assert.True(used <= buffer.Length);
    }

    [Fact]
    public void Rle_hybrid_uses_a_single_run_for_a_constant_column()
    {
        using var buffer = new ByteBuffer();
        RleHybridEncoder.Encode(Enumerable.Repeat(3, 100_000).ToArray(), 2, buffer);
        // Header varint(100000 << 1) takes 3 bytes, the value one.
        Assert.Equal(4, buffer.Length);
    }

    [Fact]
    public void Rle_hybrid_decoder_rejects_truncated_input()
    {
        using var buffer = new ByteBuffer();
        RleHybridEncoder.Encode(Enumerable.Range(0, 100).Select(i => i % 7).ToArray(), 3, buffer);
        var error = Assert.Throws<ParquetFormatException>(() =>
            RleHybridDecoder.Decode(buffer.Span[..(buffer.Length / 2)], 3, new int[100], "levels"));
        Assert.Contains("levels", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(127)]
    [InlineData(129)]
    [InlineData(1000)]
    public void Delta_binary_packed_decodes_what_a_spec_encoder_writes(int count)
    {
        var random = new Random(count);
        var values = Enumerable.Range(0, count).Select(i => i % 50 == 0 ? random.NextInt64(long.MinValue, long.MaxValue) : random.NextInt64(-1000, 1000) + i * 7L).ToArray();
        var encoded = DeltaEncoder.Encode(values);

        var decoded = new long[count];
        var used = DeltaBinaryPackedDecoder.Decode(encoded, decoded, "test");

        Assert.Equal(values, decoded);
        Assert.Equal(encoded.Length, used);
    }

    [Fact]
    public void Delta_byte_array_decodes_the_spec_example()
    {
        // Encodings.md: "axis", "axle", "babble", "babyhood" → prefixes 0,2,0,3; suffixes "axis","le","babble","yhood".
        var data = DeltaEncoder.Encode([0, 2, 0, 3])
            .Concat(DeltaEncoder.Encode([4, 2, 6, 5]))
            .Concat("axislebabbleyhood"u8.ToArray())
            .ToArray();
        var output = new string[4];

        StringDecoder.Instance.Decode(Encoding.DeltaByteArray, data, output);

        Assert.Equal(["axis", "axle", "babble", "babyhood"], output);
    }

    [Fact]
    public void Delta_length_byte_array_decodes_the_spec_example()
    {
        var data = DeltaEncoder.Encode([5, 5, 6, 6]).Concat("HelloWorldFoobarABCDEF"u8.ToArray()).ToArray();
        var output = new string[4];

        StringDecoder.Instance.Decode(Encoding.DeltaLengthByteArray, data, output);

        Assert.Equal(["Hello", "World", "Foobar", "ABCDEF"], output);
    }

    [Fact]
    public void Byte_stream_split_decodes_the_spec_layout()
    {
        float[] values = [1.5f, -2.25f, float.NaN];
        var bytes = values.SelectMany(BitConverter.GetBytes).ToArray();
        var split = Enumerable.Range(0, 4).SelectMany(k => Enumerable.Range(0, 3).Select(i => bytes[i * 4 + k])).ToArray();
        var output = new float[3];

        FixedWidthDecoder<float>.Instance.Decode(Encoding.ByteStreamSplit, split, output);

        Assert.Equal(values.Select(BitConverter.SingleToInt32Bits), output.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void Invalid_UTF8_in_a_page_is_a_format_error()
    {
        byte[] data = [2, 0, 0, 0, 0xC3, 0x28];
        var error = Assert.Throws<ParquetFormatException>(() => StringDecoder.Instance.Decode(Encoding.Plain, data, new string[1]));
        Assert.Contains("UTF-8", error.Message);
    }

    /// <summary>A straightforward DELTA_BINARY_PACKED encoder written from Encodings.md, to feed the decoder.</summary>
    private static class DeltaEncoder
    {
        public static byte[] Encode(long[] values)
        {
            const int blockSize = 128, miniblocks = 4, perMiniblock = 32;
            var output = new List<byte>();
            Uleb(output, blockSize);
            Uleb(output, miniblocks);
            Uleb(output, (ulong)values.Length);
            Uleb(output, ZigZag(values.Length > 0 ? values[0] : 0));
            for (var start = 1; start < values.Length; start += blockSize)
            {
                var deltas = Enumerable.Range(start, Math.Min(blockSize, values.Length - start)).Select(i => unchecked(values[i] - values[i - 1])).ToArray();
                var minDelta = deltas.Min();
                var relative = deltas.Select(d => unchecked((ulong)(d - minDelta))).ToArray();
                Uleb(output, ZigZag(minDelta));
                var used = (relative.Length + perMiniblock - 1) / perMiniblock;
                var widths = Enumerable.Range(0, miniblocks).Select(m => m >= used ? 0 :
                    relative.Skip(m * perMiniblock).Take(perMiniblock).Select(v => 64 - System.Numerics.BitOperations.LeadingZeroCount(v)).Max()).ToArray();
                output.AddRange(widths.Select(w => (byte)w));
                for (var m = 0; m < used; m++)
                {
                    var chunk = relative.Skip(m * perMiniblock).Take(perMiniblock).ToArray();
                    var bits = new System.Collections.BitArray(perMiniblock * widths[m]);
                    for (var i = 0; i < chunk.Length; i++)
                    {
                        for (var b = 0; b < widths[m]; b++)
                        {
                            bits[i * widths[m] + b] = ((chunk[i] >> b) & 1) == 1;
                        }
                    }
                    var bytes = new byte[perMiniblock * widths[m] / 8];
                    bits.CopyTo(bytes, 0);
                    output.AddRange(bytes);
                }
            }
            return output.ToArray();
        }

        private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

        private static void Uleb(List<byte> output, ulong value)
        {
            while (value >= 0x80)
            {
                output.Add((byte)(value | 0x80));
                value >>= 7;
            }
            output.Add((byte)value);
        }
    }
}
