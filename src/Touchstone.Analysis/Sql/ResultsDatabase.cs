using System.Data.Common;
using DuckDB.NET.Data;

namespace Touchstone.Analysis.Sql;

/// <summary>
/// An in-process DuckDB database whose views span the tables of many runs and the committed baselines:
/// <list type="bullet">
/// <item><c>metrics</c>, <c>curves</c>, <c>cells</c>: the union of each run's metrics.parquet, curves.parquet and
/// cells.parquet (columns as in the files; <c>run_id</c> names the run).</item>
/// <item><c>final_metrics</c>: one row per run, suite, variant, seed, split and metric: the value at the highest
/// step, the last written among equals (what the gate calls a cell's final value).</item>
/// <item><c>baselines</c>: every <c>&lt;suite&gt;/&lt;profile&gt;.parquet</c> under the baselines folder.</item>
/// <item><c>runs</c>: one row per run folder from its manifest (run_id, folder, profile, created_at, device,
/// git_commit, fingerprint, cells_planned).</item>
/// </list>
/// </summary>
public sealed class ResultsDatabase : IDisposable
{
    private readonly DuckDBConnection _connection;

    private ResultsDatabase(DuckDBConnection connection, IReadOnlyList<RunFolderInfo> runs)
    {
        _connection = connection;
        Runs = runs;
    }

    /// <summary>The runs the views span, in the order given.</summary>
    public IReadOnlyList<RunFolderInfo> Runs { get; }

    /// <summary>Opens a database over <paramref name="runFolders"/> and, when given, a baselines folder.</summary>
    /// <exception cref="QueryException">A folder is not a run, or two folders hold the same run id.</exception>
    public static ResultsDatabase Open(IEnumerable<string> runFolders, string? baselinesFolder = null)
    {
        var runs = runFolders.Select(RunFolderInfo.Read).ToList();
        var duplicate = runs.GroupBy(r => r.RunId).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new QueryException(
                $"run id '{duplicate.Key}' is held by several folders ({string.Join(", ", duplicate.Select(r => r.Folder))}); pass only one of them");
        }
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var database = new ResultsDatabase(connection, runs);
        try
        {
            database.CreateViews(baselinesFolder);
        }
        catch
        {
            database.Dispose();
            throw;
        }
        return database;
    }

    /// <summary>Runs one SQL statement and reads its whole result.</summary>
    /// <exception cref="QueryException">DuckDB rejected the SQL; the message is DuckDB's, with the position.</exception>
    public QueryTable Query(string sql, params object?[] parameters)
    {
        try
        {
            using var command = Command(sql, parameters);
            using var reader = command.ExecuteReader();
            var columns = Enumerable.Range(0, reader.FieldCount)
                .Select(i => new QueryColumn(reader.GetName(i), reader.GetFieldType(i)))
                .ToList();
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[columns.Count];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }
                rows.Add(row);
            }
            return new QueryTable(columns, rows);
        }
        catch (DuckDBException e)
        {
            throw new QueryException(e.Message, e);
        }
    }

    /// <summary>Runs a statement and hands its reader to <paramref name="read"/> (for typed, streaming reads).</summary>
    /// <exception cref="QueryException">DuckDB rejected the SQL.</exception>
    public T Read<T>(string sql, Func<DbDataReader, T> read, params object?[] parameters)
    {
        try
        {
            using var command = Command(sql, parameters);
            using var reader = command.ExecuteReader();
            return read(reader);
        }
        catch (DuckDBException e)
        {
            throw new QueryException(e.Message, e);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private DuckDBCommand Command(string sql, object?[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new DuckDBParameter { Value = parameter ?? DBNull.Value });
        }
        return command;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private void CreateViews(string? baselinesFolder)
    {
        Execute($"CREATE VIEW metrics AS {Union(r => r.Layout.Metrics, ValueColumns)}");
        Execute($"CREATE VIEW curves AS {Union(r => r.Layout.Curves, ValueColumns)}");
        Execute($"CREATE VIEW cells AS {Union(r => r.Layout.Cells, CellColumns)}");
        // The final value of each series, as the gate picks it (RunTables writes cells in manifest order and each
        // cell's rows in logging order, so the file's row number orders equal steps).
        Execute($"""
            CREATE VIEW final_metrics AS
            SELECT run_id, suite, variant, seed, profile, split, metric, value, step
            FROM ({Union(r => r.Layout.Metrics, ValueColumns, rowNumbers: true)})
            QUALIFY row_number() OVER (
                PARTITION BY run_id, suite, variant, seed, split, metric ORDER BY step DESC, file_row_number DESC) = 1
            """);
        var baselineFiles = baselinesFolder is not null && Directory.Exists(baselinesFolder)
            ? Directory.EnumerateFiles(baselinesFolder, "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];
        Execute($"CREATE VIEW baselines AS {ReadParquet(baselineFiles, BaselineColumns, rowNumbers: false)}");
        CreateRunsTable();
    }

    private void CreateRunsTable()
    {
        Execute("""
            CREATE TABLE runs (run_id VARCHAR, folder VARCHAR, profile VARCHAR, created_at TIMESTAMP, device VARCHAR,
                               git_commit VARCHAR, fingerprint VARCHAR, cells_planned INTEGER)
            """);
        foreach (var run in Runs)
        {
            var m = run.Manifest;
            using var command = Command("INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [m.RunId, run.Folder, m.Profile, m.CreatedAt, m.Device, m.Fingerprint.GitCommit, m.FingerprintHash, m.Cells.Count]);
            command.ExecuteNonQuery();
        }
    }

    private string Union(Func<RunFolderInfo, string> file, string emptyColumns, bool rowNumbers = false) =>
        ReadParquet(Runs.Select(file).Where(File.Exists).ToList(), emptyColumns, rowNumbers);

    // A view over no file still has the tables' columns, so queries fail only on their own mistakes.
    private static string ReadParquet(IReadOnlyList<string> files, string emptyColumns, bool rowNumbers)
    {
        if (files.Count == 0)
        {
            return $"SELECT {emptyColumns}{(rowNumbers ? ", NULL::BIGINT AS file_row_number" : "")} WHERE false";
        }
        var list = string.Join(", ", files.Select(Literal));
        return $"SELECT * FROM read_parquet([{list}], union_by_name = true{(rowNumbers ? ", file_row_number = true" : "")})";
    }

    /// <summary>A SQL string literal.</summary>
    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private const string ValueColumns =
        "NULL::VARCHAR AS run_id, NULL::VARCHAR AS suite, NULL::VARCHAR AS variant, NULL::INTEGER AS seed, "
        + "NULL::VARCHAR AS profile, NULL::VARCHAR AS split, NULL::VARCHAR AS metric, NULL::DOUBLE AS value, NULL::BIGINT AS step";

    private const string CellColumns =
        "NULL::VARCHAR AS run_id, NULL::VARCHAR AS suite, NULL::VARCHAR AS variant, NULL::INTEGER AS seed, "
        + "NULL::VARCHAR AS profile, NULL::VARCHAR AS status, NULL::VARCHAR AS error, NULL::TIMESTAMP AS started_at, "
        + "NULL::DOUBLE AS duration_s, NULL::VARCHAR AS config_hash, NULL::VARCHAR AS data_hash, "
        + "NULL::VARCHAR AS fingerprint, NULL::VARCHAR AS device, NULL::VARCHAR AS git_sha";

    private const string BaselineColumns =
        "NULL::VARCHAR AS suite, NULL::VARCHAR AS profile, NULL::VARCHAR AS variant, NULL::VARCHAR AS split, "
        + "NULL::VARCHAR AS metric, NULL::INTEGER AS seed, NULL::DOUBLE AS value, NULL::VARCHAR AS config_hash, "
        + "NULL::VARCHAR AS data_hash, NULL::VARCHAR AS fingerprint, NULL::VARCHAR AS device_kind, "
        + "NULL::VARCHAR AS libtorch_version, NULL::VARCHAR AS run_id";
}
