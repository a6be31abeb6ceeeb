using System.CommandLine;
using Spectre.Console;
using Touchstone.Core.Declarations;
using Touchstone.Core.Results;
using Touchstone.Core.Running;

namespace Touchstone.Cli.Sinks;

/// <summary>What a sink provider knows when <c>touchstone run</c> asks it for a sink.</summary>
/// <param name="Parse">The parsed command line (for the provider's own options).</param>
/// <param name="Manifest">The run's manifest.</param>
/// <param name="Layout">The run's folder.</param>
/// <param name="Suites">The suites of the run.</param>
/// <param name="TrackingDisabled">True when <c>--no-tracking</c> was given.</param>
/// <param name="Console">The console, for the provider's own messages.</param>
public sealed record RunSinkRequest(
    ParseResult Parse,
    RunManifest Manifest,
    RunLayout Layout,
    IReadOnlyList<LoadedSuite> Suites,
    bool TrackingDisabled,
    IAnsiConsole Console);

/// <summary>
/// The seam through which sinks beyond the console display (the MLflow logger) join <c>touchstone run</c>: a
/// provider adds its options to the command and, for each run, makes its sink or declines.
/// </summary>
public interface IRunSinkProvider
{
    /// <summary>Adds the provider's options (e.g. <c>--tracking-uri</c>) to the run command.</summary>
    void AddOptions(Command run);

    /// <summary>The sink for this run, or null when the provider is switched off (e.g. by <c>--no-tracking</c>).</summary>
    IRunSink? Create(RunSinkRequest request);
}
