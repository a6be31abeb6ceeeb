using System.Text.RegularExpressions;
using System.Xml.Linq;
using Touchstone.Core.Declarations;
using Touchstone.Gate.Statistics;
using Touchstone.Gate.Verdicts;
using Touchstone.Reports.Charts;
using Touchstone.Reports.Model;

namespace Touchstone.Reports.Tests;

public partial class ChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static MetricCurves Curves(params double[][] seeds) => new("train", "loss",
        seeds.Select((values, seed) => new CurveSeries("v", seed, values.Select((_, i) => 10.0 * (i + 1)).ToArray(), values)).ToList());

    // What ScottPlot draws inside the plot area (its clip group): the data marks.
    private static int DataMarks(string svg) =>
        XDocument.Parse(svg).Descendants(Svg + "g").Where(g => g.Attribute("clip-path") is not null).SelectMany(g => g.Descendants()).Count();

    [Fact]
    public void Two_charts_on_one_page_share_no_element_id()
    {
        var a = CurveChart.Render("toy", Curves([3, 2, 1]), ["v"], "c0");
        var b = CurveChart.Render("toy", Curves([3, 2, 1]), ["v"], "c1");

        var idsA = Ids().Matches(a).Select(m => m.Groups[1].Value).ToHashSet();
        var idsB = Ids().Matches(b).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.NotEmpty(idsA);
        Assert.Empty(idsA.Intersect(idsB));
        // Every reference points at an id of its own chart.
        Assert.All(References().Matches(a).Select(m => m.Groups[1].Value), r => Assert.Contains(r, idsA));
        Assert.DoesNotContain("<?xml", a, StringComparison.Ordinal);
    }

    [Fact]
    public void A_curve_chart_draws_every_seed_the_mean_and_the_band()
    {
        var one = DataMarks(CurveChart.Render("toy", Curves([3, 2, 1]), ["v"], "c0"));
        var three = DataMarks(CurveChart.Render("toy", Curves([3, 2, 1], [4, 3, 2], [5, 1, 0.5]), ["v"], "c0"));

        Assert.True(one > 0);
        // Two more seed lines and the band.
        Assert.True(three >= one + 3, $"{three} marks with three seeds, {one} with one");
    }

    [Fact]
    public void Values_spanning_more_than_two_decades_get_a_log_axis()
    {
        Assert.True(SvgChart.WantsLogAxis([10, 1, 0.05]));
        Assert.False(SvgChart.WantsLogAxis([10, 1, 0.5]));
        Assert.False(SvgChart.WantsLogAxis([10, -1, 0.001]));
        Assert.Contains("(log scale)", CurveChart.Render("toy", Curves([100, 1, 0.01]), ["v"], "c0"), StringComparison.Ordinal);
        Assert.DoesNotContain("(log scale)", CurveChart.Render("toy", Curves([3, 2, 1]), ["v"], "c0"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_strip_chart_draws_the_baselines_seeds_beside_the_runs()
    {
        var runOnly = new FinalValues("test", "mse", true, [new SeedPoint(SideKind.Run, "v", 0, 1), new SeedPoint(SideKind.Run, "v", 1, 2)]);
        var withBaseline = runOnly with
        {
            Points = [.. runOnly.Points, new SeedPoint(SideKind.Baseline, "v", 0, 1.5), new SeedPoint(SideKind.Baseline, "v", 1, double.NaN)],
        };

        var svg = StripChart.Render("toy", withBaseline, "c0");

        Assert.True(DataMarks(svg) > DataMarks(StripChart.Render("toy", runOnly, "c0")));
        Assert.Contains("baseline (1 seeds)", svg, StringComparison.Ordinal);
        Assert.Contains("this run (2 seeds)", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void The_verdict_chart_draws_rows_with_a_comparison_and_leaves_out_the_rest()
    {
        var metric = new MetricDeclaration("mse", "test", Direction.Lower, MetricRole.Primary, new GateMargin(0.1, true));
        var comparison = new Comparison(TestMethod.Paired, 0.1, 0.05, -0.02, 0.12, 2, new AdjustedP(0.3, 0.3), new AdjustedP(0.9, 0.9),
            new AdjustedP(0.2, 0.2), null, null, null, 0.05, null);
        var tested = new MetricVerdict("toy", "smoke", "v", metric, Verdict.Inconclusive, false, new SampleSummary(3, 1, 0.1),
            new SampleSummary(3, 1.05, 0.1), comparison, []);
        var missing = tested with { Variant = "w", Verdict = Verdict.Missing, Comparison = null };

        Assert.Equal([tested], VerdictChart.Drawable([tested, missing]));
        Assert.Null(VerdictChart.Render("toy", [missing], 0.9, "c0"));
        var svg = VerdictChart.Render("toy", [tested, missing], 0.9, "c0")!;
        Assert.True(DataMarks(svg) > 0);
        Assert.Contains("INCONCLUSIVE", svg, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"id=""([^""]+)""")]
    private static partial Regex Ids();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex References();
}
