using System.Xml.Linq;
using Touchstone.Gate.Reports;
using Touchstone.Gate.Tests.Support;
using Touchstone.Gate.Verdicts;

namespace Touchstone.Gate.Tests.Reports;

public sealed class JUnitReporterTests
{
    private static XDocument Render(GateReport report)
    {
        var writer = new StringWriter();
        new JUnitReporter(writer).Write(report);
        return XDocument.Parse(writer.ToString());
    }

    [Fact]
    public void One_test_case_per_gated_metric_and_failures_for_failing_rows()
    {
        var xml = Render(SampleResults.Mixed());
        var root = xml.Root!;
        Assert.Equal("testsuites", root.Name.LocalName);
        Assert.Equal("5", root.Attribute("tests")!.Value);
        Assert.Equal("3", root.Attribute("failures")!.Value);
        var cases = root.Descendants("testcase").ToList();
        Assert.Equal(5, cases.Count);
        Assert.DoesNotContain(cases, c => c.Attribute("name")!.Value == "test/aux");
        var failures = cases.Where(c => c.Element("failure") is not null)
            .Select(c => (c.Attribute("classname")!.Value, c.Attribute("name")!.Value, c.Element("failure")!.Attribute("type")!.Value))
            .ToList();
        Assert.Equal(
            [("touchstone.spectral-gap.base", "test/mse", "REGRESSED"), ("touchstone.energy-ood.base", "test/fpr95", "DIVERGED"), ("touchstone.grokking.base", "test/acc", "STALE")],
            failures);
    }

    [Fact]
    public void Failure_message_carries_the_evidence_or_the_reason()
    {
        var cases = Render(SampleResults.Mixed()).Descendants("testcase").ToList();
        var regressed = cases.Single(c => c.Attribute("name")!.Value == "test/mse").Element("failure")!.Attribute("message")!.Value;
        Assert.StartsWith("REGRESSED: test/mse (lower is better, margin 10% (0.1024)): baseline 1.024 ± 0.05595 (n=5), candidate 1.33 ± 0.03742 (n=5), Δ +0.306", regressed);
        var diverged = cases.Single(c => c.Attribute("name")!.Value == "test/fpr95").Element("failure")!.Attribute("message")!.Value;
        Assert.Equal("DIVERGED: candidate seed 2 diverged: loss became NaN at step 40", diverged);
        var stale = cases.Single(c => c.Parent!.Attribute("name")!.Value.StartsWith("grokking")).Element("failure")!.Attribute("message")!.Value;
        Assert.Equal("STALE: config hash: c0ffee000000… (baseline) vs f00d (candidate)", stale);
    }

    [Fact]
    public void Suites_group_the_cases_with_their_own_counts()
    {
        var suites = Render(SampleResults.Mixed()).Root!.Elements("testsuite").ToList();
        Assert.Equal(["spectral-gap (smoke)", "energy-ood (smoke)", "grokking (smoke)"], suites.Select(s => s.Attribute("name")!.Value));
        Assert.Equal(["3", "1", "1"], suites.Select(s => s.Attribute("tests")!.Value));
        Assert.Equal(["1", "1", "1"], suites.Select(s => s.Attribute("failures")!.Value));
    }

    [Fact]
    public void Stale_under_warn_is_skipped_not_failed()
    {
        var xml = Render(SampleResults.Mixed(GatePolicy.Default with { Stale = StalePolicy.Warn }));
        var stale = xml.Descendants("testcase").Single(c => c.Parent!.Attribute("name")!.Value.StartsWith("grokking"));
        Assert.Null(stale.Element("failure"));
        Assert.StartsWith("STALE (warn): config hash", stale.Element("skipped")!.Attribute("message")!.Value);
        Assert.Equal("2", xml.Root!.Attribute("failures")!.Value);
        Assert.Equal("1", xml.Root!.Attribute("skipped")!.Value);
    }

    [Fact]
    public void Passing_cases_record_their_verdict_in_system_out()
    {
        var inconclusive = Render(SampleResults.Mixed()).Descendants("testcase").Single(c => c.Attribute("name")!.Value == "test/loss");
        Assert.Null(inconclusive.Element("failure"));
        Assert.StartsWith("INCONCLUSIVE\n", inconclusive.Element("system-out")!.Value);
        Assert.Contains("about 323 seeds per side", inconclusive.Element("system-out")!.Value);
    }
}
