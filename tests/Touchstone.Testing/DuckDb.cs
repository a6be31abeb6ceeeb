using System.Diagnostics;
using System.Text.Json;

namespace Touchstone.Testing;

/// <summary>The result of one DuckDB query: column names, DuckDB type names and rows as JSON values.</summary>
public sealed record DuckDbResult(IReadOnlyList<string> Columns, IReadOnlyList<string> Types, IReadOnlyList<JsonElement[]> Rows);

/// <summary>
/// Runs SQL in DuckDB (through Node and @duckdb/node-api, installed by ci/install-deps.sh into .tools/duckdb)
/// as an independent reader and writer of Parquet files.
/// </summary>
public static class DuckDb
{
    /// <summary>The folder that holds node_modules/@duckdb/node-api.</summary>
    public static string ToolsFolder =>
        Environment.GetEnvironmentVariable("TOUCHSTONE_DUCKDB_DIR") ?? RepoPaths.Combine(".tools", "duckdb");

    /// <summary>Runs <paramref name="sql"/> and returns the result of its last statement.</summary>
    public static DuckDbResult Query(string sql)
    {
        var script = RepoPaths.Combine("tests", "tools", "duckdb-query.mjs");
        var modules = System.IO.Path.Combine(ToolsFolder, "node_modules");
        if (!Directory.Exists(System.IO.Path.Combine(modules, "@duckdb", "node-api")))
        {
            throw new InvalidOperationException(
                $"DuckDB for Node is not installed in {ToolsFolder}. Run `bash ci/install-deps.sh` (or ./build.sh --target=Deps) first.");
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(sql);
        // The script resolves @duckdb/node-api from its working directory.
        start.WorkingDirectory = ToolsFolder;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"DuckDB query did not finish in 2 minutes: {sql}");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"DuckDB failed ({process.ExitCode}) on `{sql}`: {stderr.Result}");
        }

        using var doc = JsonDocument.Parse(stdout.Result);
        var root = doc.RootElement;
        var columns = root.GetProperty("columns").EnumerateArray().Select(e => e.GetString()!).ToList();
        var types = root.GetProperty("types").EnumerateArray().Select(e => e.GetString()!).ToList();
        var rows = root.GetProperty("rows").EnumerateArray()
            .Select(r => r.EnumerateArray().Select(v => v.Clone()).ToArray())
            .ToList();
        return new DuckDbResult(columns, types, rows);
    }

    /// <summary>A SQL string literal for a file path.</summary>
    public static string Literal(string text) => "'" + text.Replace("'", "''") + "'";
}
