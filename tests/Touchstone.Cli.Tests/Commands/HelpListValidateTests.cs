using Touchstone.Cli.Tests.Support;
using Touchstone.Testing;

namespace Touchstone.Cli.Tests.Commands;

public sealed class HelpListValidateTests
{
    [Fact]
    public void Root_help_explains_the_verbs_with_examples_and_exit_codes()
    {
        var result = Tool.Run("--help");

        Assert.Equal(0, result.Exit);
        foreach (var text in new[] { "list", "validate", "run", "merge", "gate", "promote", "mlflow", "touchstone run --resume results/runs/<id>", "Exit codes: 0 success" })
        {
            Assert.Contains(text, result.Out);
        }
    }

    [Fact]
    public void Run_help_lists_every_option()
    {
        var result = Tool.Run("run", "--help");

        Assert.Equal(0, result.Exit);
        foreach (var option in new[] { "--suite", "--profile", "--variant", "--seeds", "--shard", "--device", "--jobs", "--threads", "--results",
                     "--run-id", "--resume", "--suites-dir", "--set", "--no-tracking", "overrides" })
        {
            Assert.Contains(option, result.Out);
        }
    }

    [Fact]
    public void Unknown_option_is_bad_input_with_a_pointer_to_help()
    {
        var result = Tool.Run("run", "--profle", "smoke");

        Assert.Equal(2, result.Exit);
        Assert.Equal(
            "touchstone: unknown option '--profle'; did you mean '--profile'?\n" +
            "touchstone: 'smoke' is neither an option nor a key.path=value override\n" +
            "Run 'touchstone run --help' for the options.\n",
            result.Err);
    }

    [Fact]
    public void List_shows_suites_variants_profiles_and_metrics()
    {
        var result = Tool.Run("list", "--suites-dir", Tool.TestSuites);

        Assert.Equal(0, result.Exit);
        foreach (var text in new[] { "harness", "slow", "diverges", "all-endings: 2 seeds, 6 cells", "smoke: 2 seeds, 2 cells",
                     "test/mse (lower gate 10%)", "Registered experiments: analogy, ebt-ffn-ood-listops, ebt-ffn-ood-vector, physics-curriculum, regression-vs-flow, scan, scan-curriculum, selftest, spectral" })
        {
            Assert.Contains(text, result.Out);
        }
    }
    [Fact]
    public void List_names_every_experiment_a_suite_runs_not_only_its_main_one()
    {
        var result = Tool.Run("list", "--suites-dir", RepoPaths.Combine("suites"));

        Assert.True(result.Exit == 0, result.ToString());
        // The table, not the "Registered experiments" line that names every experiment anyway.
        var table = result.Out[..result.Out.IndexOf("Registered experiments", StringComparison.Ordinal)];
        Assert.Contains("ebt-ffn-ood-vector", table);
        Assert.Contains("ebt-ffn-ood-listops", table);
    }

    [Fact]
    public void Validate_accepts_the_repository_suites()
    {
        var result = Tool.Run("validate", "--suites-dir", RepoPaths.Combine("suites"));

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("suite 'selftest' (experiment selftest;", result.Out);
        Assert.Contains("suite 'ebt-ffn-ood' (experiments ebt-ffn-ood-vector, ebt-ffn-ood-listops;", result.Out);
    }

    [Fact]
    public void Validate_prints_each_problem_with_file_line_and_column_and_exits_2()
    {
        using var dir = new TempDirectory();
        var text = File.ReadAllText(Path.Combine(Tool.TestSuites, "harness.yaml"))
            .Replace("lr: 0.05", "lr: fast")
            .Replace("experiment: selftest", "experiment: selftset");
        File.WriteAllText(dir.Combine("bad.yaml"), text);

        var result = Tool.Run("validate", dir.Combine("bad.yaml"));

        Assert.Equal(2, result.Exit);
        Assert.Equal(
            [
                $"{dir.Combine("bad.yaml")}:3:13: error: unknown experiment 'selftset'; did you mean 'selftest'? (registered: analogy, ebt-ffn-ood-listops, ebt-ffn-ood-vector, physics-curriculum, regression-vs-flow, scan, scan-curriculum, selftest, spectral)",
            ],
            result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(1));
        Assert.DoesNotContain("   at ", result.Err);
    }

    [Fact]
    public void Validate_reports_every_problem_in_one_pass()
    {
        using var dir = new TempDirectory();
        var text = File.ReadAllText(Path.Combine(Tool.TestSuites, "harness.yaml"))
            .Replace("lr: 0.05", "lr: fast")
            .Replace("faults.nan_at_step: 20", "faults.nan_at_stp: 20");
        File.WriteAllText(dir.Combine("bad.yaml"), text);

        var result = Tool.Run("validate", dir.Combine("bad.yaml"));

        Assert.Equal(2, result.Exit);
        var lines = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"{dir.Combine("bad.yaml")}:8:", lines[0]);
        Assert.Contains("'config.training.lr' must be a number, not the string 'fast'", lines[0]);
        Assert.StartsWith($"{dir.Combine("bad.yaml")}:12:", lines[1]);
        Assert.Contains("'faults' has no key 'nan_at_stp'; did you mean 'nan_at_step'?", lines[1]);
        Assert.Equal("2 problems in 1 file(s); nothing was run.", lines[2]);
    }

    [Fact]
    public void Missing_suites_folder_is_bad_input()
    {
        var result = Tool.Run("validate", "--suites-dir", "/no/such/folder");

        Assert.Equal(2, result.Exit);
        Assert.Equal("error: suites folder '/no/such/folder' does not exist; pass --suites-dir <folder with the suite YAML files>\n", result.Err);
    }
}
