namespace Touchstone.Parquet.Writing;

/// <summary>The output stream with the count of bytes written, which gives file offsets without seeking.</summary>
internal sealed class FileOutput(Stream stream)
{
    public long Position { get; private set; }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        stream.Write(bytes);
        Position += bytes.Length;
    }
}
