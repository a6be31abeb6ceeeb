using System.Xml.Linq;
using Touchstone.Core.Results;
using Touchstone.Testing;

namespace Touchstone.Cli.Tests.Gate;

// The whole path through the CLI verbs: promote a run, gate reruns of it, read the exit code and the reports.
public sealed class GateEndToEndTests : IDisposable
{
    private readonly TempDirectory _temp = new("touchstone-gate-e2e");

    private string Baselines => _temp.Combine("baselines");

    public void Dispose() => _temp.Dispose();

    private string PromoteReference()
    {
        var reference = GateCli.WriteRun(_temp.Combine("runs", "ref"), "ref", GateCli.Values());
        var (code, output, error) = GateCli.Promote("promote", "--run", reference, "--baselines", Baselines);
        Assert.True(code == 0, error);
        Assert.StartsWith($"toy (smoke): created {Path.Combine(Baselines, "toy", "smoke.parquet")} from run ref", output);
        return reference;
    }

    private (int Code, string Out, string Err, XDocument JUnit, string Markdown) GateRun(string run, params string[] extra)
    {
        var junit = _temp.Combine("reports", "gate-junit.xml");
        var markdown = _temp.Combine("reports", "gate.md");
        var (code, output, error) = GateCli.Gate(["gate", "--run", run, "--baselines", Baselines, "--junit", junit, "--markdown", markdown, .. extra]);
        return (code, output, error, XDocument.Load(junit), File.ReadAllText(markdown));
    }

    private static IReadOnlyList<(string Name, string Type)> Failures(XDocument junit) =>
        junit.Descendants("testcase")
            .Where(c => c.Element("failure") is not null)
            .Select(c => (c.Attribute("name")!.Value, c.Element("failure")!.Attribute("type")!.Value))
            .ToList();

    [Fact]
    public void Identical_rerun_is_no_change_everywhere_and_exits_zero()
    {
        PromoteReference();
        var rerun = GateCli.WriteRun(_temp.Combine("runs", "rerun"), "rerun", GateCli.Values());
        var (code, output, error, junit, markdown) = GateRun(rerun);
        Assert.True(code == 0, output + error);
        Assert.Equal(2, junit.Descendants("testcase").Count());
        Assert.Empty(Failures(junit));
        Assert.All(junit.Descendants("system-out"), s => Assert.StartsWith("NO-CHANGE", s.Value));
        Assert.StartsWith("## ✅ Touchstone gate PASSED (2 gated metrics)", markdown);
        Assert.Contains("**2 NO-CHANGE · 1 REPORTED (not judged)**", markdown);
        Assert.Contains("PASSED (2 gated metrics) — 2 NO-CHANGE · 1 REPORTED (not judged)", output);
    }

    [Fact]
    public void Injected_regression_in_one_metric_is_regressed_exits_one_with_exactly_that_junit_failure()
    {
        PromoteReference();
        var values = GateCli.Values();
        values[("ood", "mse")] = values[("ood", "mse")].Select(v => v * 1.2).ToArray(); // 20% worse, margin 5%
        var regressed = GateCli.WriteRun(_temp.Combine("runs", "regressed"), "regressed", values);
        var (code, output, _, junit, markdown) = GateRun(regressed);
        Assert.Equal(1, code);
        Assert.Equal([("ood/mse", "REGRESSED")], Failures(junit));
        Assert.Contains("| ❌ | toy / base | `ood/mse` (lower is better) | **REGRESSED** |", markdown);
        Assert.Contains("worse · paired", markdown);
        Assert.Contains("FAILED (1 of 2 gated metrics) — 1 REGRESSED · 1 NO-CHANGE", output);
    }

    [Fact]
    public void Changed_config_is_stale_and_fails_unless_the_policy_warns()
    {
        PromoteReference();
        var changed = GateCli.WriteRun(_temp.Combine("runs", "changed"), "changed", GateCli.Values(), configHash: "beef");
        var (code, output, _, junit, _) = GateRun(changed);
        Assert.Equal(1, code);
        Assert.Equal([("ood/mse", "STALE"), ("ood/acc", "STALE")], Failures(junit));
        Assert.Contains("config hash: c0ffee → ", output.Replace(" (baseline) vs ", " → "));
        var warned = GateRun(changed, "--stale", "warn");
        Assert.Equal(0, warned.Code);
        Assert.Equal("2", warned.JUnit.Root!.Attribute("skipped")!.Value);
    }

    [Fact]
    public void Diverged_cell_fails_and_is_named()
    {
        PromoteReference();
        var broken = GateCli.WriteRun(_temp.Combine("runs", "broken"), "broken", GateCli.Values(), brokenCell: (3, CellStatus.Diverged));
        var (code, output, _, junit, _) = GateRun(broken);
        Assert.Equal(1, code);
        Assert.Equal([("ood/mse", "DIVERGED"), ("ood/acc", "DIVERGED")], Failures(junit));
        Assert.Contains("candidate seed 3 diverged: loss became NaN at step 7", output);
    }

    [Fact]
    public void Promoting_the_same_values_again_reports_unchanged_and_a_new_value_as_changed()
    {
        PromoteReference();
        var same = GateCli.WriteRun(_temp.Combine("runs", "same"), "same", GateCli.Values());
        var (code, output, _) = GateCli.Promote("promote", "--run", same, "--baselines", Baselines, "--suite", "toy");
        Assert.Equal(0, code);
        Assert.Contains("unchanged (run same has the same values as run ref)", output);

        var values = GateCli.Values();
        values[("ood", "acc")][0] = 0.95; // mean 0.9104 → 0.918, sd 0.008591 → 0.01982 (Python statistics.stdev)
        var next = GateCli.WriteRun(_temp.Combine("runs", "next"), "next", values);
        (code, output, _) = GateCli.Promote("promote", "--run", next, "--baselines", Baselines);
        Assert.Equal(0, code);
        Assert.Contains("replaced", output);
        Assert.Contains("  base ood/acc: 0.9104 ± 0.008591 (n=5) → 0.918 ± 0.01982 (n=5), 1 value changed", output);
        Assert.Contains("  base ood/mse: unchanged (5 seeds)", output);
    }
}
