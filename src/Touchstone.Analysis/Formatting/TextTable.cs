namespace Touchstone.Analysis.Formatting;

/// <summary>How a table is printed.</summary>
public enum TableFormat
{
    /// <summary>Aligned columns for a terminal.</summary>
    Table,

    /// <summary>A GitHub-flavoured Markdown table.</summary>
    Markdown,

    /// <summary>RFC 4180 CSV with a header row.</summary>
    Csv,

    /// <summary>JSON (an array of objects for a query; the typed comparison for compare).</summary>
    Json,
}

/// <summary>A table of already formatted cells, with a title and notes printed under it.</summary>
/// <param name="Title">Printed above the table (not in CSV).</param>
/// <param name="Headers">Column headers.</param>
/// <param name="Rows">Rows of cells, one per header.</param>
/// <param name="Notes">Printed under the table (not in CSV).</param>
public sealed record TextTable(string? Title, IReadOnlyList<string> Headers, IReadOnlyList<string[]> Rows, IReadOnlyList<string> Notes);

/// <summary>Writes <see cref="TextTable"/>s as aligned text, Markdown or CSV.</summary>
public static class TextTableWriter
{
    /// <summary>Writes <paramref name="table"/> in <paramref name="format"/> (JSON is not a text-table format).</summary>
    public static void Write(TextWriter writer, TextTable table, TableFormat format)
    {
        switch (format)
        {
            case TableFormat.Table:
                WriteAligned(writer, table);
                break;
            case TableFormat.Markdown:
                WriteMarkdown(writer, table);
                break;
            case TableFormat.Csv:
                WriteCsv(writer, table);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "JSON is written from the typed result");
        }
    }

    private static void WriteAligned(TextWriter writer, TextTable table)
    {
        if (table.Title is { } title)
        {
            writer.WriteLine(title);
        }
        var widths = table.Headers.Select((h, i) => table.Rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        writer.WriteLine(Line(table.Headers, widths));
        writer.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in table.Rows)
        {
            writer.WriteLine(Line(row, widths));
        }
        WriteNotes(writer, table, "  ");
    }

    private static string Line(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();

    private static void WriteMarkdown(TextWriter writer, TextTable table)
    {
        if (table.Title is { } title)
        {
            writer.WriteLine($"### {title}");
            writer.WriteLine();
        }
        writer.WriteLine("| " + string.Join(" | ", table.Headers.Select(Escape)) + " |");
        writer.WriteLine("|" + string.Concat(table.Headers.Select(_ => "---|")));
        foreach (var row in table.Rows)
        {
            writer.WriteLine("| " + string.Join(" | ", row.Select(Escape)) + " |");
        }
        if (table.Notes.Count > 0)
        {
            writer.WriteLine();
        }
        foreach (var note in table.Notes)
        {
            // A note starting with * would read as a nested list item.
            writer.WriteLine("- " + (note.StartsWith('*') ? "\\" + note : note));
        }
        writer.WriteLine();
    }

    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static void WriteCsv(TextWriter writer, TextTable table)
    {
        writer.WriteLine(string.Join(",", table.Headers.Select(Csv)));
        foreach (var row in table.Rows)
        {
            writer.WriteLine(string.Join(",", row.Select(Csv)));
        }
    }

    /// <summary>A CSV field: quoted when it holds a comma, quote or line break.</summary>
    public static string Csv(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static void WriteNotes(TextWriter writer, TextTable table, string bullet)
    {
        foreach (var note in table.Notes)
        {
            writer.WriteLine(bullet + note);
        }
    }
}
