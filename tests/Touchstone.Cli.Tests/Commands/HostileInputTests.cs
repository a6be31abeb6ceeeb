using Touchstone.Cli.Tests.Crash;
using Touchstone.Cli.Tests.Support;
using Touchstone.Testing;

namespace Touchstone.Cli.Tests.Commands;

/// <summary>Input a hostile or unlucky user gives: each gets a clear error and exit 2, in bounded time and memory.</summary>
public sealed class HostileInputTests
{
    [Fact]
    public void A_one_kilobyte_alias_bomb_is_refused_under_a_256_MB_heap_limit()
    {
        using var dir = new TempDirectory("touchstone-hostile");
        var bomb = dir.Combine("bomb.yaml");
        // Nine levels of nine aliases: 9^9 (387 million) values when expanded, in about a kilobyte.
        File.WriteAllText(bomb, HostileYaml.AliasBomb(levels: 9));
        Assert.True(new FileInfo(bomb).Length < 1500);

        using var child = ChildRun.Start(dir.Path, new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x10000000" }, "validate", bomb);
        var exit = child.WaitForExit(TimeSpan.FromMinutes(1));

        Assert.True(exit == 2, child.Output);
        Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(bomb)}:9:\d+: error: alias '\*l4' expands to", child.Output);
    }

    [Fact]
    public void A_results_folder_that_cannot_be_written_is_bad_input_before_any_cell_runs()
    {
        using var dir = new TempDirectory("touchstone-hostile");
        var file = dir.Combine("a-file");
        File.WriteAllText(file, "");
        foreach (var results in new[] { "/proc/touchstone-results", file, Path.Combine(file, "below") })
        {
            var result = Tool.RunSuite(results, "r1", "--suite", "harness");

            Assert.True(result.Exit == 2, result.ToString());
            Assert.Contains($"{results} is not a writable folder: ", result.Err);
            Assert.DoesNotContain("started", result.Out);
        }
    }

    [Fact]
    public void A_disk_error_in_the_middle_of_a_run_prints_how_to_resume()
    {
        using var dir = new TempDirectory("touchstone-hostile");
        Assert.Equal(0, Tool.RunSuite(dir.Path, "r1", "--suite", "harness").Exit);
        // The second cell's folder becomes a file: writing that cell fails as a full or broken disk would.
        var cell = dir.Combine("r1", "cells", "harness", "ok", "seed-1");
        Directory.Delete(cell, recursive: true);
        File.WriteAllText(cell, "");

        var result = Tool.Run("run", "--resume", dir.Combine("r1"), "--no-tracking");

        Assert.True(result.Exit == 1, result.ToString());
        Assert.Contains($"continue with: touchstone run --resume {dir.Combine("r1")}", result.Out);
        Assert.DoesNotContain("unexpected error", result.Err);
    }

    [Fact]
    public void A_damaged_manifest_is_described_in_words_not_dotnet_type_names()
    {
        using var dir = new TempDirectory("touchstone-hostile");
        Assert.Equal(0, Tool.RunSuite(dir.Path, "r1", "--suite", "harness").Exit);
        var manifest = dir.Combine("r1", "manifest.json");
        var good = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifest))!;
        var wrongKind = good.DeepClone();
        wrongKind["cells"] = new System.Text.Json.Nodes.JsonObject();
        var cases = new Dictionary<string, string>
        {
            ["{}"] = "is not a run manifest: it lacks schema_version, run_id, profile, cells, fingerprint",
            ["null"] = "is not a run manifest: it holds null, not a JSON object",
            ["[1]"] = "is not a run manifest: it holds a list, not a JSON object",
            [wrongKind.ToJsonString()] = "the value of cells (line 1) should be a list of strings",
            ["{\"schema_version\": 1,"] = "it is not valid JSON",
        };
        foreach (var (json, says) in cases)
        {
            File.WriteAllText(manifest, json);
            foreach (var result in new[] { Tool.Run("run", "--resume", dir.Combine("r1"), "--no-tracking"), Tool.Run("merge", "--out", dir.Combine("m"), dir.Combine("r1")) })
            {
                Assert.True(result.Exit == 2, json + "\n" + result);
                Assert.Contains(says, result.Err);
                Assert.DoesNotContain("Touchstone.Core", result.Err);
                Assert.DoesNotContain("System.", result.Err);
            }
        }
    }

    [Fact]
    public void A_run_id_too_long_for_a_folder_says_so()
    {
        using var dir = new TempDirectory("touchstone-hostile");
        var result = Tool.RunSuite(dir.Path, new string('r', 300), "--suite", "harness");

        Assert.True(result.Exit == 2, result.ToString());
        Assert.Contains("is 300 characters long; at most 200 (it names a folder)", result.Err);
    }
}
