using System.IO.Compression;
using Touchstone.Parquet.Compression;
using Touchstone.Parquet.Format;

namespace Touchstone.Parquet.Tests;

public class CompressionTests
{
    private static readonly byte[] Text = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("loss 0.125 ", 5000)));

    [Fact]
    public void Gzip_page_that_overstates_its_size_fails_without_allocating_the_claim()
    {
        var compressed = Gzip(Text);
        var claimed = compressed.Length * 1000;

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<ParquetFormatException>(() => PageDecompressor.Decompress(CompressionCodec.Gzip, compressed, claimed));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains($"decoded to {Text.Length} bytes", error.Message);
        Assert.True(allocated < claimed / 4, $"allocated {allocated} bytes for a claim of {claimed}");
    }

    [Fact]
    public void Gzip_page_that_understates_its_size_is_rejected()
    {
        var error = Assert.Throws<ParquetFormatException>(() => PageDecompressor.Decompress(CompressionCodec.Gzip, Gzip(Text), Text.Length - 1));
        Assert.Contains("more than", error.Message);
    }

    [Fact]
    public void Gzip_and_snappy_pages_decode_exactly()
    {
        Assert.Equal(Text, PageDecompressor.Decompress(CompressionCodec.Gzip, Gzip(Text), Text.Length).ToArray());
        Assert.Equal(Text, PageDecompressor.Decompress(CompressionCodec.Snappy, IronSnappy.Snappy.Encode(Text), Text.Length).ToArray());
    }

    [Fact]
    public void Snappy_length_header_must_match_the_page_header()
    {
        var error = Assert.Throws<ParquetFormatException>(() =>
            PageDecompressor.Decompress(CompressionCodec.Snappy, IronSnappy.Snappy.Encode(Text), Text.Length + 1));
        Assert.Contains("Snappy", error.Message);
    }

    [Fact]
    public void Claim_beyond_what_the_codec_can_expand_to_is_rejected_up_front()
    {
        var error = Assert.Throws<ParquetFormatException>(() => PageDecompressor.Decompress(CompressionCodec.Gzip, new byte[10], int.MaxValue));
        Assert.Contains("more than GZIP can expand to", error.Message);
    }

    [Fact]
    public void Corrupt_codec_data_is_a_format_error()
    {
        var gzip = Gzip(Text);
        gzip[gzip.Length / 2] ^= 0xFF;
        // Snappy blocks carry no checksum, so a flipped byte may decode to other data; a cut-off block may not.
        var snappy = IronSnappy.Snappy.Encode(Text)[..^5];

        Assert.Throws<ParquetFormatException>(() => PageDecompressor.Decompress(CompressionCodec.Gzip, gzip, Text.Length));
        Assert.Throws<ParquetFormatException>(() => PageDecompressor.Decompress(CompressionCodec.Snappy, snappy, Text.Length));
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(data);
        }
        return output.ToArray();
    }
}
