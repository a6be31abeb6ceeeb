using System.CommandLine;
using Touchstone.Analysis.Formatting;
using Touchstone.Analysis.Sql;
using Touchstone.Gate.Verdicts;

namespace Touchstone.Cli.Commands;

/// <summary>
/// <c>touchstone query "&lt;SQL&gt;"</c>: DuckDB SQL over every run's tables (views <c>metrics</c>, <c>curves</c>,
/// <c>cells</c>, <c>final_metrics</c>, <c>runs</c>) and the baselines (<c>baselines</c>). Bad SQL exits with 2 and
/// DuckDB's message, which shows the position.
/// </summary>
public static class QueryCommand
{
    /// <summary>The <c>query</c> command.</summary>
    public static Command Create()
    {
        var sql = new Argument<string>("sql") { Description = "The SQL statement (DuckDB dialect)." };
        var runs = new Option<string>("--runs")
        {
            Description = "Run folders to query: a folder or a glob whose last part has * or ? (default results/runs/*).",
            DefaultValueFactory = _ => RunSelection.DefaultGlob,
            HelpName = "glob",
        };
        var baselines = GateCommand.BaselinesOption();
        var format = FormatOption();
        var command = new Command("query",
            "Run DuckDB SQL over the runs' tables. Views: metrics, curves, cells (run_id names the run), final_metrics "
            + "(each seed's final value), runs (one row per run) and baselines.")
        {
            sql, runs, baselines, format,
        };
        command.SetAction(parse => Guarded(parse, () =>
        {
            var folders = RunSelection.Glob(parse.GetValue(runs)!);
            using var db = ResultsDatabase.Open(folders, parse.GetValue(baselines));
            var result = db.Query(parse.GetValue(sql)!);
            QueryTableWriter.Write(parse.InvocationConfiguration.Output, result, parse.GetValue(format));
            return 0;
        }));
        return command;
    }

    /// <summary><c>--format table|markdown|csv|json</c>.</summary>
    internal static Option<TableFormat> FormatOption() => new("--format")
    {
        Description = "Output format: table, markdown, csv or json.",
        DefaultValueFactory = _ => TableFormat.Table,
    };

    /// <summary>Like <see cref="GateCommand.Guarded"/>, and rejected SQL or run folders exit with 2 and their message.</summary>
    internal static int Guarded(ParseResult parse, Func<int> action) => GateCommand.Guarded(parse, () =>
    {
        try
        {
            return action();
        }
        catch (QueryException e)
        {
            parse.InvocationConfiguration.Error.WriteLine($"error: {e.Message}");
            return GateResult.BadInputExitCode;
        }
    });
}
