using Touchstone.Testing;

namespace Touchstone.Build.Tests;

public sealed class EntryPointTests
{
    private const string MainJob = "./build.sh --target=Smoke";
    private const string TestCommand = "./build.sh --target=Test";

    [Fact]
    public void Readme_gives_the_main_job_and_the_test_command()
    {
        var readme = File.ReadAllText(RepoPaths.Combine("README.md"));

        Assert.Contains(MainJob, readme);
        Assert.Contains(TestCommand, readme);
    }

    [Fact]
    public void Ci_runs_the_readme_test_command_and_the_main_job()
    {
        var lines = File.ReadAllLines(RepoPaths.Combine(".ci", "run")).Select(l => l.Trim()).ToList();

        Assert.Contains(TestCommand, lines);
        Assert.Contains(lines, l => l.StartsWith(MainJob, StringComparison.Ordinal));
        Assert.True(lines.IndexOf(TestCommand) < lines.FindIndex(l => l.StartsWith(MainJob, StringComparison.Ordinal)));
    }

    [Fact]
    public void Cake_declares_every_target_the_build_promises()
    {
        string[] promised = ["Deps", "Native", "Build", "Test", "Smoke", "Run", "Gate", "Promote", "Report", "Nightly", "Merge", "Bench", "Clean", "Default"];

        Assert.All(promised, target => Assert.Contains(target, CakeTargets.All));
    }

    [Fact]
    public void Cake_tool_is_pinned_in_the_tool_manifest()
    {
        var manifest = File.ReadAllText(RepoPaths.Combine(".config", "dotnet-tools.json"));

        Assert.Contains("\"cake.tool\"", manifest);
        Assert.Matches("\"version\": \"\\d+\\.\\d+\\.\\d+\"", manifest);
    }
}
