namespace Touchstone.Parquet;

/// <summary>Compression codecs this library writes and reads.</summary>
public enum ParquetCompression
{
    /// <summary>No compression.</summary>
    Uncompressed,

    /// <summary>Snappy (raw block format), fast with a moderate ratio.</summary>
    Snappy,

    /// <summary>GZIP (RFC 1952), slower with a better ratio.</summary>
    Gzip,
}
