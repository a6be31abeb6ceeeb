using Microsoft.Playwright;
using Touchstone.Testing;

namespace Touchstone.Reports.Tests;

/// <summary>
/// Opens the report of a real smoke run in headless Chromium (Debian's <c>chromium</c>, driven by Playwright through
/// its executable path): it must load from disk with no console error and no request beyond the file itself, show
/// every suite, and draw data in every chart. A full-page screenshot goes to TestResults/report/ for CI to upload.
/// </summary>
public sealed class ReportInBrowserTests(SmokeReportFixture smoke) : IClassFixture<SmokeReportFixture>
{
    /// <summary>The browser: TOUCHSTONE_CHROMIUM, else Debian's chromium (ci/install-deps.sh installs it).</summary>
    private static string Chromium =>
        Environment.GetEnvironmentVariable("TOUCHSTONE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    [Fact]
    public async Task The_report_opens_offline_with_every_suite_and_data_in_every_chart()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (sudo bash ci/install-deps.sh) or set TOUCHSTONE_CHROMIUM");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // Containers (CI runs in debian:bookworm as root) have no user namespaces for Chromium's sandbox.
            Args = ["--no-sandbox"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1360, Height = 900 } });
        var errors = new List<string>();
        var requests = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                errors.Add($"{message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => errors.Add($"page error: {error}");
        page.Request += (_, request) => requests.Add(request.Url);
        var url = new Uri(smoke.ReportPath).AbsoluteUri;

        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.Empty(errors);
        Assert.Equal([url], requests);
        var sections = await page.Locator("section.suite").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.suite)");
        Assert.Equal(smoke.Suites, sections);
        foreach (var suite in smoke.Suites)
        {
            var kinds = await page.Locator($"section[data-suite='{suite}'] figure.chart").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.kind)");
            Assert.Contains("curve", kinds);
            Assert.Contains("strip", kinds);
            Assert.Contains("verdict", kinds);
        }
        // ScottPlot draws data inside the plot area's clip group; axes, grid and labels are outside it. Every chart
        // must have drawn marks there, and be laid out at a visible size.
        var charts = await page.Locator("figure.chart svg").EvaluateAllAsync<ChartMarks[]>("""
            svgs => svgs.map(svg => ({
                marks: svg.querySelectorAll('g[clip-path] path, g[clip-path] circle, g[clip-path] rect, g[clip-path] polygon').length,
                width: svg.getBoundingClientRect().width,
                title: (svg.querySelector('text') || {}).textContent || ''
            }))
            """);
        Assert.NotEmpty(charts);
        Assert.All(charts, chart =>
        {
            Assert.True(chart.Marks > 0, $"chart '{chart.Title.Trim()}' has no data marks");
            Assert.True(chart.Width > 200, $"chart '{chart.Title.Trim()}' is {chart.Width}px wide");
        });

        var artifacts = Directory.CreateDirectory(RepoPaths.Combine("TestResults", "report")).FullName;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(artifacts, "report.png"), FullPage = true });
        File.Copy(smoke.ReportPath, Path.Combine(artifacts, "report.html"), overwrite: true);
    }

    [Fact]
    public void The_report_is_self_contained()
    {
        var html = File.ReadAllText(smoke.ReportPath);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Report: ", smoke.ReportOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Reported_metrics_carry_their_own_label_and_no_verdict_in_the_verdict_table()
    {
        var html = File.ReadAllText(smoke.ReportPath);
        var reported = System.Text.RegularExpressions.Regex.Matches(html, "<tr class=\"reported\">.*?</tr>").Select(m => m.Value).ToList();

        Assert.NotEmpty(reported);
        // selftest's train/mse is declared without a gate block: reported, never judged.
        Assert.Contains(reported, row => row.Contains("<td>train/mse</td>") && row.Contains("<td class=\"verdict reported\">REPORTED</td>"));
        foreach (var verdict in new[] { "REGRESSED", "IMPROVED", "NO-CHANGE", "INCONCLUSIVE" })
        {
            Assert.DoesNotContain(reported, row => row.Contains($">{verdict}</td>"));
        }
    }

    /// <summary>What the page says about one chart (Playwright fills it, so it needs setters).</summary>
    public sealed class ChartMarks
    {
        public int Marks { get; set; }

        public double Width { get; set; }

        public string Title { get; set; } = "";
    }
}
