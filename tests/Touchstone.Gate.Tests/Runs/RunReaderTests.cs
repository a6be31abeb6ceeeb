using Touchstone.Core.Results;
using Touchstone.Gate.Runs;
using Touchstone.Gate.Tests.Support;
using Touchstone.Testing;

namespace Touchstone.Gate.Tests.Runs;

public sealed class RunReaderTests
{
    [Fact]
    public void Reads_manifest_and_tables_of_a_run_folder()
    {
        using var temp = new TempDirectory();
        var dir = new RunFixture().Seeds("a", "test", "mse", 0.5, 0.4).Cell("a", 2, CellStatus.Failed, "boom").WriteTo(temp.Combine("run-1"));
        var run = RunReader.Read(dir);
        Assert.Equal("run-1", run.Manifest.RunId);
        Assert.Equal("smoke", run.Manifest.Profile);
        Assert.Equal(RunFixture.Environment, run.Manifest.Fingerprint);
        Assert.Equal([CellStatus.Ok, CellStatus.Ok, CellStatus.Failed], run.Cells.Select(c => c.Status));
        Assert.Equal("boom", run.Cells[2].Error);
        Assert.Equal([0.5, 0.4], run.Metrics.Select(m => m.Value));
    }

    [Fact]
    public void Missing_folder_says_to_pass_a_run_folder()
    {
        var error = Assert.Throws<GateInputException>(() => RunReader.Read("/nonexistent/run"));
        Assert.Equal("run folder '/nonexistent/run' does not exist; pass --run with a folder made by `touchstone run` (results/runs/<run-id>)", error.Message);
    }

    [Fact]
    public void Folder_without_manifest_is_not_a_run_folder()
    {
        using var temp = new TempDirectory();
        var error = Assert.Throws<GateInputException>(() => RunReader.Read(temp.Path));
        Assert.Equal($"{temp.Path} is not a run folder (it has no manifest.json); pass a folder under results/runs", error.Message);
    }

    [Fact]
    public void Broken_manifest_names_the_file_and_line()
    {
        using var temp = new TempDirectory();
        var dir = new RunFixture().Seeds("a", "test", "mse", 0.5, 0.4).WriteTo(temp.Combine("run"));
        File.WriteAllText(Path.Combine(dir, "manifest.json"), "{\n  \"run_id\": \"x\",\n  oops\n}");
        var error = Assert.Throws<GateInputException>(() => RunReader.Read(dir));
        Assert.StartsWith($"cannot read {Path.Combine(dir, "manifest.json")}:", error.Message);
        Assert.Contains("it is not valid JSON (line 3)", error.Message);
    }

    [Fact]
    public void Missing_table_says_to_finish_or_merge_the_run()
    {
        using var temp = new TempDirectory();
        var dir = new RunFixture().Seeds("a", "test", "mse", 0.5, 0.4).WriteTo(temp.Combine("run"));
        File.Delete(Path.Combine(dir, "metrics.parquet"));
        var error = Assert.Throws<GateInputException>(() => RunReader.Read(dir));
        Assert.StartsWith($"{Path.Combine(dir, "metrics.parquet")} is missing: the run has no finished cells", error.Message);
    }

    [Fact]
    public void Corrupt_table_names_the_file_and_says_to_rerun()
    {
        using var temp = new TempDirectory();
        var dir = new RunFixture().Seeds("a", "test", "mse", 0.5, 0.4).WriteTo(temp.Combine("run"));
        var path = Path.Combine(dir, "cells.parquet");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var error = Assert.Throws<GateInputException>(() => RunReader.Read(dir));
        Assert.StartsWith($"{path} cannot be read:", error.Message);
        Assert.EndsWith("Rerun or resume the run to rewrite it.", error.Message);
    }
}
