using System.CommandLine;
using Touchstone.Analysis.Compare;
using Touchstone.Analysis.Formatting;
using Touchstone.Analysis.Sql;
using Touchstone.Core.Declarations;
using Touchstone.Gate;
using Touchstone.Gate.Baselines;

namespace Touchstone.Cli.Commands;

/// <summary>
/// <c>touchstone compare &lt;run&gt; &lt;run&gt;…</c>: per suite, each run's mean ± 95 % CI across seeds and its
/// difference to the first run (paired by seed when the seeds match, Welch otherwise: the gate's statistics).
/// <c>--baseline &lt;suite&gt;</c> puts the suite's committed baseline first.
/// </summary>
public static class CompareCommand
{
    /// <summary>The <c>compare</c> command with the suite declarations read from <c>--suites-dir</c>.</summary>
    public static Command Create(Func<string, ISuiteMetrics> metricsFrom)
    {
        var runs = new Argument<string[]>("runs")
        {
            Description = "Run folders; the first is the reference every difference is taken against.",
            Arity = ArgumentArity.OneOrMore,
        };
        var suite = new Option<string[]>("--suite") { Description = "Only these suites (repeatable).", AllowMultipleArgumentsPerToken = true };
        var metric = new Option<string[]>("--metric") { Description = "Only these metrics: name or split/name (repeatable).", AllowMultipleArgumentsPerToken = true };
        var baseline = new Option<string?>("--baseline") { Description = "Compare with this suite's committed baseline (for the first run's profile), shown first." };
        var baselines = GateCommand.BaselinesOption();
        var suites = SharedOptions.SuitesDirectory();
        var format = QueryCommand.FormatOption();
        var command = new Command("compare",
            "Compare runs metric by metric: mean ± 95% CI across seeds per run, and each run's difference to the first with its CI. "
            + "Gated metrics carry *, runs of another config, data, environment or profile carry !.")
        {
            runs, suite, metric, baseline, baselines, suites, format,
        };
        command.SetAction(parse => QueryCommand.Guarded(parse, () =>
        {
            using var db = ResultsDatabase.Open(parse.GetValue(runs)!, parse.GetValue(baselines));
            var sides = ComparisonSide.FromRuns(db).ToList();
            var only = parse.GetValue(suite) ?? [];
            if (parse.GetValue(baseline) is { Length: > 0 } baselineSuite)
            {
                sides.Insert(0, ComparisonSide.FromBaseline(new BaselineStore(parse.GetValue(baselines)!), baselineSuite, sides[0].Run.Profile));
                only = [baselineSuite];
            }
            var declarations = OptionalDeclarations(parse, suites, metricsFrom);
            var options = ComparisonOptions.Default with
            {
                Suites = only,
                Metrics = parse.GetValue(metric) ?? [],
                Declarations = s => declarations is null ? [] : Declared(declarations, s),
            };
            ComparisonWriter.Write(parse.InvocationConfiguration.Output, RunComparer.Compare(sides, options), parse.GetValue(format));
            return 0;
        }));
        return command;
    }

    /// <summary>
    /// The suite declarations of <c>--suites-dir</c>; null when the option was left at its default and that folder
    /// does not exist (comparing and reporting runs outside a checkout need no declarations).
    /// </summary>
    internal static ISuiteMetrics? OptionalDeclarations(ParseResult parse, Option<string> suites, Func<string, ISuiteMetrics> metricsFrom)
    {
        var folder = parse.GetValue(suites)!;
        var given = parse.GetResult(suites) is { Implicit: false };
        return given || Directory.Exists(folder) ? metricsFrom(folder) : null;
    }

    // A suite the folder does not declare is still compared; nothing in it is marked gated.
    private static IReadOnlyList<MetricDeclaration> Declared(ISuiteMetrics declarations, string suite)
    {
        try
        {
            return declarations.MetricsOf(suite);
        }
        catch (GateInputException)
        {
            return [];
        }
    }
}
