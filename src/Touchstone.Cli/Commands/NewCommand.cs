using System.CommandLine;
using Touchstone.Cli.Scaffold;
using Touchstone.Core.Display;

namespace Touchstone.Cli.Commands;

/// <summary><c>touchstone new suite &lt;name&gt;</c>: scaffolds a suite that validates and passes its own tests at once.</summary>
internal static class NewCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "The suite's name: lower-case letters, digits and '-', e.g. my-suite." };
        var root = new Option<string>("--root")
        {
            Description = "The Touchstone checkout to write into.",
            DefaultValueFactory = _ => ".",
            HelpName = "folder",
        };
        var suite = new Command("suite",
            "Write a new suite: its config record and experiment (src/Touchstone.Suites/<Name>/), suites/<name>.yaml, its " +
            "tests (tests/Touchstone.Suites.Tests/<Name>/) and its line in ExperimentCatalog.cs. The experiment is a small " +
            "real one built on the suite kit; after a build, 'touchstone validate' and its tests pass. Then replace it with " +
            "your protocol (docs/writing-a-suite.md).")
        {
            name,
            root,
        };
        suite.SetAction(parse => TouchstoneCli.Guard(context, () =>
        {
            var written = SuiteScaffold.Create(parse.GetValue(root)!, parse.GetValue(name)!);
            foreach (var file in written)
            {
                context.Console.PlainLine($"wrote {file}");
            }
            context.Console.PlainLine("Next: dotnet build src/Touchstone.Cli -c Release, touchstone validate, " +
                $"dotnet test tests/Touchstone.Suites.Tests -c Release --filter \"FullyQualifiedName~{SuiteScaffold.TypeName(parse.GetValue(name)!)}\".");
            return ExitCodes.Ok;
        }));
        return new Command("new", "Scaffold new pieces of Touchstone.") { suite };
    }
}
