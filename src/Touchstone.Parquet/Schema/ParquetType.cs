namespace Touchstone.Parquet;

/// <summary>The column types this library reads and writes (a physical type plus, where needed, a logical type).</summary>
public enum ParquetType
{
    /// <summary>BOOLEAN; values are <see cref="bool"/>.</summary>
    Boolean,

    /// <summary>INT32; values are <see cref="int"/>.</summary>
    Int32,

    /// <summary>INT64; values are <see cref="long"/>.</summary>
    Int64,

    /// <summary>FLOAT (IEEE 754 single); values are <see cref="float"/>.</summary>
    Float,

    /// <summary>DOUBLE (IEEE 754 double); values are <see cref="double"/>.</summary>
    Double,

    /// <summary>BYTE_ARRAY with the STRING logical type (UTF-8); values are <see cref="string"/>.</summary>
    String,

    /// <summary>INT64 with the TIMESTAMP logical type; values are <see cref="long"/> counts of the field's unit since the Unix epoch.</summary>
    Timestamp,
}

/// <summary>The unit of a <see cref="ParquetType.Timestamp"/> column.</summary>
public enum ParquetTimestampUnit
{
    /// <summary>Milliseconds since 1970-01-01T00:00:00.</summary>
    Milliseconds,

    /// <summary>Microseconds since 1970-01-01T00:00:00.</summary>
    Microseconds,

    /// <summary>Nanoseconds since 1970-01-01T00:00:00.</summary>
    Nanoseconds,
}
