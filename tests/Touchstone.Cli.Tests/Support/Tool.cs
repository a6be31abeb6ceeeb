using Spectre.Console;
using Touchstone.Cli.Sinks;
using Touchstone.Cli.Verification;
using Touchstone.Suites;
using Touchstone.Testing;

namespace Touchstone.Cli.Tests.Support;

public sealed record CliResult(int Exit, string Out, string Err)
{
    public override string ToString() => $"exit {Exit}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}

/// <summary>Runs the touchstone CLI in this process, with a plain 200-column console captured to strings.</summary>
public static class Tool
{
    public static string TestSuites => RepoPaths.Combine("tests", "Touchstone.Cli.Tests", "Suites");

    public static CliResult Run(params string[] args) => Run([], CancellationToken.None, args);

    public static CliResult Run(IEnumerable<IRunSinkProvider> sinks, CancellationToken stop, params string[] args) =>
        Run(sinks, stop, _ => null, args);

    /// <summary>Runs the CLI seeing only the environment variables <paramref name="environment"/> gives (a scheduler's).</summary>
    public static CliResult Run(Func<string, string?> environment, params string[] args) => Run([], CancellationToken.None, environment, args);

    /// <summary>Runs the CLI with sinks, a stop token and the environment variables <paramref name="environment"/> gives.</summary>
    public static CliResult Run(IEnumerable<IRunSinkProvider> sinks, CancellationToken stop, Func<string, string?> environment, string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        var context = new CliContext
        {
            Experiments = ExperimentCatalog.Create(),
            Backend = ExperimentCatalog.BackendProbe(),
            Console = console,
            Error = error,
            CommandLine = "touchstone " + string.Join(' ', args),
            Stop = stop,
            Environment = environment,
            // touchstone verify starts the built CLI beside the tests, as the real process starts itself.
            Child = new ChildCli(["dotnet", Path.Combine(AppContext.BaseDirectory, "touchstone.dll")]),
        };
        context.SinkProviders.AddRange(sinks);
        var exit = TouchstoneCli.Invoke(TouchstoneCli.Build(context), args, context);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs a suite of <see cref="TestSuites"/> into <paramref name="results"/> with a fixed run id.</summary>
    public static CliResult RunSuite(string results, string runId, params string[] more) =>
        Run(["run", "--suites-dir", TestSuites, "--results", results, "--run-id", runId, "--no-tracking", .. more]);
}
