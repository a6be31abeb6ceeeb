using System.CommandLine;
using Spectre.Console;
using Touchstone.Core.Display;
using Touchstone.Core.Results;

namespace Touchstone.Cli.Commands;

/// <summary><c>touchstone merge</c>: unions shard run folders into one run and reports missing cells.</summary>
internal static class MergeCommand
{
    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("runs")
        {
            Description = "Run folders to merge (typically the shards of one run, from several machines).",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string?>("--out")
        {
            Description = "Folder of the merged run (its name becomes the run id). Default: results/runs/merged-<time>.",
            HelpName = "folder",
        };
        var command = new Command("merge",
            "Merge run folders into one new run whose tables equal those of an unsharded run. Refuses folders of other " +
            "profiles or overrides and cells present twice; exit code 1 when cells of the matrix are missing.")
        {
            inputs,
            output,
        };
        command.SetAction(parse => TouchstoneCli.Guard(context, () =>
        {
            var target = parse.GetValue(output)
                ?? Path.Combine("results", "runs", "merged-" + Core.Running.RunIds.New(DateTime.UtcNow));
            var report = RunMerger.Merge(parse.GetValue(inputs)!, target, context.CommandLine);
            context.Console.PlainLine($"Merged {parse.GetValue(inputs)!.Length} runs: {report.Cells.Count} cells -> {report.Layout.Root}");
            if (report.Missing.Count > 0)
            {
                context.Console.PlainLine($"{report.Missing.Count} cells of the matrix are missing (no input holds them committed):");
                foreach (var id in report.Missing)
                {
                    context.Console.PlainLine($"  {id}");
                }
                return ExitCodes.CellsFailed;
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
