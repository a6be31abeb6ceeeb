using Spectre.Console;
using Touchstone.Cli.Sinks;
using Touchstone.Core.Environment;
using Touchstone.Core.Experiments;

namespace Touchstone.Cli;

/// <summary>What the commands are composed from: experiments, backend probe, sink providers and the console.</summary>
public sealed class CliContext
{
    /// <summary>The registered experiments.</summary>
    public required ExperimentRegistry Experiments { get; init; }

    /// <summary>The compute backend's probe, for the environment fingerprint.</summary>
    public required IComputeBackendProbe Backend { get; init; }

    /// <summary>Makers of the sinks that watch a run beside the console display (e.g. MLflow).</summary>
    public List<IRunSinkProvider> SinkProviders { get; } = [];

    /// <summary>Standard output: tables, progress, results.</summary>
    public required IAnsiConsole Console { get; init; }

    /// <summary>Standard error: problems with the input, warnings.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>The command line as typed, recorded in the run manifest.</summary>
    public string CommandLine { get; init; } = "touchstone";

    /// <summary>Whether Ctrl-C and SIGTERM stop a run cleanly (the real process); tests stop it with <see cref="Stop"/>.</summary>
    public bool HandleSignals { get; init; }

    /// <summary>How to start this command line as a child process (<c>touchstone verify</c>); null: as this process was started.</summary>
    public Verification.ChildCli? Child { get; init; }

    /// <summary>Stops a run as Ctrl-C would (for tests and embedding).</summary>
    public CancellationToken Stop { get; init; }

    /// <summary>Reads an environment variable (the scheduler's, for <c>--shard auto</c>); tests give their own.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>The context of the real process: the terminal, Ctrl-C handling, the command line from <paramref name="args"/>.</summary>
    public static CliContext ForProcess(string[] args, ExperimentRegistry experiments, IComputeBackendProbe backend) => new()
    {
        Experiments = experiments,
        Backend = backend,
        Console = ProcessConsole(),
        Error = System.Console.Error,
        CommandLine = string.Join(' ', args.Prepend("touchstone").Select(Quote)),
        HandleSignals = true,
    };

    // Redirected output (CI logs) has no width of its own; Spectre's default of 80 columns would wrap every table.
    private static IAnsiConsole ProcessConsole()
    {
        var console = AnsiConsole.Console;
        if (System.Console.IsOutputRedirected)
        {
            console.Profile.Width = 160;
        }
        return console;
    }

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsLetterOrDigit(c) || "-_./=:,@+%".Contains(c)) ? arg : "'" + arg.Replace("'", "'\\''") + "'";
}
