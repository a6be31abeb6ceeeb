namespace Touchstone.Parquet;

/// <summary>
/// A Parquet file is malformed, truncated, or uses a feature this library does not support. The message names
/// the file, the column and the row group where they are known, and says what was wrong.
/// </summary>
public sealed class ParquetFormatException : Exception
{
    /// <summary>Creates the exception with a message that describes the problem.</summary>
    public ParquetFormatException(string message)
        : this(message, null, null, null, null)
    {
    }

    /// <summary>Creates the exception with a message and the error that revealed it.</summary>
    public ParquetFormatException(string message, Exception? innerException)
        : this(message, null, null, null, innerException)
    {
    }

    private ParquetFormatException(string detail, string? filePath, string? column, int? rowGroup, Exception? inner)
        : base(Compose(detail, filePath, column, rowGroup), inner)
    {
        Detail = detail;
        FilePath = filePath;
        Column = column;
        RowGroup = rowGroup;
    }

    /// <summary>The problem itself, without the file, column and row group context.</summary>
    public string Detail { get; }

    /// <summary>The file being read, when known.</summary>
    public string? FilePath { get; }

    /// <summary>The column being read or written, when known.</summary>
    public string? Column { get; }

    /// <summary>The zero-based row group being read, when known.</summary>
    public int? RowGroup { get; }

    /// <summary>The same problem with more context; context already present is kept.</summary>
    internal ParquetFormatException WithContext(string? filePath = null, string? column = null, int? rowGroup = null) =>
        new(Detail, FilePath ?? filePath, Column ?? column, RowGroup ?? rowGroup, InnerException ?? this);

    private static string Compose(string detail, string? filePath, string? column, int? rowGroup)
    {
        var where = new List<string>(3);
        if (filePath is not null)
        {
            where.Add(filePath);
        }
        if (column is not null)
        {
            where.Add($"column '{column}'");
        }
        if (rowGroup is not null)
        {
            where.Add($"row group {rowGroup}");
        }
        return where.Count == 0 ? detail : $"{string.Join(", ", where)}: {detail}";
    }
}
