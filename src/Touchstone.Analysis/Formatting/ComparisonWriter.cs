using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Touchstone.Analysis.Compare;

namespace Touchstone.Analysis.Formatting;

/// <summary>
/// Prints a <see cref="ComparisonResult"/>: one table per suite, rows variant × split/metric, for each side
/// <c>mean ± half-width (n)</c>, then its difference to the first side with the interval, the relative change and
/// how it was tested. Gated metrics carry <c>*</c>; a side that is not comparable with the first carries <c>!</c> and
/// the reason is listed under the table.
/// </summary>
public static class ComparisonWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Writes <paramref name="result"/> in <paramref name="format"/>.</summary>
    public static void Write(TextWriter writer, ComparisonResult result, TableFormat format)
    {
        if (format == TableFormat.Json)
        {
            writer.WriteLine(JsonSerializer.Serialize(result, Json));
            return;
        }
        if (result.Suites.Count == 0)
        {
            writer.WriteLine("no suite to compare (check --suite and the runs' suites)");
        }
        foreach (var suite in result.Suites)
        {
            TextTableWriter.Write(writer, Table(suite, result.Level, csv: format == TableFormat.Csv), format);
            if (format == TableFormat.Table)
            {
                writer.WriteLine();
            }
        }
    }

    /// <summary>The table of one suite.</summary>
    public static TextTable Table(SuiteComparison suite, double level, bool csv = false)
    {
        var percent = (level * 100).ToString("0.#", CultureInfo.InvariantCulture);
        var headers = new List<string> { "variant", "metric" };
        for (var i = 0; i < suite.Runs.Count; i++)
        {
            headers.Add($"{suite.Runs[i].Label} mean ± {percent}% CI (n)");
            if (i > 0)
            {
                headers.Add($"Δ vs {suite.Runs[0].Label} [{percent}% CI]");
            }
        }
        if (csv)
        {
            headers.Insert(0, "suite");
        }
        var notes = new List<string>();
        var rows = suite.Rows.Select(row =>
        {
            var cells = new List<string> { row.Variant, row.MetricKey + (row.Gated ? " *" : "") };
            for (var i = 0; i < row.Sides.Count; i++)
            {
                var side = row.Sides[i];
                cells.Add(Mean(side.Values) + (side.Marked ? " !" : ""));
                if (i > 0)
                {
                    cells.Add(side.Difference is { } d ? Difference(d) : "–");
                }
                notes.AddRange(side.Notes.Select(n => $"{suite.Runs[i].Label} {row.Variant} {row.MetricKey}: {n}"));
            }
            if (csv)
            {
                cells.Insert(0, suite.Suite);
            }
            return cells.ToArray();
        }).ToList();
        if (suite.Rows.Any(r => r.Gated))
        {
            notes.Insert(0, "* gated metric (the suite declares it primary)");
        }
        return new TextTable($"{suite.Suite}", headers, rows, notes.Distinct().ToList());
    }

    /// <summary><c>0.1234 ± 0.005 (3)</c>; without an interval <c>0.1234 (1)</c>.</summary>
    public static string Mean(SeedMean m) =>
        m.N == 0 ? $"– (0{(m.NonFinite > 0 ? $", {m.NonFinite} non-finite" : "")})"
        : double.IsNaN(m.Low) ? $"{Number(m.Mean)} ({m.N})"
        : $"{Number(m.Mean)} ± {Number((m.High - m.Low) / 2)} ({m.N})";

    /// <summary><c>+0.012 [-0.003, +0.027] +4.1% paired</c>.</summary>
    public static string Difference(MeanDifference d) =>
        $"{Signed(d.Difference)} [{Signed(d.Low)}, {Signed(d.High)}]"
        + (d.Relative is { } r ? $" {Signed(100 * r, "0.0")}%" : "")
        + $" {d.Method.ToString().ToLowerInvariant()}";

    private static string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    private static string Signed(double value, string? format = null)
    {
        var text = value.ToString(format ?? "G4", CultureInfo.InvariantCulture);
        return value > 0 ? "+" + text : text;
    }
}
