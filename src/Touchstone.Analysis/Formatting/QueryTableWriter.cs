using System.Collections;
using System.Globalization;
using System.Text.Json;
using Touchstone.Analysis.Sql;

namespace Touchstone.Analysis.Formatting;

/// <summary>Prints a query result: as a text table, Markdown, CSV, or JSON (an array of objects keyed by column).</summary>
public static class QueryTableWriter
{
    /// <summary>Writes <paramref name="result"/> in <paramref name="format"/>.</summary>
    public static void Write(TextWriter writer, QueryTable result, TableFormat format)
    {
        if (format == TableFormat.Json)
        {
            WriteJson(writer, result);
            return;
        }
        var table = new TextTable(
            null,
            result.Columns.Select(c => c.Name).ToList(),
            result.Rows.Select(r => r.Select(Text).ToArray()).ToList(),
            format == TableFormat.Csv ? [] : [$"({result.Rows.Count} row{(result.Rows.Count == 1 ? "" : "s")})"]);
        TextTableWriter.Write(writer, table, format);
    }

    /// <summary>
    /// A value as text: invariant culture, shortest round-trip form for numbers, ISO 8601 for times, and DuckDB's own
    /// notation for nested values — a LIST as [a, b], a STRUCT or MAP as {key: value} (NULL inside one as NULL).
    /// </summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IDictionary d => "{" + string.Join(", ", Entries(d).Select(e => $"{Nested(e.Key)}: {Nested(e.Value)}")) + "}",
        IEnumerable e => "[" + string.Join(", ", e.Cast<object?>().Select(Nested)) + "]",
        _ => value.ToString() ?? "",
    };

    private static string Nested(object? value) => value is null ? "NULL" : Text(value);

    // IDictionary's own enumerator: a generic dictionary enumerates KeyValuePairs through IEnumerable.
    private static IEnumerable<DictionaryEntry> Entries(IDictionary dictionary)
    {
        var entries = dictionary.GetEnumerator();
        while (entries.MoveNext())
        {
            yield return entries.Entry;
        }
    }

    private static void WriteJson(TextWriter writer, QueryTable result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var row in result.Rows)
            {
                json.WriteStartObject();
                for (var i = 0; i < row.Length; i++)
                {
                    json.WritePropertyName(result.Columns[i].Name);
                    WriteValue(json, row[i]);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        writer.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    // JSON has no NaN or infinity: those are written as strings, as pandas and DuckDB do.
    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case double d when double.IsFinite(d):
                json.WriteNumberValue(d);
                break;
            case float f when float.IsFinite(f):
                json.WriteNumberValue(f);
                break;
            case int or long or short or byte or uint or ulong or ushort or sbyte or decimal:
                json.WriteRawValue(Text(value));
                break;
            case IDictionary d:
                json.WriteStartObject();
                foreach (var entry in Entries(d))
                {
                    json.WritePropertyName(Text(entry.Key));
                    WriteValue(json, entry.Value);
                }
                json.WriteEndObject();
                break;
            case IEnumerable e and not string:
                json.WriteStartArray();
                foreach (var item in e)
                {
                    WriteValue(json, item);
                }
                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(Text(value));
                break;
        }
    }
}
