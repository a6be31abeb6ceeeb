using System.IO.Compression;
using Touchstone.Parquet.Format;

namespace Touchstone.Parquet.Compression;

/// <summary>Compresses page bodies with the file's codec, reusing its scratch buffers between pages.</summary>
internal sealed class PageCompressor(ParquetCompression compression)
{
    private readonly MemoryStream _gzipOutput = new();

    public CompressionCodec Codec => compression switch
    {
        ParquetCompression.Snappy => CompressionCodec.Snappy,
        ParquetCompression.Gzip => CompressionCodec.Gzip,
        _ => CompressionCodec.Uncompressed,
    };

    /// <summary>The compressed bytes; valid until the next call.</summary>
    public ReadOnlyMemory<byte> Compress(ReadOnlyMemory<byte> input)
    {
        switch (compression)
        {
            case ParquetCompression.Snappy:
                return IronSnappy.Snappy.Encode(input.Span);
            case ParquetCompression.Gzip:
                _gzipOutput.SetLength(0);
                using (var gzip = new GZipStream(_gzipOutput, CompressionLevel.Optimal, leaveOpen: true))
                {
                    gzip.Write(input.Span);
                }
                return _gzipOutput.GetBuffer().AsMemory(0, (int)_gzipOutput.Length);
            default:
                return input;
        }
    }
}
