using System.CommandLine;

namespace Touchstone.Cli.Commands;

/// <summary>Options several commands share.</summary>
internal static class SharedOptions
{
    public static Option<string> SuitesDirectory() => new("--suites-dir")
    {
        Description = "Folder with the suite YAML files.",
        DefaultValueFactory = _ => "suites",
        HelpName = "folder",
    };
}
