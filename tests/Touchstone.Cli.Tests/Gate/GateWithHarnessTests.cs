using System.Xml.Linq;
using Touchstone.Cli.Commands;
using Touchstone.Cli.Tests.Support;
using Touchstone.Core.Results;
using Touchstone.Parquet;
using Touchstone.Testing;

namespace Touchstone.Cli.Tests.Gate;

// The real path: `touchstone run` of the repository's selftest suite (smoke profile: 2 variants × 3 seeds, pure C#,
// bit-reproducible on CPU), then promote and gate with the suite declarations read from suites/selftest.yaml.
public sealed class GateWithHarnessTests : IDisposable
{
    private static readonly string Suites = RepoPaths.Combine("suites");
    private readonly TempDirectory _temp = new("touchstone-gate-harness");

    public void Dispose() => _temp.Dispose();

    private string RunSelftest(string runId, params string[] more)
    {
        var result = Tool.Run(["run", "--suites-dir", Suites, "--suite", "selftest", "--results", _temp.Combine("runs"), "--run-id", runId, "--no-tracking", .. more]);
        Assert.True(result.Exit == 0, result.ToString());
        return _temp.Combine("runs", runId);
    }

    private (int Code, string Out, string Err) Invoke(string verb, params string[] args) => GateCli.Invoke(
        verb == "gate" ? GateCommand.Create() : PromoteCommand.Create(),
        [verb, "--suites-dir", Suites, "--baselines", _temp.Combine("baselines"), .. args]);

    private static IReadOnlyList<(string Class, string Name, string Type)> Failures(string junit) =>
        XDocument.Load(junit).Descendants("testcase")
            .Where(c => c.Element("failure") is not null)
            .Select(c => (c.Attribute("classname")!.Value, c.Attribute("name")!.Value, c.Element("failure")!.Attribute("type")!.Value))
            .ToList();

    [Fact]
    public void Promote_rerun_regress_and_reconfigure_the_selftest_suite()
    {
        var reference = RunSelftest("ref");
        var promoted = Invoke("promote", "--run", reference);
        Assert.True(promoted.Code == 0, promoted.Err);
        Assert.Contains("  sgd test/mse: added", promoted.Out);

        // An identical rerun: every per-seed value is bit-identical, so every gated metric is NO-CHANGE (exact).
        var rerun = RunSelftest("rerun");
        var junit = _temp.Combine("junit.xml");
        var same = Invoke("gate", "--run", rerun, "--junit", junit);
        Assert.True(same.Code == 0, same.Out + same.Err);
        Assert.Contains("PASSED (4 gated metrics) — 4 NO-CHANGE", same.Out);
        Assert.Empty(Failures(junit));

        // Inject a regression into one metric of one variant: test/mse of sgd 30% worse on every seed (margin 10%).
        var metricsPath = Path.Combine(rerun, "metrics.parquet");
        var rows = ParquetRecords.Read<MetricRow>(metricsPath)
            .Select(r => r.Variant == "sgd" && r.Split == "test" && r.Metric == "mse" ? r with { Value = r.Value * 1.3 } : r)
            .ToList();
        ParquetRecords.Write(metricsPath, rows);
        // A hand-edited table fails its recorded SHA-256 (exit 2) unless the checksums are rewritten with it.
        Checksums.Write(Path.Combine(rerun, "tables.sha256"), [metricsPath, Path.Combine(rerun, "curves.parquet"), Path.Combine(rerun, "cells.parquet")]);
        var regressed = Invoke("gate", "--run", rerun, "--junit", junit);
        Assert.True(regressed.Code == 1, regressed.Out + regressed.Err);
        Assert.Equal([("touchstone.selftest.sgd", "test/mse", "REGRESSED")], Failures(junit));
        Assert.Contains("FAILED (1 of 4 gated metrics) — 1 REGRESSED · 3 NO-CHANGE", regressed.Out);

        // A changed config value: the config hash differs, so the baseline is stale.
        var changed = RunSelftest("changed", "--set", "training.lr=0.04");
        var stale = Invoke("gate", "--run", changed, "--junit", junit);
        Assert.Equal(1, stale.Code);
        Assert.Equal(
            [("touchstone.selftest.sgd", "test/mse", "STALE"), ("touchstone.selftest.sgd", "test/r2", "STALE"),
             ("touchstone.selftest.small-lr", "test/mse", "STALE"), ("touchstone.selftest.small-lr", "test/r2", "STALE")],
            Failures(junit).OrderBy(f => f.Class).ThenBy(f => f.Name, StringComparer.Ordinal).ToList());
        Assert.Contains("config hash", stale.Out);
    }

    [Fact]
    public void Verbs_composed_from_the_cli_context_gate_a_real_run()
    {
        var reference = RunSelftest("ref");
        var baselines = _temp.Combine("baselines");
        var promoted = GateCli.Composed("promote", "--run", reference, "--suites-dir", Suites, "--baselines", baselines);
        Assert.True(promoted.Code == 0, promoted.Err);
        var gated = GateCli.Composed("gate", "--run", reference, "--suites-dir", Suites, "--baselines", baselines, "--inconclusive", "fail");
        Assert.True(gated.Code == 0, gated.Out + gated.Err);
        Assert.Contains("│ selftest/sgd      │ test/mse ↓ │ NO-CHANGE │", gated.Out);
        Assert.Contains("PASSED (4 gated metrics) — 4 NO-CHANGE", gated.Out);
    }

    [Fact]
    public void Unknown_option_value_is_bad_input_through_the_cli()
    {
        var result = GateCli.Composed("gate", "--run", _temp.Path, "--stale", "sometimes");
        Assert.Equal(2, result.Code);
        Assert.Contains("sometimes", result.Err);
    }

    [Fact]
    public void Invalid_suite_file_stops_the_gate_with_its_location()
    {
        var suites = _temp.Combine("suites");
        Directory.CreateDirectory(suites);
        File.WriteAllText(Path.Combine(suites, "broken.yaml"), "name: broken\nexperiment: nope\n");
        var (code, _, error) = GateCli.Invoke(GateCommand.Create(), ["gate", "--run", _temp.Path, "--suites-dir", suites]);
        Assert.Equal(2, code);
        Assert.Contains(Path.Combine(suites, "broken.yaml") + ":", error);
    }
}
