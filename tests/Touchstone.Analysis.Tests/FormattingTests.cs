using Touchstone.Analysis.Compare;
using Touchstone.Analysis.Formatting;
using Touchstone.Analysis.Sql;
using Touchstone.Gate.Verdicts;

namespace Touchstone.Analysis.Tests;

public class FormattingTests
{
    private static readonly QueryTable Table = new(
        [new QueryColumn("name", typeof(string)), new QueryColumn("value", typeof(double)), new QueryColumn("n", typeof(long))],
        [["a,b", 0.5, 3L], ["say \"hi\"", double.NaN, null], ["x|y", 1e-7, 1L]]);

    private static string Write(QueryTable table, TableFormat format)
    {
        var writer = new StringWriter();
        QueryTableWriter.Write(writer, table, format);
        return writer.ToString().ReplaceLineEndings("\n");
    }

    [Fact]
    public void Csv_quotes_fields_with_commas_and_quotes()
    {
        Assert.Equal("name,value,n\n\"a,b\",0.5,3\n\"say \"\"hi\"\"\",NaN,\nx|y,1E-07,1\n", Write(Table, TableFormat.Csv));
    }

    [Fact]
    public void Json_is_an_array_of_objects_with_numbers_as_numbers_and_nan_as_text()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(Write(Table, TableFormat.Json));
        var rows = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(0.5, rows[0].GetProperty("value").GetDouble());
        Assert.Equal(3, rows[0].GetProperty("n").GetInt64());
        Assert.Equal("NaN", rows[1].GetProperty("value").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, rows[1].GetProperty("n").ValueKind);
    }

    [Fact]
    public void Markdown_escapes_pipes_and_counts_rows()
    {
        var text = Write(Table, TableFormat.Markdown);
        Assert.Contains("| name | value | n |", text, StringComparison.Ordinal);
        Assert.Contains("| x\\|y | 1E-07 | 1 |", text, StringComparison.Ordinal);
        Assert.Contains("(3 rows)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_and_structs_are_written_in_duckdbs_notation_and_as_json_arrays_and_objects()
    {
        var nested = new QueryTable(
            [new QueryColumn("xs", typeof(List<double?>)), new QueryColumn("s", typeof(Dictionary<string, object?>))],
            [[new List<double?> { 1.5, null, 0.25 }, new Dictionary<string, object?> { ["a"] = 1L, ["b"] = "x" }]]);

        Assert.Equal("xs,s\n\"[1.5, NULL, 0.25]\",\"{a: 1, b: x}\"\n", Write(nested, TableFormat.Csv));
        using var doc = System.Text.Json.JsonDocument.Parse(Write(nested, TableFormat.Json));
        var row = doc.RootElement[0];
        Assert.Equal([1.5, 0.25], row.GetProperty("xs").EnumerateArray().Where(v => v.ValueKind != System.Text.Json.JsonValueKind.Null).Select(v => v.GetDouble()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, row.GetProperty("xs")[1].ValueKind);
        Assert.Equal(1, row.GetProperty("s").GetProperty("a").GetInt64());
    }

    [Fact]
    public void Comparison_table_marks_gated_metrics_and_incomparable_runs_and_lists_why()
    {
        var suite = new SuiteComparison("toy", [new ComparedRun("a", "smoke"), new ComparedRun("b", "nightly")],
        [
            new ComparisonRow("v", "test", "mse", true,
            [
                new ComparedValues(new SeedMean(3, 2, 1, 3, 0), null, []),
                new ComparedValues(new SeedMean(3, 2.5, 1.5, 3.5, 0), new MeanDifference(TestMethod.Paired, 0.5, -0.25, 1.25, 2, 0.25),
                    [ComparisonNotes.Incomparable + "profile smoke (first) vs nightly"]),
            ]),
        ]);

        var table = ComparisonWriter.Table(suite, 0.95);

        Assert.Equal(["variant", "metric", "a mean ± 95% CI (n)", "b mean ± 95% CI (n)", "Δ vs a [95% CI]"], table.Headers);
        Assert.Equal(["v", "test/mse *", "2 ± 1 (3)", "2.5 ± 1 (3) !", "+0.5 [-0.25, +1.25] +25.0% paired"], table.Rows.Single());
        Assert.Contains("b v test/mse: not comparable: profile smoke (first) vs nightly", table.Notes);
        var markdown = new StringWriter();
        ComparisonWriter.Write(markdown, new ComparisonResult(0.95, [suite]), TableFormat.Markdown);
        Assert.Contains("- \\* gated metric", markdown.ToString(), StringComparison.Ordinal);
    }
}
