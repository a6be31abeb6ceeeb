using System.CommandLine;
using Spectre.Console;
using Touchstone.Core.Declarations;
using Touchstone.Core.Display;

namespace Touchstone.Cli.Commands;

/// <summary><c>touchstone validate</c>: checks suite files completely, reporting every problem with file:line:column.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var suitesDir = SharedOptions.SuitesDirectory();
        var files = new Argument<string[]>("files")
        {
            Description = "Suite files to check (default: every *.yaml in --suites-dir).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("validate",
            "Check suite files before anything runs: YAML syntax, unknown keys, wrong types, unknown experiments, " +
            "duplicate metrics, override paths that do not exist. Exit code 2 when any problem is found.")
        {
            files,
            suitesDir,
        };
        command.SetAction(parse => TouchstoneCli.Guard(context, () =>
        {
            var loader = new SuiteLoader(context.Experiments);
            var given = parse.GetValue(files) ?? [];
            var suites = given.Length > 0 ? loader.LoadFiles(given) : loader.LoadDirectory(parse.GetValue(suitesDir)!);
            foreach (var suite in suites)
            {
                var d = suite.Declaration;
                var experiments = suite.Experiments.Select(e => e.Key).ToList();
                context.Console.PlainLine(
                    $"ok  {d.File}: suite '{d.Name}' ({(experiments.Count == 1 ? "experiment" : "experiments")} {string.Join(", ", experiments)}; {d.Variants.Count} variants, " +
                    $"{d.Profiles.Count} profiles, {d.Metrics.Count} metrics)");
            }
            context.Console.PlainLine($"{suites.Count} suite(s) valid.");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
