using Microsoft.Data.Analysis;
using Touchstone.Analysis.Sql;

namespace Touchstone.Analysis.Notebook;

/// <summary>
/// A run's tables as Microsoft.Data.Analysis DataFrames, for Polyglot notebooks and scripts:
/// <code>
/// using var run = RunResults.Open("results/runs/smoke-20260105-120000");
/// run.Metrics.Filter(run.Metrics["metric"].ElementwiseEquals("mse"));
/// run.Query("SELECT variant, avg(value) FROM final_metrics WHERE metric = 'mse' GROUP BY ALL");
/// </code>
/// <see cref="Query"/> sees the views of <c>touchstone query</c> over the opened runs.
/// </summary>
public sealed class RunResults : IDisposable
{
    private readonly ResultsDatabase _database;
    private readonly Lazy<DataFrame> _metrics;
    private readonly Lazy<DataFrame> _curves;
    private readonly Lazy<DataFrame> _cells;

    private RunResults(ResultsDatabase database)
    {
        _database = database;
        _metrics = new(() => Query("SELECT * FROM metrics"));
        _curves = new(() => Query("SELECT * FROM curves"));
        _cells = new(() => Query("SELECT * FROM cells"));
    }

    /// <summary>Opens one run folder.</summary>
    /// <exception cref="QueryException">The folder is not a run.</exception>
    public static RunResults Open(string runFolder) => Open([runFolder]);

    /// <summary>Opens several run folders (their tables are unioned; <c>run_id</c> tells them apart), and optionally the baselines.</summary>
    /// <exception cref="QueryException">A folder is not a run, or two hold the same run id.</exception>
    public static RunResults Open(IEnumerable<string> runFolders, string? baselinesFolder = null) =>
        new(ResultsDatabase.Open(runFolders, baselinesFolder));

    /// <summary>Final metrics (metrics.parquet): run_id, suite, variant, seed, profile, split, metric, value, step.</summary>
    public DataFrame Metrics => _metrics.Value;

    /// <summary>Curves (curves.parquet), same columns as <see cref="Metrics"/>.</summary>
    public DataFrame Curves => _curves.Value;

    /// <summary>One row per cell (cells.parquet): status, error, timing, hashes, device, git sha.</summary>
    public DataFrame Cells => _cells.Value;

    /// <summary>Runs DuckDB SQL over the views and returns the result as a DataFrame.</summary>
    /// <exception cref="QueryException">DuckDB rejected the SQL (the message shows the position).</exception>
    public DataFrame Query(string sql) => ToDataFrame(_database.Query(sql));

    /// <inheritdoc />
    public void Dispose() => _database.Dispose();

    /// <summary>
    /// A query result as a DataFrame: strings, doubles, 32- and 64-bit integers, booleans and times keep their type;
    /// any other type becomes text.
    /// </summary>
    public static DataFrame ToDataFrame(QueryTable table) =>
        new(table.Columns.Select((column, i) => Column(column, table.Rows.Select(r => r[i]))));

    private static DataFrameColumn Column(QueryColumn column, IEnumerable<object?> values) => column.Type switch
    {
        var t when t == typeof(string) => new StringDataFrameColumn(column.Name, values.Select(v => (string?)v)),
        var t when t == typeof(double) => new DoubleDataFrameColumn(column.Name, values.Select(v => (double?)v)),
        var t when t == typeof(float) => new SingleDataFrameColumn(column.Name, values.Select(v => (float?)v)),
        var t when t == typeof(int) => new Int32DataFrameColumn(column.Name, values.Select(v => (int?)v)),
        var t when t == typeof(long) => new Int64DataFrameColumn(column.Name, values.Select(v => (long?)v)),
        var t when t == typeof(bool) => new BooleanDataFrameColumn(column.Name, values.Select(v => (bool?)v)),
        var t when t == typeof(DateTime) => new DateTimeDataFrameColumn(column.Name, values.Select(v => (DateTime?)v)),
        _ => new StringDataFrameColumn(column.Name, values.Select(v => v is null ? null : Formatting.QueryTableWriter.Text(v))),
    };
}
