using Touchstone.Cli.Tests.Support;
using Touchstone.Testing;

namespace Touchstone.Cli.Tests.Commands;

/// <summary><c>touchstone query</c>, <c>compare</c> and <c>report</c> over real runs of the harness test suite.</summary>
public sealed class AnalysisCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public AnalysisCommandTests()
    {
        Assert.Equal(0, Tool.RunSuite(_dir.Path, "first", "--suite", "harness", "--profile", "smoke").Exit);
        Assert.Equal(0, Tool.RunSuite(_dir.Path, "second", "--suite", "harness", "--profile", "smoke", "training.lr=0.04").Exit);
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Query_runs_sql_over_every_run_in_the_glob()
    {
        var result = Tool.Run("query", "SELECT run_id, count(*) AS n FROM final_metrics GROUP BY run_id ORDER BY run_id",
            "--runs", _dir.Combine("*"), "--format", "csv");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Equal("run_id,n\nfirst,6\nsecond,6\n", result.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Bad_sql_exits_2_with_duckdbs_message_and_the_position()
    {
        var result = Tool.Run("query", "SELECT * FORM metrics", "--runs", _dir.Combine("*"));

        Assert.Equal(2, result.Exit);
        Assert.Contains("error: Parser Error: syntax error at or near \"metrics\"", result.Err, StringComparison.Ordinal);
        Assert.Contains("LINE 1: SELECT * FORM metrics", result.Err, StringComparison.Ordinal);
        Assert.Contains("^", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_shows_each_run_and_the_difference_and_marks_the_other_config()
    {
        var result = Tool.Run("compare", _dir.Combine("first"), _dir.Combine("second"), "--suites-dir", Tool.TestSuites, "--metric", "test/mse");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("first mean ± 95% CI (n)", result.Out, StringComparison.Ordinal);
        Assert.Contains("Δ vs first [95% CI]", result.Out, StringComparison.Ordinal);
        Assert.Contains("test/mse *", result.Out, StringComparison.Ordinal);
        Assert.Contains("paired", result.Out, StringComparison.Ordinal);
        Assert.Contains("not comparable: config hash", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_as_json_carries_the_typed_numbers()
    {
        var result = Tool.Run("compare", _dir.Combine("first"), _dir.Combine("second"), "--suites-dir", Tool.TestSuites, "--format", "json");

        using var doc = System.Text.Json.JsonDocument.Parse(result.Out);
        var suite = doc.RootElement.GetProperty("suites")[0];
        Assert.Equal("harness", suite.GetProperty("suite").GetString());
        Assert.Equal(0.95, doc.RootElement.GetProperty("level").GetDouble());
        var side = suite.GetProperty("rows")[0].GetProperty("sides")[1];
        Assert.Equal("paired", side.GetProperty("difference").GetProperty("method").GetString());
    }

    [Fact]
    public void Compare_needs_no_suite_declarations_unless_a_suites_folder_is_named()
    {
        // The tests run where there is no ./suites folder: the default then means "no declarations".
        Assert.False(Directory.Exists("suites"));
        var withoutDeclarations = Tool.Run("compare", _dir.Combine("first"), _dir.Combine("second"), "--metric", "test/mse");
        var namedButMissing = Tool.Run("compare", _dir.Combine("first"), "--suites-dir", _dir.Combine("no-suites"));

        Assert.True(withoutDeclarations.Exit == 0, withoutDeclarations.ToString());
        Assert.Contains("test/mse", withoutDeclarations.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("test/mse *", withoutDeclarations.Out, StringComparison.Ordinal);
        Assert.Equal(2, namedButMissing.Exit);
        Assert.Contains("no-suites", namedButMissing.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_of_a_folder_that_is_not_a_run_exits_2()
    {
        var result = Tool.Run("compare", _dir.Combine("first"), _dir.Combine("nowhere"));

        Assert.Equal(2, result.Exit);
        Assert.Contains("nowhere", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_writes_one_html_file_with_every_suite()
    {
        var path = _dir.Combine("out", "report.html");
        var result = Tool.Run("report", "--run", _dir.Combine("second"), "--compare", _dir.Combine("first"), "--out", path,
            "--suites-dir", Tool.TestSuites, "--baselines", _dir.Combine("no-baselines"));

        Assert.True(result.Exit == 0, result.ToString());
        var html = File.ReadAllText(path);
        Assert.Contains("data-suite=\"harness\"", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Compared with first</h3>", html, StringComparison.Ordinal);
        Assert.Contains("no gate: no baseline for suite &#39;harness&#39;", html, StringComparison.Ordinal);
    }
}
