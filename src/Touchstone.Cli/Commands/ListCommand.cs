using System.CommandLine;
using Spectre.Console;
using Touchstone.Core.Declarations;
using Touchstone.Core.Display;

namespace Touchstone.Cli.Commands;

/// <summary><c>touchstone list</c>: the suites, their variants, profiles and metrics, and the registered experiments.</summary>
internal static class ListCommand
{
    public static Command Create(CliContext context)
    {
        var suitesDir = SharedOptions.SuitesDirectory();
        var command = new Command("list", "Show the suites (variants, profiles with their cell counts, metrics) and the registered experiments.")
        {
            suitesDir,
        };
        command.SetAction(parse => TouchstoneCli.Guard(context, () =>
        {
            var suites = new SuiteLoader(context.Experiments).LoadDirectory(parse.GetValue(suitesDir)!);
            Show(context.Console, suites);
            var experiments = string.Join(", ", context.Experiments.All.Select(e => e.Key));
            context.Console.PlainLine($"Registered experiments: {experiments}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void Show(IAnsiConsole console, IReadOnlyList<LoadedSuite> suites)
    {
        if (suites.Count == 0)
        {
            console.PlainLine("No suites found.");
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.AddColumns("Suite", "Variants", "Profiles (cells)", "Metrics");
        foreach (var suite in suites)
        {
            var d = suite.Declaration;
            // Every experiment the suite runs: its own and those its variants name (ebt-ffn-ood runs two).
            var experiments = Markup.Escape(string.Join(", ", suite.Experiments.Select(e => e.Key)));
            var name = $"[bold]{Markup.Escape(d.Name)}[/] ({experiments})\n[dim]{Markup.Escape(d.Description)}[/]";
            var variants = string.Join("\n", d.Variants.Select(v => Markup.Escape(v.Name)));
            var profiles = string.Join("\n", d.Profiles.Select(p =>
            {
                var count = (p.Variants?.Count ?? d.Variants.Count) * p.Seeds.Count;
                return Markup.Escape($"{p.Name}: {p.Seeds.Count} seeds, {count} cells");
            }));
            var metrics = string.Join("\n", d.Metrics.Select(m =>
            {
                var gate = m.Role == MetricRole.Primary ? $" gate {m.Margin}" : "";
                return Markup.Escape($"{m.Key} ({m.Direction.ToString().ToLowerInvariant()}{gate})");
            }));
            table.AddRow(name, variants, profiles, metrics);
        }
        console.Write(table);
    }
}
