using System.Text.Json;
using Touchstone.Cli.Tests.Crash;
using Touchstone.Cli.Tests.Support;
using Touchstone.Core.Results;
using Touchstone.Core.Verification;
using Touchstone.Parquet;
using Touchstone.Testing;

namespace Touchstone.Cli.Tests.Commands;

public sealed class ThreadSettingsTests
{
    private static string RepoSuites => RepoPaths.Combine("suites");

    // The property issue 13 is about: on this machine OpenBLAS rounds sgemm differently with two threads than with
    // one, and the pool used to be sized from --jobs. Now the run's thread setting alone decides it.
    [Theory]
    [InlineData("spectral-gap", "shipped")]
    [InlineData("ebt-ffn-ood", "uniform")]
    public void Jobs_one_and_two_give_bit_identical_values_for_libtorch_suites(string suite, string variant)
    {
        using var dir = new TempDirectory();
        string[] cells = ["--suites-dir", RepoSuites, "--suite", suite, "--variant", variant, "--seeds", "0,1", "--results", dir.Path, "--no-tracking"];

        var one = Tool.Run(["run", .. cells, "--run-id", "one", "--jobs", "1"]);
        var two = Tool.Run(["run", .. cells, "--run-id", "two", "--jobs", "2"]);

        Assert.True(one.Exit == 0, one.ToString());
        Assert.True(two.Exit == 0, two.ToString());
        var comparison = ValueComparison.Of(
            ParquetRecords.Read<MetricRow>(dir.Combine("one", "curves.parquet")), ParquetRecords.Read<MetricRow>(dir.Combine("two", "curves.parquet")),
            ParquetRecords.Read<MetricRow>(dir.Combine("one", "metrics.parquet")), ParquetRecords.Read<MetricRow>(dir.Combine("two", "metrics.parquet")));
        Assert.True(comparison.Identical, $"{comparison.Differing} values differ, first {comparison.First?.Where}");
        Assert.True(comparison.Compared > 10);
    }

    [Fact]
    public void The_manifest_and_the_fingerprint_record_one_thread_of_each_by_default()
    {
        using var dir = new TempDirectory();

        Assert.Equal(0, Tool.RunSuite(dir.Path, "r1", "--suite", "harness", "--seeds", "0").Exit);

        using var manifest = JsonDocument.Parse(File.ReadAllText(dir.Combine("r1", "manifest.json")));
        var root = manifest.RootElement;
        Assert.Equal("""{"intra_op":1,"blas":1}""", JsonSerializer.Serialize(root.GetProperty("threads")));
        var numerics = root.GetProperty("fingerprint").GetProperty("numerics");
        Assert.Equal(1, numerics.GetProperty("intra_op_threads").GetInt32());
        Assert.Equal(1, numerics.GetProperty("blas_threads").GetInt32());
        Assert.Equal("warn-only", numerics.GetProperty("deterministic_algorithms").GetString());
    }

    // In a child process: the thread setting is process-wide, and the other tests of this process run with one.
    [Fact]
    public void Threads_chosen_on_the_command_line_are_applied_and_recorded()
    {
        using var dir = new TempDirectory();
        using var child = ChildRun.Start(RepoPaths.Root, "run", "--suites-dir", Tool.TestSuites, "--suite", "harness", "--seeds", "0",
            "--threads", "2", "--results", dir.Path, "--run-id", "r2", "--no-tracking");

        Assert.True(child.WaitForExit(TimeSpan.FromMinutes(2)) == 0, child.Output);

        Assert.Contains("threads per cell: intra-op 2, BLAS 2", child.Output);
        using var manifest = JsonDocument.Parse(File.ReadAllText(dir.Combine("r2", "manifest.json")));
        var fingerprint = manifest.RootElement.GetProperty("fingerprint").GetProperty("numerics");
        Assert.Equal((2, 2), (fingerprint.GetProperty("intra_op_threads").GetInt32(), fingerprint.GetProperty("blas_threads").GetInt32()));
    }

    [Fact]
    public void Resume_refuses_another_thread_setting()
    {
        using var dir = new TempDirectory();
        Tool.RunSuite(dir.Path, "r1", "--suite", "harness", "--seeds", "0");

        var result = Tool.Run("run", "--resume", dir.Combine("r1"), "--threads", "2");

        Assert.Equal(2, result.Exit);
        Assert.Contains("drop --threads", result.Err);
    }

    [Fact]
    public void Zero_threads_is_bad_input()
    {
        using var dir = new TempDirectory();

        var result = Tool.RunSuite(dir.Path, "r1", "--suite", "harness", "--threads", "0");

        Assert.Equal(2, result.Exit);
        Assert.Equal("error: --threads 0: a cell needs at least one thread (--threads 1 or more)\n", result.Err);
    }
}
