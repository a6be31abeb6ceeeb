using System.CommandLine;
using System.Text;
using Spectre.Console;
using Touchstone.Core.Declarations;
using Touchstone.Core.Experiments;
using Touchstone.Gate;
using Touchstone.Gate.Baselines;
using Touchstone.Gate.Reports;
using Touchstone.Gate.Verdicts;
using Touchstone.Suites;

namespace Touchstone.Cli.Commands;

/// <summary>
/// <c>touchstone gate --run &lt;dir&gt;</c>: compares a run with the committed baselines and decides, per declared
/// metric, REGRESSED / IMPROVED / NO-CHANGE / INCONCLUSIVE / MISSING / DIVERGED / STALE. Exit code 0 passes, 1 fails,
/// 2 is bad input.
/// </summary>
public static class GateCommand
{
    /// <summary>The default baselines folder, relative to the working directory.</summary>
    public const string DefaultBaselines = "results/baselines";

    /// <summary>
    /// The <c>gate</c> command: suite declarations through Core's suite loader with every experiment of the catalog,
    /// the report as plain text on the invocation's output.
    /// </summary>
    public static Command Create() => Create(SuiteFolder(ExperimentCatalog.Create()));

    /// <summary>The <c>gate</c> command composed from the CLI's context: its experiments and its (colour) console.</summary>
    public static Command Create(CliContext context) => Create(SuiteFolder(context.Experiments), _ => context.Console);

    /// <summary>The <c>gate</c> command with another source of suite declarations and console (tests, embedding).</summary>
    /// <param name="metricsFrom">Gives the declared metrics of the suites in a suites folder.</param>
    /// <param name="consoleFor">The console for the report; default: plain text on the invocation's output.</param>
    public static Command Create(Func<string, ISuiteMetrics> metricsFrom, Func<ParseResult, IAnsiConsole>? consoleFor = null)
    {
        consoleFor ??= parse => ConsoleFor(parse.InvocationConfiguration.Output);
        var run = RunOption("The run folder to gate (results/runs/<run-id>).");
        var baselines = BaselinesOption();
        var suites = SharedOptions.SuitesDirectory();
        var alpha = new Option<double>("--alpha")
        {
            Description = "Family-wise error rate across the gated metrics (Holm), and the level of each one-sided test.",
            DefaultValueFactory = _ => GatePolicy.Default.Alpha,
        };
        var stale = new Option<StalePolicy>("--stale")
        {
            Description = "What a baseline from another config, data or environment does: fail or warn.",
            DefaultValueFactory = _ => GatePolicy.Default.Stale,
        };
        var inconclusive = new Option<InconclusivePolicy>("--inconclusive")
        {
            Description = "What an undecided metric does: pass or fail.",
            DefaultValueFactory = _ => GatePolicy.Default.Inconclusive,
        };
        var tolerance = new Option<double?>("--float-tolerance")
        {
            Description = "Relative change below which a difference is float noise, for every metric: overrides each metric's "
                + "declared `tolerance:` (default 1e-6). 0 judges bit-exactly.",
        };
        var markdown = new Option<string?>("--markdown") { Description = "Also write a Markdown summary here (for a PR comment or $GITHUB_STEP_SUMMARY)." };
        var junit = new Option<string?>("--junit") { Description = "Also write JUnit XML here (one test case per gated metric)." };

        var command = new Command("gate", "Compare a run with the baselines and fail on a regression (exit 0 pass, 1 fail, 2 bad input).")
        {
            run, baselines, suites, alpha, stale, inconclusive, tolerance, markdown, junit,
        };
        command.SetAction(parse => Guarded(parse, () =>
        {
            var policy = new GatePolicy(parse.GetValue(alpha), parse.GetValue(stale), parse.GetValue(inconclusive),
                FloatTolerance: parse.GetValue(tolerance)).Validated();
            var report = GateRunner.Evaluate(
                RequiredPath(parse, run),
                new BaselineStore(parse.GetValue(baselines)!),
                policy,
                metricsFrom(parse.GetValue(suites)!));
            WriteFile(parse.GetValue(markdown), "--markdown", w => new MarkdownReporter(w).Write(report));
            WriteFile(parse.GetValue(junit), "--junit", w => new JUnitReporter(w).Write(report));
            new ConsoleReporter(consoleFor(parse)).Write(report);
            return report.Result.ExitCode;
        }));
        return command;
    }

    /// <summary>
    /// The declared metrics of every suite in a suites folder, read and validated by Core's suite loader (an invalid
    /// suite file stops the command with its file:line:column diagnostics, exit code 2).
    /// </summary>
    internal static Func<string, ISuiteMetrics> SuiteFolder(ExperimentRegistry experiments) => directory =>
        new DeclaredSuites(new SuiteLoader(experiments).LoadDirectory(directory).Select(s => s.Declaration), directory);

    /// <summary><c>--run</c>, checked by the command itself so that a missing value exits with 2 and says what to pass.</summary>
    internal static Option<string?> RunOption(string description) => new("--run") { Description = description };

    /// <summary><c>--baselines</c>, default <c>results/baselines</c>.</summary>
    internal static Option<string> BaselinesOption() => new("--baselines")
    {
        Description = "The baselines folder (<suite>/<profile>.parquet files).",
        DefaultValueFactory = _ => DefaultBaselines,
    };

    /// <summary>The value of a path option that must be given.</summary>
    internal static string RequiredPath(ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) is { Length: > 0 } value
            ? value
            : throw new GateInputException($"{option.Name} is required: pass the run folder, e.g. {option.Name} results/runs/<run-id>");

    /// <summary>
    /// Runs a verb; bad input (a <see cref="GateInputException"/>, an invalid setting, an invalid suite file) prints
    /// what to fix and exits with 2.
    /// </summary>
    internal static int Guarded(ParseResult parse, Func<int> action)
    {
        var error = parse.InvocationConfiguration.Error;
        try
        {
            return action();
        }
        catch (Exception e) when (e is GateInputException or ArgumentException)
        {
            error.WriteLine($"error: {e.Message}");
            return GateResult.BadInputExitCode;
        }
        catch (DeclarationException e)
        {
            foreach (var diagnostic in e.Diagnostics)
            {
                error.WriteLine(diagnostic.ToString());
            }
            return GateResult.BadInputExitCode;
        }
    }

    /// <summary>
    /// A Spectre console over <paramref name="output"/>: the terminal, or plain text for another writer. Output that
    /// goes to a file or a CI log gets a wide layout, since nothing there wraps it.
    /// </summary>
    internal static IAnsiConsole ConsoleFor(TextWriter output)
    {
        if (output == Console.Out && !Console.IsOutputRedirected)
        {
            return AnsiConsole.Console;
        }
        var console = output == Console.Out
            ? AnsiConsole.Console
            : AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(output),
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
            });
        console.Profile.Width = Math.Max(console.Profile.Width, WideLayout);
        return console;
    }

    private const int WideLayout = 200;

    /// <summary>Writes a report file (creating its folder); a path that cannot be written is bad input.</summary>
    internal static void WriteFile(string? path, string option, Action<TextWriter> write)
    {
        if (string.IsNullOrEmpty(path))
        {
            return;
        }
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }
            using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            write(writer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GateInputException($"cannot write the {option} file {path}: {e.Message}", e);
        }
    }
}
