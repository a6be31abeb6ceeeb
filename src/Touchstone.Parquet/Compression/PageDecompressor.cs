using System.IO.Compression;
using System.Runtime.InteropServices;
using Touchstone.Parquet.Format;

namespace Touchstone.Parquet.Compression;

/// <summary>
/// Decompresses page bodies. The declared uncompressed size is checked before anything is allocated (against
/// what the codec can expand the input to) and after (the codec must produce exactly that many bytes), and codec
/// errors become <see cref="ParquetFormatException"/>.
/// </summary>
internal static class PageDecompressor
{
    // Deflate expands at most about 1032:1; Snappy at most 64 bytes per 3-byte copy element.
    private const int MaxGzipRatio = 1100;
    private const int MaxSnappyRatio = 22;

    public static void CheckSupported(CompressionCodec codec)
    {
        if (codec is not (CompressionCodec.Uncompressed or CompressionCodec.Snappy or CompressionCodec.Gzip))
        {
            var name = Enum.IsDefined(codec) ? codec.ToString().ToUpperInvariant() : $"#{(int)codec}";
            throw new ParquetFormatException(
                $"compression codec {name} is not supported (supported: UNCOMPRESSED, SNAPPY, GZIP); rewrite the file with one of those");
        }
    }

    /// <summary>Returns exactly <paramref name="uncompressedSize"/> bytes decompressed from <paramref name="input"/>.</summary>
    public static ReadOnlyMemory<byte> Decompress(CompressionCodec codec, ReadOnlyMemory<byte> input, int uncompressedSize)
    {
        switch (codec)
        {
            case CompressionCodec.Uncompressed:
                if (input.Length != uncompressedSize)
                {
                    throw new ParquetFormatException(
                        $"an uncompressed page holds {input.Length} bytes but its header says {uncompressedSize}");
                }
                return input;
            case CompressionCodec.Snappy:
                return DecompressSnappy(input.Span, uncompressedSize);
            case CompressionCodec.Gzip:
                return DecompressGzip(input, uncompressedSize);
            default:
                CheckSupported(codec);
                throw new InvalidOperationException("unreachable");
        }
    }

    private static byte[] DecompressSnappy(ReadOnlySpan<byte> input, int uncompressedSize)
    {
        // A Snappy block starts with its decoded length; check it before the decoder allocates that much.
        var declared = ReadSnappyLength(input);
        if (declared != (ulong)uncompressedSize)
        {
            throw new ParquetFormatException(
                $"a Snappy page decodes to {declared} bytes but its header says {uncompressedSize}");
        }
        CheckRatio(input.Length, uncompressedSize, MaxSnappyRatio, "Snappy");
        byte[] output;
        try
        {
            output = IronSnappy.Snappy.Decode(input);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ParquetFormatException($"a Snappy page is corrupt ({e.Message})", e);
        }
        if (output.Length != uncompressedSize)
        {
            throw new ParquetFormatException(
                $"a Snappy page decoded to {output.Length} bytes but its header says {uncompressedSize}");
        }
        return output;
    }

    private static ReadOnlyMemory<byte> DecompressGzip(ReadOnlyMemory<byte> input, int uncompressedSize)
    {
        CheckRatio(input.Length, uncompressedSize, MaxGzipRatio, "GZIP");
        // The output grows as data actually inflates, so a header that overstates the size costs no memory.
        var output = new byte[Math.Min(uncompressedSize, Math.Max(64 * 1024, input.Length * 4))];
        var filled = 0;
        try
        {
            var segment = MemoryMarshal.TryGetArray(input, out var array) ? array : new ArraySegment<byte>(input.ToArray());
            using var source = new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false);
            using var gzip = new GZipStream(source, CompressionMode.Decompress);
            while (true)
            {
                if (filled == output.Length)
                {
                    if (filled == uncompressedSize)
                    {
                        Span<byte> extra = stackalloc byte[1];
                        if (gzip.Read(extra) != 0)
                        {
                            throw new ParquetFormatException($"a GZIP page decodes to more than the {uncompressedSize} bytes its header says");
                        }
                        break;
                    }
                    Array.Resize(ref output, (int)Math.Min(uncompressedSize, output.Length * 2L));
                }
                var read = gzip.Read(output, filled, output.Length - filled);
                if (read == 0)
                {
                    throw new ParquetFormatException($"a GZIP page decoded to {filled} bytes but its header says {uncompressedSize}");
                }
                filled += read;
            }
        }
        catch (InvalidDataException e)
        {
            throw new ParquetFormatException($"a GZIP page is corrupt ({e.Message})", e);
        }
        return output;
    }

    private static void CheckRatio(int compressedSize, int uncompressedSize, int maxRatio, string codec)
    {
        if (uncompressedSize > (long)Math.Max(compressedSize, 1) * maxRatio + 1024)
        {
            throw new ParquetFormatException(
                $"a {codec} page of {compressedSize} bytes claims {uncompressedSize} bytes uncompressed, more than {codec} can expand to");
        }
    }

    private static ulong ReadSnappyLength(ReadOnlySpan<byte> input)
    {
        var position = 0;
        return Encodings.Varint.Read(input, ref position, 5, "a Snappy page's length header");
    }
}
