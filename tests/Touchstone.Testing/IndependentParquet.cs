using System.Globalization;
using DuckDB.NET.Data;
using Parquet;
using Parquet.Schema;

namespace Touchstone.Testing;

/// <summary>
/// A Parquet table as an independent reader decoded it: column names, and every row's values as invariant text
/// (null for a null), so that two readers' results compare with <c>Assert.Equal</c>. Timestamps are their
/// microseconds since the Unix epoch; floating-point values are their round-trip ("R") text, so NaN and -0 compare.
/// </summary>
/// <param name="Columns">Column names in file order.</param>
/// <param name="Rows">Rows in file order.</param>
public sealed record DecodedTable(IReadOnlyList<string> Columns, IReadOnlyList<string?[]> Rows)
{
    /// <summary>The values of one column, top to bottom.</summary>
    public IReadOnlyList<string?> Column(string name)
    {
        var index = Columns.ToList().IndexOf(name);
        Xunit.Assert.True(index >= 0, $"no column '{name}' among {string.Join(", ", Columns)}");
        return Rows.Select(r => r[index]).ToList();
    }
}

/// <summary>
/// Reads Parquet files with two readers that share no code with Touchstone.Parquet: DuckDB (in-process, through
/// DuckDB.NET) and Parquet.Net's low-level column reader. Both read every column of every row group.
/// </summary>
public static class IndependentParquet
{
    /// <summary>Every column of the file as DuckDB reads it (<c>SELECT *</c>, timestamps as epoch microseconds).</summary>
    public static DecodedTable ReadWithDuckDb(string path)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var file = "read_parquet('" + path.Replace("'", "''", StringComparison.Ordinal) + "')";
        var names = new List<string>();
        var types = new List<string>();
        using (var describe = connection.CreateCommand())
        {
            describe.CommandText = $"DESCRIBE SELECT * FROM {file}";
            using var reader = describe.ExecuteReader();
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
                types.Add(reader.GetString(1));
            }
        }
        var select = names.Select((n, i) => types[i].StartsWith("TIMESTAMP", StringComparison.Ordinal)
            ? $"epoch_us(\"{n}\")" : $"\"{n}\"");
        using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {string.Join(", ", select)} FROM {file}";
        using var rows = query.ExecuteReader();
        var result = new List<string?[]>();
        while (rows.Read())
        {
            var row = new string?[names.Count];
            for (var c = 0; c < names.Count; c++)
            {
                row[c] = rows.IsDBNull(c) ? null : Text(rows.GetValue(c));
            }
            result.Add(row);
        }
        return new DecodedTable(names, result);
    }

    /// <summary>Every column of every row group as Parquet.Net's low-level reader decodes it.</summary>
    public static DecodedTable ReadWithParquetNet(string path) => ReadWithParquetNetAsync(path).GetAwaiter().GetResult();

    private static async Task<DecodedTable> ReadWithParquetNetAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.GetDataFields();
        var rows = new List<string?[]>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = checked((int)group.RowCount);
            var columns = new List<string?[]>();
            foreach (var field in fields)
            {
                columns.Add(await ReadColumn(group, field, count));
            }
            for (var r = 0; r < count; r++)
            {
                rows.Add(columns.Select(c => c[r]).ToArray());
            }
        }
        return new DecodedTable(fields.Select(f => f.Name).ToList(), rows);
    }

    private static async Task<string?[]> ReadColumn(ParquetRowGroupReader group, DataField field, int count)
    {
        var type = field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var strings = new string?[count];
            await group.ReadAsync(field, strings.AsMemory());
            return strings;
        }
        if (type == typeof(bool))
        {
            return await ReadValues<bool>(group, field, count);
        }
        if (type == typeof(int))
        {
            return await ReadValues<int>(group, field, count);
        }
        if (type == typeof(long))
        {
            return await ReadValues<long>(group, field, count);
        }
        if (type == typeof(float))
        {
            return await ReadValues<float>(group, field, count);
        }
        if (type == typeof(double))
        {
            return await ReadValues<double>(group, field, count);
        }
        if (type == typeof(DateTime))
        {
            return await ReadValues<DateTime>(group, field, count);
        }
        throw new NotSupportedException($"column '{field.Name}' has CLR type {type}, which this test reader does not compare");
    }

    private static async Task<string?[]> ReadValues<T>(ParquetRowGroupReader group, DataField field, int count)
        where T : struct
    {
        if (!field.IsNullable)
        {
            var required = new T[count];
            await group.ReadAsync(field, required.AsMemory());
            return required.Select(v => (string?)Text(v)).ToArray();
        }
        var values = new T?[count];
        await group.ReadAsync(field, values.AsMemory());
        return values.Select(v => v is { } value ? Text(value) : null).ToArray();
    }

    /// <summary>The invariant text both readers' values are compared by.</summary>
    public static string Text(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => ((double)f).ToString("R", CultureInfo.InvariantCulture),
        DateTime t => EpochMicroseconds(t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t).ToString(CultureInfo.InvariantCulture),
        DateTimeOffset t => EpochMicroseconds(t.UtcDateTime).ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static long EpochMicroseconds(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) / 10;
}
