using System.CommandLine;
using Touchstone.Gate;
using Touchstone.Gate.Baselines;
using Touchstone.Suites;

namespace Touchstone.Cli.Commands;

/// <summary>
/// <c>touchstone promote --run &lt;dir&gt; [--suite S]</c>: makes a run the baseline of its suites — the only way a
/// baseline changes — and prints what changed.
/// </summary>
public static class PromoteCommand
{
    /// <summary>The <c>promote</c> command, reading suite declarations through Core's suite loader with every experiment of the catalog.</summary>
    public static Command Create() => Create(GateCommand.SuiteFolder(ExperimentCatalog.Create()));

    /// <summary>The <c>promote</c> command composed from the CLI's context (its experiments).</summary>
    public static Command Create(CliContext context) => Create(GateCommand.SuiteFolder(context.Experiments));

    /// <summary>The <c>promote</c> command with another source of suite declarations (tests).</summary>
    /// <param name="metricsFrom">Gives the declared metrics of the suites in a suites folder.</param>
    public static Command Create(Func<string, ISuiteMetrics> metricsFrom)
    {
        var run = GateCommand.RunOption("The run folder whose per-seed values become the baseline.");
        var suite = new Option<string?>("--suite") { Description = "Promote only this suite (default: every suite of the run)." };
        var baselines = GateCommand.BaselinesOption();
        var suites = SharedOptions.SuitesDirectory();
        var command = new Command("promote", "Write or replace the baselines from a run, and print what changed.")
        {
            run, suite, baselines, suites,
        };
        command.SetAction(parse => GateCommand.Guarded(parse, () =>
        {
            var diffs = Promoter.Promote(
                GateCommand.RequiredPath(parse, run),
                new BaselineStore(parse.GetValue(baselines)!),
                metricsFrom(parse.GetValue(suites)!),
                parse.GetValue(suite));
            var output = parse.InvocationConfiguration.Output;
            foreach (var line in diffs.SelectMany(d => d.Describe()))
            {
                output.WriteLine(line);
            }
            return 0;
        }));
        return command;
    }
}
