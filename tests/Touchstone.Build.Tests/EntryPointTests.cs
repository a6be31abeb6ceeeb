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
    public void Ci_runs_the_slurm_stage_after_the_main_job()
    {
        var lines = File.ReadAllLines(RepoPaths.Combine(".ci", "run")).Select(l => l.Trim()).ToList();

        var slurm = lines.FindIndex(l => l.StartsWith("./build.sh --target=SlurmCi", StringComparison.Ordinal));
        Assert.True(slurm > lines.FindIndex(l => l.StartsWith(MainJob, StringComparison.Ordinal)), "SlurmCi must come after the smoke run it compares with");
    }

    [Fact]
    public void Slurm_scripts_are_valid_bash()
    {
        var scripts = Directory.GetFiles(RepoPaths.Combine("ci", "slurm")).Where(f => f.EndsWith(".sh", StringComparison.Ordinal) || f.EndsWith(".sbatch", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, scripts.Count);
        foreach (var script in scripts)
        {
            var start = new System.Diagnostics.ProcessStartInfo("bash") { RedirectStandardError = true };
            start.ArgumentList.Add("-n");
            start.ArgumentList.Add(script);
            using var process = System.Diagnostics.Process.Start(start)!;
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{script}: {errors}");
        }
    }

    [Fact]
    public void Cake_declares_every_target_the_build_promises()
    {
        string[] promised = ["Deps", "Native", "Build", "Test", "Smoke", "Run", "Gate", "Promote", "Verify", "Report", "Nightly", "NightlyCpu", "Merge", "Slurm", "SlurmCi", "Bench", "Clean", "Default"];

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
