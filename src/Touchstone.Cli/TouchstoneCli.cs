using System.CommandLine;
using Touchstone.Cli.Commands;
using Touchstone.Cli.Mlflow;
using Touchstone.Core.Declarations;

namespace Touchstone.Cli;

/// <summary>Builds the <c>touchstone</c> command tree and runs it with Touchstone's exit codes.</summary>
public static class TouchstoneCli
{
    private const string Overview = """
        Touchstone runs declared machine-learning experiment suites across seeds, writes every number to Parquet,
        and lets CI fail when a result regresses.

        A suite is a YAML file in suites/ (see docs/ARCHITECTURE.md). A run expands the suites into cells
        (suite x variant x seed for one profile) and writes results/runs/<run-id>/.

        Start here:
          touchstone list                              the suites, their variants, profiles and metrics
          touchstone validate                          check every suite file (file:line:column errors)
          touchstone run --suite selftest              run one suite's smoke profile on the CPU
          touchstone run --profile nightly --jobs 2    run every suite's nightly profile, two cells at a time
          touchstone run --resume results/runs/<id>    finish a run that was stopped or killed
          touchstone gate --run results/runs/<id>      compare a run with results/baselines (see docs/gate.md)
          touchstone promote --run results/runs/<id>   make a run the baseline of its suites
          touchstone verify --run results/runs/<id>    re-execute its cells and compare them bit for bit
          touchstone merge <shard dirs> --out <dir>    union the shards of a run made on several machines
          touchstone compare <run> <run>               mean ± 95% CI per run and the difference to the first
          touchstone query "SELECT … FROM metrics"     DuckDB SQL over every run's tables and the baselines
          touchstone report --run results/runs/<id>    one self-contained HTML report with plots
          touchstone mlflow sync                       replay MLflow records a run could not deliver

        Exit codes: 0 success, 1 a cell failed or diverged (run) or a regression (gate), 2 bad input, 130 interrupted.
        """;

    /// <summary>The root command with every verb: list, validate, run, merge, gate, promote, mlflow, compare, query and report.</summary>
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand(Overview);
        root.Subcommands.Add(ListCommand.Create(context));
        root.Subcommands.Add(ValidateCommand.Create(context));
        root.Subcommands.Add(RunCommand.Create(context));
        root.Subcommands.Add(MergeCommand.Create(context));
        root.Subcommands.Add(GateCommand.Create(context));
        root.Subcommands.Add(PromoteCommand.Create(context));
        root.Subcommands.Add(VerifyCommand.Create(context));
        root.Subcommands.Add(MlflowCommand.Create());
        root.Subcommands.Add(CompareCommand.Create(GateCommand.SuiteFolder(context.Experiments)));
        root.Subcommands.Add(QueryCommand.Create());
        root.Subcommands.Add(ReportCommand.Create(GateCommand.SuiteFolder(context.Experiments)));
        root.Subcommands.Add(NewCommand.Create(context));
        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>. A parse error prints what is wrong and how to get help and returns
    /// <see cref="ExitCodes.BadInput"/> (System.CommandLine alone would return 1, which means failed cells here).
    /// </summary>
    public static int Invoke(RootCommand root, string[] args, CliContext context)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                context.Error.WriteLine($"touchstone: {error.Message}");
            }
            var command = parse.CommandResult.Command;
            var name = command == root ? "touchstone" : $"touchstone {command.Name}";
            context.Error.WriteLine($"Run '{name} --help' for the options.");
            return ExitCodes.BadInput;
        }
        return parse.Invoke(new InvocationConfiguration
        {
            Output = new SpectreWriter(context.Console),
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
        });
    }

    /// <summary>
    /// Runs a command's body, turning bad input into its diagnostics and exit code 2, and any other exception into
    /// one clear line (the details follow for a bug report) and exit code 1.
    /// </summary>
    internal static int Guard(CliContext context, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (DeclarationException e)
        {
            foreach (var diagnostic in e.Diagnostics)
            {
                context.Error.WriteLine(diagnostic.ToString());
            }
            var files = e.Diagnostics.Select(d => d.Location?.File).OfType<string>().Distinct().Count();
            if (e.Diagnostics.Count > 1)
            {
                context.Error.WriteLine($"{e.Diagnostics.Count} problems" + (files > 0 ? $" in {files} file(s)" : "") + "; nothing was run.");
            }
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"touchstone: {e.Message}");
            return ExitCodes.CellsFailed;
        }
        catch (Exception e)
        {
            context.Error.WriteLine($"touchstone: unexpected error: {e.GetType().Name}: {e.Message}");
            context.Error.WriteLine("This is a bug in Touchstone; please report it with the details below.");
            context.Error.WriteLine(e.ToString());
            return ExitCodes.CellsFailed;
        }
    }

    // Help text goes through the Spectre console so that tests capture it like every other output.
    private sealed class SpectreWriter(Spectre.Console.IAnsiConsole console) : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => console.Profile.Out.Writer.Write(value);

        public override void Write(string? value) => console.Profile.Out.Writer.Write(value);

        public override void Flush() => console.Profile.Out.Writer.Flush();
    }
}
