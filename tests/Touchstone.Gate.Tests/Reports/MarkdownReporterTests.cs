using Touchstone.Gate.Reports;
using Touchstone.Gate.Tests.Support;
using Touchstone.Gate.Verdicts;

namespace Touchstone.Gate.Tests.Reports;

public sealed class MarkdownReporterTests
{
    private static string Render(GateReport report)
    {
        var writer = new StringWriter();
        new MarkdownReporter(writer).Write(report);
        return writer.ToString();
    }

    [Fact]
    public void Headline_says_failed_with_the_count_and_the_policy()
    {
        var text = Render(SampleResults.Mixed());
        Assert.StartsWith("## ❌ Touchstone gate FAILED (3 of 5 gated metrics)", text);
        Assert.Contains("α = 0.05 (Holm across 2 tested gated metrics) · stale: fail · inconclusive: pass", text);
        Assert.Contains("**1 REGRESSED · 1 NO-CHANGE · 1 INCONCLUSIVE · 1 DIVERGED · 1 STALE · 1 REPORTED (not judged)**", text);
    }

    [Fact]
    public void Verdict_row_shows_means_sds_difference_interval_p_values_and_n()
    {
        var line = Render(SampleResults.Mixed()).Split('\n').Single(l => l.Contains("`test/mse`"));
        Assert.Equal(
            "| ❌ | spectral-gap / base | `test/mse` (lower is better) | **REGRESSED** | 1.024 ± 0.05595 | 5 | 1.33 ± 0.03742 | 5 | +0.306 [+0.2802, +0.3318] | 10% (0.1024) | <0.0001 | <0.0001 | worse · paired |",
            line.TrimEnd());
    }

    [Fact]
    public void Every_table_line_has_the_same_number_of_cells()
    {
        var tableLines = Render(SampleResults.Mixed()).Split('\n').Where(l => l.StartsWith('|')).ToList();
        Assert.True(tableLines.Count >= 8);
        Assert.All(tableLines, l => Assert.Equal(14, l.Count(c => c == '|') - l.Split("\\|").Length + 1));
    }

    [Fact]
    public void Details_explain_inconclusive_diverged_and_stale_rows()
    {
        var text = Render(SampleResults.Mixed());
        Assert.Contains("- **INCONCLUSIVE** spectral-gap/base/test/loss\n  - about 323 seeds per side would decide it", text.ReplaceLineEndings("\n"));
        Assert.Contains("  - candidate seed 2 diverged: loss became NaN at step 40", text);
        Assert.Contains("  - config hash: c0ffee000000… (baseline) vs f00d (candidate)", text);
    }

    [Fact]
    public void A_reported_metric_is_labelled_reported_and_not_judged()
    {
        var text = Render(SampleResults.Mixed());
        // aux is 0.5 worse on every seed: a gated metric would be REGRESSED.
        var line = text.Split('\n').Single(l => l.Contains("`test/aux`"));

        Assert.Contains("| ℹ️ | spectral-gap / base | `test/aux` (lower is better) | **REPORTED** |", line);
        Assert.Contains("+0.5 (exact)", line);
        Assert.Contains("### Reported metrics (not gated, not judged", text);
        Assert.DoesNotContain("test/aux (reported only)", text);
    }

    [Fact]
    public void Says_what_the_seeds_can_detect()
    {
        var text = Render(SampleResults.Mixed());
        Assert.Contains("With 5 seeds per side (paired; 2 metrics), a degradation of about 1.4 sd of the per-seed differences beyond the margin is detected 80% of the time at α = 0.05; at Holm's strictest step (α/2 = 0.025) about 1.7.", text);
        Assert.Contains("1 metric has no seed variance (deterministic runs)", text);
    }

    [Fact]
    public void Passing_gate_has_a_passed_headline()
    {
        var report = SampleResults.Mixed(GatePolicy.Default);
        var passing = report with { Result = report.Result with { Verdicts = report.Result.Verdicts.Where(v => !v.FailsGate).ToList() } };
        Assert.StartsWith("## ✅ Touchstone gate PASSED (2 gated metrics)", Render(passing));
    }
}
