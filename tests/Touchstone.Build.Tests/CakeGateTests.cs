using System.Diagnostics;
using Touchstone.Core.Results;
using Touchstone.Parquet;
using Touchstone.Testing;

namespace Touchstone.Build.Tests;

/// <summary>
/// The Gate target as CI runs it (`dotnet cake --target=Gate`), on a real run of the selftest suite promoted to a
/// baseline of its own: passing as it is, failing once one metric is made worse.
/// </summary>
public sealed class CakeGateTests
{
    // The configuration these tests were built in is the one whose CLI the project reference built.
    private static readonly string Configuration =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";

    private static readonly string Cli = RepoPaths.Combine("src", "Touchstone.Cli", "bin", Configuration, "net10.0", "touchstone.dll");

    [Fact]
    public void Gate_target_passes_an_unchanged_run_and_fails_with_a_junit_failure_after_an_injected_regression()
    {
        using var dir = new TempDirectory();
        var suites = Directory.CreateDirectory(dir.Combine("suites")).FullName;
        File.Copy(RepoPaths.Combine("suites", "selftest.yaml"), Path.Combine(suites, "selftest.yaml"));
        var run = dir.Combine("runs", "r1");
        var baselines = dir.Combine("baselines");
        Touchstone(0, "run", "--suites-dir", suites, "--results", dir.Combine("runs"), "--run-id", "r1", "--no-tracking");
        Touchstone(0, "promote", "--run", run, "--baselines", baselines);

        var unchanged = Cake("Gate", run, baselines, dir.Combine("reports-unchanged"));
        Assert.True(unchanged.Exit == 0, unchanged.Output);

        MakeWorse(run, variant: "sgd", split: "test", metric: "mse", factor: 1.5);
        var regressed = Cake("Gate", run, baselines, dir.Combine("reports-regressed"));

        Assert.True(regressed.Exit != 0, regressed.Output);
        Assert.Contains("REGRESSED", regressed.Output);
        var junit = File.ReadAllText(dir.Combine("reports-regressed", "gate-junit.xml"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(junit, "<failure "));
        Assert.Contains("type=\"REGRESSED\"", junit);
    }

    // Rewrites the run's final metric table with one metric multiplied, as a code change that hurt it would.
    private static void MakeWorse(string run, string variant, string split, string metric, double factor)
    {
        var path = Path.Combine(run, "metrics.parquet");
        var metadata = ParquetRecords.ReadMetadata(path);
        var rows = ParquetRecords.Read<MetricRow>(path)
            .Select(r => r.Variant == variant && r.Split == split && r.Metric == metric ? r with { Value = r.Value * factor } : r)
            .ToList();
        ParquetRecords.Write(path, rows, new ParquetWriteOptions { Metadata = metadata });
        // The run's recorded checksums follow the edit, or the gate would (rightly) refuse a changed table.
        Checksums.Write(Path.Combine(run, "tables.sha256"), [path, Path.Combine(run, "curves.parquet"), Path.Combine(run, "cells.parquet")]);
    }

    private static void Touchstone(int expectedExit, params string[] args)
    {
        var result = Execute("dotnet", [Cli, .. args]);
        Assert.True(result.Exit == expectedExit, $"touchstone {string.Join(' ', args)}:\n{result.Output}");
    }

    private static (int Exit, string Output) Cake(string target, string run, string baselines, string reports) =>
        Execute("dotnet", ["cake", RepoPaths.Combine("build.cake"), $"--target={target}", "--exclusive",
            $"--configuration={Configuration}", $"--run={run}", $"--baselines={baselines}", $"--reports={reports}"]);

    private static (int Exit, string Output) Execute(string tool, string[] args)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', args)} did not finish in 3 minutes");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
