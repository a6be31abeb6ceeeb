using Spectre.Console;
using Touchstone.Gate.Reports;
using Touchstone.Gate.Tests.Support;

namespace Touchstone.Gate.Tests.Reports;

public sealed class ConsoleReporterTests
{
    private static string Render(GateReport report)
    {
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(text),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 220;
        new ConsoleReporter(console).Write(report);
        return text.ToString();
    }

    [Fact]
    public void Table_rows_show_verdict_and_evidence()
    {
        var line = Render(SampleResults.Mixed()).Split('\n').Single(l => l.Contains("test/mse"));
        foreach (var cell in new[] { "spectral-gap/base", "test/mse ↓", "REGRESSED", "1.024 ± 0.05595 (5)", "1.33 ± 0.03742 (5)", "+0.306 [+0.2802, +0.3318]", "10% (0.1024)", "<0.0001", "worse · paired" })
        {
            Assert.Contains(cell, line);
        }
    }

    [Fact]
    public void A_reported_metric_shows_its_difference_under_its_own_label()
    {
        var line = Render(SampleResults.Mixed()).Split('\n').Single(l => l.Contains("test/aux"));

        Assert.Contains("REPORTED", line);
        Assert.Contains("+0.5 (exact)", line);
        foreach (var verdict in new[] { "REGRESSED", "IMPROVED", "NO-CHANGE", "INCONCLUSIVE" })
        {
            Assert.DoesNotContain(verdict, line);
        }
    }

    [Fact]
    public void Ends_with_the_outcome_and_lists_reasons()
    {
        var text = Render(SampleResults.Mixed());
        Assert.Contains("FAILED (3 of 5 gated metrics) — 1 REGRESSED · 1 NO-CHANGE · 1 INCONCLUSIVE · 1 DIVERGED · 1 STALE · 1 REPORTED (not judged)", text);
        Assert.Contains("• candidate seed 2 diverged: loss became NaN at step 40", text);
        Assert.Contains("Reported metrics", text);
    }

    [Fact]
    public void Markup_characters_in_names_are_escaped()
    {
        var report = SampleResults.Mixed();
        var odd = report with { RunId = "run[1]" };
        Assert.Contains("run[1]", Render(odd));
    }
}
