using System.CommandLine;
using System.Diagnostics;
using Touchstone.Gate;
using Touchstone.Gate.Verdicts;
using Touchstone.Reports;
using Touchstone.Reports.Model;

namespace Touchstone.Cli.Commands;

/// <summary>
/// <c>touchstone report --run &lt;dir&gt;</c>: one self-contained HTML file with the run's header, learning curves,
/// final metrics beside the baseline, the gate's verdicts and the failed cells.
/// </summary>
public static class ReportCommand
{
    /// <summary>The default output file.</summary>
    public const string DefaultOut = "report.html";

    /// <summary>The <c>report</c> command with the suite declarations read from <c>--suites-dir</c>.</summary>
    public static Command Create(Func<string, ISuiteMetrics> metricsFrom)
    {
        var run = GateCommand.RunOption("The run folder to report on (results/runs/<run-id>).");
        var compare = new Option<string?>("--compare") { Description = "Another run folder to compare with (its seeds are drawn beside the run's)." };
        var output = new Option<string>("--out") { Description = "The HTML file to write.", DefaultValueFactory = _ => DefaultOut, HelpName = "file" };
        var baselines = GateCommand.BaselinesOption();
        var suites = SharedOptions.SuitesDirectory();
        var command = new Command("report",
            "Write one self-contained HTML report of a run: header, learning curves, final metrics beside the baseline, gate verdicts, failed cells.")
        {
            run, compare, output, baselines, suites,
        };
        command.SetAction(parse => QueryCommand.Guarded(parse, () =>
        {
            var clock = Stopwatch.StartNew();
            var options = new ReportOptions(
                GateCommand.RequiredPath(parse, run),
                parse.GetValue(compare),
                parse.GetValue(baselines)!,
                CompareCommand.OptionalDeclarations(parse, suites, metricsFrom),
                GatePolicy.Default);
            var path = parse.GetValue(output)!;
            var model = RunReport.Write(options, path);
            parse.InvocationConfiguration.Output.WriteLine(
                $"Report: {Path.GetFullPath(path)} ({model.Suites.Count} suites; gate: {model.Gate}) in {clock.Elapsed.TotalSeconds:0.0} s");
            return 0;
        }));
        return command;
    }
}
