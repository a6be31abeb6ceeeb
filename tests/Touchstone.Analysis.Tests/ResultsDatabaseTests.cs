using Touchstone.Analysis.Sql;
using Touchstone.Analysis.Tests.Support;
using Touchstone.Gate.Baselines;
using Touchstone.Testing;

namespace Touchstone.Analysis.Tests;

public sealed class ResultsDatabaseTests : IDisposable
{
    private readonly TempDirectory _dir = new("touchstone-query");
    private readonly string _a;
    private readonly string _b;

    public ResultsDatabaseTests()
    {
        _a = new RunWriter("run-a")
            .Seeds("v", "test", "mse", [0, 1], [1.0, 2.0])
            .Curve("v", 0, "train", "loss", 3, 2, 1)
            .Curve("v", 1, "train", "loss", 4, 3)
            .WriteTo(_dir.Combine("runs", "run-a"));
        _b = new RunWriter("run-b")
            .Cell("v", 0, Core.Results.CellStatus.Failed, "boom")
            .Seeds("v", "test", "mse", [1], [5.0])
            .WriteTo(_dir.Combine("runs", "run-b"));
        new BaselineStore(_dir.Combine("baselines")).Write(new Baseline("toy", "smoke", "run-a", DateTime.UnixEpoch, null,
            [new BaselineRow("toy", "smoke", "v", "test", "mse", 0, 1.0, "c", "d", "f", "cpu", "1.13.1", "run-a")]));
    }

    public void Dispose() => _dir.Dispose();

    private ResultsDatabase Open() => ResultsDatabase.Open([_a, _b], _dir.Combine("baselines"));

    private static IEnumerable<string> Column(QueryTable table, int index = 0) => table.Rows.Select(r => Convert.ToString(r[index], System.Globalization.CultureInfo.InvariantCulture)!);

    [Fact]
    public void Metrics_view_unions_every_runs_final_metrics_with_the_run_id()
    {
        using var db = Open();
        var result = db.Query("SELECT run_id, count(*) FROM metrics GROUP BY run_id ORDER BY run_id");
        Assert.Equal(["run-a", "run-b"], Column(result));
        Assert.Equal(["2", "1"], Column(result, 1));
    }

    [Fact]
    public void A_list_aggregate_comes_back_as_its_values_not_a_type_name()
    {
        using var db = Open();
        var result = db.Query("SELECT list(value ORDER BY step) AS losses, {'n': count(*)} AS s FROM curves WHERE run_id = 'run-a' AND seed = 0");

        Assert.Equal("[3, 2, 1]", Formatting.QueryTableWriter.Text(result.Rows[0][0]));
        Assert.Equal("{n: 3}", Formatting.QueryTableWriter.Text(result.Rows[0][1]));
    }

    [Fact]
    public void Curves_view_holds_every_curve_point()
    {
        using var db = Open();
        var result = db.Query("SELECT run_id, seed, count(*), max(step) FROM curves GROUP BY ALL ORDER BY ALL");
        Assert.Equal(["run-a", "run-a"], Column(result));
        Assert.Equal(["3", "2"], Column(result, 2));
        Assert.Equal(["30", "20"], Column(result, 3));
    }

    [Fact]
    public void Cells_view_holds_every_cell_with_its_status_and_error()
    {
        using var db = Open();
        var result = db.Query("SELECT run_id, seed, status, error FROM cells ORDER BY run_id, seed");
        Assert.Equal(["run-a", "run-a", "run-b", "run-b"], Column(result));
        Assert.Equal(["ok", "ok", "failed", "ok"], Column(result, 2));
        Assert.Equal("boom", result.Rows[2][3]);
        Assert.Null(result.Rows[0][3]);
    }

    [Fact]
    public void Baselines_view_reads_every_committed_baseline()
    {
        using var db = Open();
        var result = db.Query("SELECT suite, profile, variant, seed, value FROM baselines");
        Assert.Equal(["toy", "smoke", "v", "0", "1"], result.Rows.Single().Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Runs_table_has_one_row_per_run_from_its_manifest()
    {
        using var db = Open();
        var result = db.Query("SELECT run_id, profile, cells_planned FROM runs ORDER BY run_id");
        Assert.Equal(["run-a", "run-b"], Column(result));
        Assert.Equal(["2", "2"], Column(result, 2));
    }

    [Fact]
    public void Final_metrics_keeps_the_value_at_the_highest_step_and_the_last_written_among_equal_steps()
    {
        var folder = new RunWriter("run-c")
            .Cell("v", 0)
            .Value("v", 0, "test", "mse", 9.0, step: 50)
            .Value("v", 0, "test", "mse", 1.0, step: 100)
            .Value("v", 0, "test", "mse", 2.0, step: 100)
            .Value("v", 0, "test", "mse", 7.0, step: 60)
            .WriteTo(_dir.Combine("runs", "run-c"));
        using var db = ResultsDatabase.Open([folder]);
        var result = db.Query("SELECT value, step FROM final_metrics");
        Assert.Equal([2.0, 100L], result.Rows.Single());
    }

    [Fact]
    public void Bad_sql_gives_duckdbs_message_with_the_line_and_position()
    {
        using var db = Open();
        var e = Assert.Throws<QueryException>(() => db.Query("SELECT * FORM metrics"));
        Assert.Contains("syntax error", e.Message, StringComparison.Ordinal);
        Assert.Contains("LINE 1: SELECT * FORM metrics", e.Message, StringComparison.Ordinal);
        // The caret sits under the offending token.
        var lines = e.Message.Split('\n');
        var sqlLine = lines.Single(l => l.StartsWith("LINE 1:", StringComparison.Ordinal));
        var caret = lines[Array.IndexOf(lines, sqlLine) + 1];
        Assert.Equal(sqlLine.IndexOf("metrics", StringComparison.Ordinal), caret.IndexOf('^'));
    }

    [Fact]
    public void An_unknown_column_names_the_column()
    {
        using var db = Open();
        var e = Assert.Throws<QueryException>(() => db.Query("SELECT valu FROM metrics"));
        Assert.Contains("valu", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_that_is_not_a_run_is_named()
    {
        var empty = Directory.CreateDirectory(_dir.Combine("not-a-run")).FullName;
        var e = Assert.Throws<QueryException>(() => ResultsDatabase.Open([empty]));
        Assert.Contains("not-a-run", e.Message, StringComparison.Ordinal);
        Assert.Contains("manifest.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_folders_with_the_same_run_id_are_refused()
    {
        var copy = new RunWriter("run-a").Seeds("v", "test", "mse", [0], [1.0]).WriteTo(_dir.Combine("copy"));
        var e = Assert.Throws<QueryException>(() => ResultsDatabase.Open([_a, copy]));
        Assert.Contains("run-a", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Views_over_no_run_still_have_the_tables_columns()
    {
        using var db = ResultsDatabase.Open([]);
        Assert.Empty(db.Query("SELECT run_id, value, step FROM metrics").Rows);
        Assert.Empty(db.Query("SELECT status, error FROM cells").Rows);
        Assert.Empty(db.Query("SELECT value FROM baselines").Rows);
    }

    [Fact]
    public void A_glob_selects_the_run_folders_it_matches()
    {
        Directory.CreateDirectory(_dir.Combine("runs", "not-a-run"));
        Assert.Equal([_a, _b], RunSelection.Glob(_dir.Combine("runs", "run-*")));
        Assert.Equal([_a, _b], RunSelection.Glob(_dir.Combine("runs", "*")));
        Assert.Empty(RunSelection.Glob(_dir.Combine("missing", "*")));
        Assert.Throws<QueryException>(() => RunSelection.Glob(_dir.Combine("*", "run-a")));
    }
}
