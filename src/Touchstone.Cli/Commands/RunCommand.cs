using System.CommandLine;
using Spectre.Console;
using Touchstone.Cli.Rendering;
using Touchstone.Cli.Sinks;
using Touchstone.Core.Declarations;
using Touchstone.Core.Display;
using Touchstone.Core.Environment;
using Touchstone.Core.Running;
using Touchstone.Core.Summary;

namespace Touchstone.Cli.Commands;

/// <summary><c>touchstone run</c>: plan the cells, run them, write the results, print the summary.</summary>
internal static class RunCommand
{
    internal sealed record Options(
        Option<string[]> Suite,
        Option<string> Profile,
        Option<string[]> Variant,
        Option<string?> Seeds,
        Option<string?> Shard,
        Option<string> Device,
        Option<int> Jobs,
        Option<int> Threads,
        Option<string> Results,
        Option<string?> RunId,
        Option<string?> Resume,
        Option<string> SuitesDir,
        Option<string[]> Set,
        Option<bool> NoTracking,
        Option<bool> RetryFailed,
        Argument<string[]> Overrides);

    public static Command Create(CliContext context)
    {
        var o = new Options(
            new("--suite") { Description = "Suite to run; repeat for several. Default: every suite in --suites-dir.", HelpName = "name" },
            new("--profile") { Description = "Profile to run (smoke, nightly, full, ...): its seeds, variants and overrides.", DefaultValueFactory = _ => "smoke", HelpName = "name" },
            new("--variant") { Description = "Variant to run; repeat for several. Default: those of the profile.", HelpName = "name" },
            new("--seeds") { Description = "Seeds instead of the profile's: a list or ranges, e.g. 0,1,2 or 0-4 or 0-2,7.", HelpName = "list" },
            new("--shard")
            {
                Description = "Run only shard i of n (e.g. 2/4): every cell is in exactly one shard; 'touchstone merge' joins them. " +
                              "'auto' takes i and n from a Slurm job array or a Kubernetes Indexed Job and writes <results>/<run-id>-shard-<i> " +
                              "(run id: slurm-<array job id>, or --run-id); a task started again resumes that folder.",
                HelpName = "i/n|auto",
            },
            new("--device") { Description = "Where experiments train: cpu, cuda or cuda:N.", DefaultValueFactory = _ => "cpu", HelpName = "device" },
            new("--jobs", "-j") { Description = "Cells to run at the same time (CPU only; at most the number of cores).", DefaultValueFactory = _ => 1, HelpName = "n" },
            new("--threads") { Description = "CPU threads per cell (libtorch intra-op and BLAS pool), the same for every cell whatever --jobs is. Part of what the numbers depend on: recorded in the manifest and fingerprint.", DefaultValueFactory = _ => 1, HelpName = "n" },
            new("--results") { Description = "Folder the run folder is created in.", DefaultValueFactory = _ => Path.Combine("results", "runs"), HelpName = "folder" },
            new("--run-id") { Description = "Name of the new run folder. Default: the UTC time and a random suffix, e.g. 20261121-235959-ab12cd.", HelpName = "id" },
            new("--resume") { Description = "Finish an earlier run: skip its committed cells, rerun the rest, rewrite its tables. Takes the plan from the run's manifest.", HelpName = "run folder" },
            SharedOptions.SuitesDirectory(),
            new("--set") { Description = "Config override key.path=value, applied after the profile's (same as a trailing argument).", HelpName = "key.path=value" },
            new("--no-tracking") { Description = "Do not log the run to MLflow (Parquet results are always written)." },
            new("--retry-failed") { Description = "With --resume: run the cells that failed again (diverged cells stay as they are)." },
            new("overrides") { Description = "Config overrides key.path=value, e.g. training.epochs=2 model.hidden=[64,32]. Values are YAML.", Arity = ArgumentArity.ZeroOrMore });
        var command = new Command("run",
            "Run suites: expand them into cells (suite x variant x seed), run each cell, write its results under " +
            "<results>/<run-id>/, and print a summary per suite. A failing cell does not stop the others. " +
            "Ctrl-C stops cleanly; --resume finishes the run later.")
        {
            o.Suite, o.Profile, o.Variant, o.Seeds, o.Shard, o.Device, o.Jobs, o.Threads, o.Results, o.RunId, o.Resume, o.SuitesDir, o.Set,
            o.NoTracking, o.RetryFailed, o.Overrides,
        };
        o.Overrides.Validators.Add(result => CheckOverrideTokens(result, command));
        foreach (var provider in context.SinkProviders)
        {
            provider.AddOptions(command);
        }
        command.SetAction(parse => TouchstoneCli.Guard(context, () => Execute(context, parse, o)));
        return command;
    }

    // The trailing overrides take any token, so a misspelt option would land there: say what it is instead.
    private static void CheckOverrideTokens(System.CommandLine.Parsing.ArgumentResult result, Command command)
    {
        foreach (var token in result.Tokens.Select(t => t.Value))
        {
            if (token.StartsWith('-'))
            {
                var names = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name));
                result.AddError($"unknown option '{token}'{Suggestions.DidYouMean(token, names)}");
            }
            else if (!token.Contains('='))
            {
                result.AddError($"'{token}' is neither an option nor a key.path=value override");
            }
        }
    }

    private static int Execute(CliContext context, ParseResult parse, Options o)
    {
        var jobs = parse.GetValue(o.Jobs);
        if (jobs < 1)
        {
            throw new DeclarationException("--jobs", $"--jobs {jobs}: run at least one cell at a time (--jobs 1 or more)");
        }
        var overrideTexts = (parse.GetValue(o.Set) ?? []).Concat(parse.GetValue(o.Overrides) ?? []).ToList();
        var resume = parse.GetValue(o.Resume);
        var retryFailed = parse.GetValue(o.RetryFailed);
        if (retryFailed && resume is null)
        {
            throw new DeclarationException("--retry-failed", "--retry-failed goes with --resume <run folder>: it reruns the failed cells of an earlier run");
        }
        var prepared = resume is null
            ? RunPreparation.Plan(context, parse, o, overrideTexts)
            : RunPreparation.Resume(context, parse, o, resume, overrideTexts);
        using var held = prepared.Lock;
        jobs = Jobs(context, jobs, prepared.Manifest.Device);
        WarnIfOversubscribed(context, jobs, prepared.Threads);

        using var stop = new StopSignal(context);
        var sinks = new List<IRunSink> { ProgressDisplay.For(context.Console) };
        var request = new RunSinkRequest(parse, prepared.Manifest, prepared.Layout, prepared.Suites, parse.GetValue(o.NoTracking), context.Console);
        sinks.AddRange(context.SinkProviders.Select(p => p.Create(request)).OfType<IRunSink>());
        var events = new RunEvents(sinks, warning => context.Error.WriteLine($"touchstone: warning: {warning}"));
        var runner = new Runner(prepared.Suites, events, new RunnerOptions(jobs, prepared.Fingerprint, retryFailed));

        Describe(context, prepared);
        RunReport report;
        try
        {
            report = runner.Run(prepared.Layout, prepared.Manifest, prepared.Plans, stop.Token);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A full disk or a vanished folder mid-run: what committed is kept, so say how to go on, as for Ctrl-C.
            context.Error.WriteLine($"touchstone: {e.Message}");
            context.Console.PlainLine($"The run stopped on this error; its committed cells are kept. Fix it (free disk space?), then " +
                                      $"continue with: touchstone run --resume {prepared.Layout.Root}");
            return ExitCodes.CellsFailed;
        }

        var summaries = RunSummary.Compute(prepared.Suites, report.Cells);
        SummaryTable.Write(context.Console, prepared.Manifest.Profile, summaries);
        context.Console.PlainLine($"Results: {prepared.Layout.Root}");
        var bad = report.Cells.Count(c => c.Row.Status != Core.Results.CellStatus.Ok);
        if (report.Interrupted)
        {
            context.Console.PlainLine($"Stopped with {report.Cells.Count} of {prepared.Plans.Count} cells done. " +
                                      $"Continue with: touchstone run --resume {prepared.Layout.Root}");
            return ExitCodes.Interrupted;
        }
        if (bad > 0)
        {
            var failed = report.Cells.Count(c => c.Row.Status == Core.Results.CellStatus.Failed);
            context.Console.PlainLine($"{bad} of {report.Cells.Count} cells failed or diverged; see their cell.log files." +
                                      (failed > 0 ? $" Once fixed, rerun the failed ones with: touchstone run --resume {prepared.Layout.Root} --retry-failed" : ""));
            return ExitCodes.CellsFailed;
        }
        return ExitCodes.Ok;
    }

    private static int Jobs(CliContext context, int jobs, string device)
    {
        if (jobs > 1 && device != "cpu")
        {
            context.Error.WriteLine($"touchstone: warning: --jobs {jobs} ignored on {device}: cells on one GPU would compete for it; running one at a time.");
            return 1;
        }
        if (jobs > System.Environment.ProcessorCount)
        {
            context.Error.WriteLine($"touchstone: warning: --jobs {jobs} is more than the {System.Environment.ProcessorCount} cores here; using {System.Environment.ProcessorCount}.");
            return System.Environment.ProcessorCount;
        }
        return jobs;
    }

    // More threads than cores still gives the same numbers (the setting, not the load, decides them), only slower.
    private static void WarnIfOversubscribed(CliContext context, int jobs, ThreadSettings threads)
    {
        if (threads.CoresWanted(jobs) > System.Environment.ProcessorCount)
        {
            context.Error.WriteLine($"touchstone: warning: --jobs {jobs} with {threads} threads per cell wants {threads.CoresWanted(jobs)} cores; " +
                                    $"this machine has {System.Environment.ProcessorCount}, so cells will wait for each other (the numbers do not change).");
        }
    }

    private static void Describe(CliContext context, RunPreparation.Prepared prepared)
    {
        var m = prepared.Manifest;
        var shard = m.Shard is null ? "" : $", shard {m.Shard} of {m.MatrixCells.Count} cells";
        var verb = prepared.Resumed ? "Resuming run" : "Run";
        context.Console.PlainLine($"{verb} {m.RunId}: {prepared.Plans.Count} cells (profile {m.Profile}, device {m.Device}{shard}, " +
                                  $"threads per cell: {prepared.Threads}) -> {prepared.Layout.Root}");
    }
}
