using System.CommandLine;
using Touchstone.Core.Declarations;
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
            Arity = ArgumentArity.ZeroOrMore,
        };
        var shardsOf = new Option<string?>("--shards-of")
        {
            Description = "Merge every shard folder of one sharded run: <results>/<run-id> finds <results>/<run-id>-shard-<i> " +
                          "(what 'touchstone run --shard auto' writes). Default --out: <results>/<run-id>.",
            HelpName = "results/run-id",
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
            shardsOf,
        };
        command.SetAction(parse => TouchstoneCli.Guard(context, () =>
        {
            var run = parse.GetValue(shardsOf);
            var given = parse.GetValue(inputs) ?? [];
            if ((run is null) == (given.Length == 0))
            {
                throw new DeclarationException("runs", "pass either the run folders to merge or --shards-of <results>/<run-id>, not both or neither");
            }
            var runs = run is null ? given : ShardFolders.Find(run);
            var target = parse.GetValue(output)
                ?? run
                ?? Path.Combine("results", "runs", "merged-" + Core.Running.RunIds.New(DateTime.UtcNow));
            var report = RunMerger.Merge(runs, target, context.CommandLine);
            context.Console.PlainLine($"Merged {runs.Count} runs: {report.Cells.Count} cells -> {report.Layout.Root}");
            foreach (var index in report.MissingShards)
            {
                context.Console.PlainLine($"Shard {index} of {report.ShardCount} is missing: no input holds it.");
            }
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
