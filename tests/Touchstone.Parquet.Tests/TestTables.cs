namespace Touchstone.Parquet.Tests;

/// <summary>Shared helpers: write columns to bytes, read them back.</summary>
internal static class TestTables
{
    public static byte[] Write(ParquetSchema schema, IReadOnlyList<ParquetColumn> columns, ParquetWriteOptions? options = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new ParquetFileWriter(stream, schema, options, leaveOpen: true))
        {
            writer.WriteTable(columns);
            writer.Complete();
        }
        return stream.ToArray();
    }

    /// <summary>Reads every row group and concatenates each column's values (boxed, null for nulls).</summary>
    public static List<object?[]> ReadAll(byte[] file, out ParquetSchema schema)
    {
        using var reader = new ParquetFileReader(new MemoryStream(file));
        schema = reader.Schema;
        var columns = reader.Schema.Select(_ => new List<object?>()).ToArray();
        for (var g = 0; g < reader.RowGroups.Count; g++)
        {
            var group = reader.ReadRowGroup(g);
            for (var c = 0; c < group.Count; c++)
            {
                for (var r = 0; r < group[c].Count; r++)
                {
                    columns[c].Add(group[c].GetValue(r));
                }
            }
        }
        return columns.Select(c => c.ToArray()).ToList();
    }

    public static object?[] Values(ParquetColumn column) =>
        Enumerable.Range(0, column.Count).Select(column.GetValue).ToArray();
}
