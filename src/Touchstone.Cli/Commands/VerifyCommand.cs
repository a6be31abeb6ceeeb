using System.CommandLine;
using Touchstone.Cli.Verification;
using Touchstone.Core.Declarations;
using Touchstone.Core.Display;
using Touchstone.Core.Environment;
using Touchstone.Core.Results;
using Touchstone.Core.Verification;
using Touchstone.Core.Verification.Reports;

namespace Touchstone.Cli.Commands;

/// <summary>
/// <c>touchstone verify --run &lt;dir&gt;</c>: re-executes recorded cells, each in a fresh process, from the run's
/// manifest (config, seed, device, threads) and compares every final metric and curve point bit for bit with what
/// was recorded: IDENTICAL, DIFFERS, NOT-COMPARABLE (the environment changed) or FAILED. Exit 0 when no cell
/// differs, 1 when one does, 2 for bad input.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(CliContext context)
    {
        var run = GateCommand.RunOption("The run folder to verify (results/runs/<run-id>).");
        var cells = new Option<string[]>("--cells")
        {
            Description = "Which committed cells: all (default), a number N (N cells spread over the run), or cell ids suite/variant/seed-N.",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "all|N|id",
        };
        var threads = new Option<int?>("--threads")
        {
            Description = "Re-execute with this many threads per cell instead of the recorded ones (the cells are then NOT-COMPARABLE, with their differences).",
            HelpName = "n",
        };
        var suites = SharedOptions.SuitesDirectory();
        suites.Description = "Folder with the suite files, for a run whose manifest does not record one.";
        var markdown = new Option<string?>("--markdown") { Description = "Also write a Markdown summary here." };
        var junit = new Option<string?>("--junit") { Description = "Also write JUnit XML here (one test case per cell)." };
        var output = new Option<string?>("--out")
        {
            Description = "Keep the re-executed runs in this folder (default: a temporary folder, removed afterwards).",
            HelpName = "folder",
        };
        var command = new Command("verify",
            "Re-execute a run's cells in fresh processes and compare every metric and curve value bit for bit with the " +
            "recording (exit 0 identical or not comparable, 1 a cell differs, 2 bad input). See docs/reproducibility.md.")
        {
            run, cells, threads, suites, markdown, junit, output,
        };
        command.SetAction(parse => TouchstoneCli.Guard(context, () => GateCommand.Guarded(parse, () =>
        {
            var (layout, manifest) = RunFolder.Open(GateCommand.RequiredPath(parse, run));
            var committed = CellSelection.Committed(layout, manifest);
            var chosen = CellSelection.Choose(committed.Cells, parse.GetValue(cells) ?? []);
            var settings = ThreadsFor(manifest.Threads, parse.GetValue(threads));
            var suitesDirectory = manifest.SuitesDirectory ?? Path.GetFullPath(parse.GetValue(suites)!);
            var work = parse.GetValue(output) is { Length: > 0 } kept ? Path.GetFullPath(kept) : Directory.CreateTempSubdirectory("touchstone-verify-").FullName;
            try
            {
                var child = new CellReexecution(context.Child ?? ChildCli.OfThisProcess(), work);
                var results = new List<CellVerification>();
                foreach (var (cell, index) in chosen.Select((c, i) => (c, i)))
                {
                    context.Console.PlainLine($"[{index + 1}/{chosen.Count}] re-executing {cell.Id} ...");
                    results.Add(child.Verify(manifest, suitesDirectory, cell, settings, index));
                }
                var report = new VerifyReport(manifest.RunId, layout.Root, results, committed.Skipped);
                GateCommand.WriteFile(parse.GetValue(markdown), "--markdown", w => new MarkdownVerifyReporter(w).Write(report));
                GateCommand.WriteFile(parse.GetValue(junit), "--junit", w => new JUnitVerifyReporter(w).Write(report));
                new ConsoleVerifyReporter(context.Console).Write(report);
                return report.Passed ? ExitCodes.Ok : ExitCodes.CellsFailed;
            }
            finally
            {
                if (parse.GetValue(output) is not { Length: > 0 })
                {
                    Directory.Delete(work, recursive: true);
                }
            }
        })));
        return command;
    }

    // The recorded setting; a run from before threads were a setting ran with libtorch's default, which the
    // fingerprint comparison then names.
    private static ThreadSettings ThreadsFor(ThreadSettings? recorded, int? chosen) => chosen switch
    {
        null => recorded ?? ThreadSettings.Default,
        >= 1 => ThreadSettings.Uniform(chosen.Value),
        _ => throw new DeclarationException("--threads", $"--threads {chosen}: a cell needs at least one thread"),
    };
}
