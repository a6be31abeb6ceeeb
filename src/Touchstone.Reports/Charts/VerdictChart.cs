using ScottPlot;
using Touchstone.Gate.Verdicts;

namespace Touchstone.Reports.Charts;

/// <summary>
/// The gate's differences at a glance: per gated row, the difference (candidate − baseline) with its confidence
/// interval as a bar, against the margin as a grey band, all as a percentage of the baseline mean so that metrics of
/// different scales share one axis. Colour says the verdict.
/// </summary>
public static class VerdictChart
{
    /// <summary>Rows the chart can draw: a comparison and a non-zero baseline mean.</summary>
    public static IReadOnlyList<MetricVerdict> Drawable(IEnumerable<MetricVerdict> rows) =>
        rows.Where(r => r.Comparison is not null && r.Baseline.Mean != 0 && double.IsFinite(r.Baseline.Mean)).ToList();

    /// <summary>The colour of a verdict, as in the verdict table.</summary>
    public static Color ColorOf(Verdict verdict) => verdict switch
    {
        Verdict.Regressed => new Color(214, 39, 40),
        Verdict.Improved => new Color(44, 160, 44),
        Verdict.NoChange => new Color(31, 119, 180),
        Verdict.Inconclusive => new Color(255, 127, 14),
        _ => new Color(127, 127, 127),
    };

    /// <summary>The chart as inline SVG; null when no row is drawable.</summary>
    public static string? Render(string suite, IReadOnlyList<MetricVerdict> rows, double level, string idPrefix)
    {
        var drawable = Drawable(rows);
        if (drawable.Count == 0)
        {
            return null;
        }
        var plot = SvgChart.NewPlot(
            $"{suite} · gate: candidate − baseline, {level * 100:0.#}% CI",
            "difference, % of the baseline mean (grey: ± margin)",
            "");
        var seen = new HashSet<Verdict>();
        for (var i = 0; i < drawable.Count; i++)
        {
            var row = drawable[i];
            var c = row.Comparison!;
            var scale = 100 / Math.Abs(row.Baseline.Mean);
            var yPos = drawable.Count - 1 - i;
            if (c.Margin > 0)
            {
                var band = plot.Add.Rectangle(-c.Margin * scale, c.Margin * scale, yPos - 0.32, yPos + 0.32);
                band.FillColor = Colors.Gray.WithAlpha(0.22);
                band.LineWidth = 0;
            }
            var color = ColorOf(row.Verdict);
            var ci = plot.Add.Line(c.ConfidenceLow * scale, yPos, c.ConfidenceHigh * scale, yPos);
            ci.LineColor = color;
            ci.LineWidth = 7;
            ci.MarkerSize = 0;
            var estimate = plot.Add.Markers(new[] { c.Difference * scale }, new[] { (double)yPos }, MarkerShape.FilledCircle, 11, Colors.Black);
            if (seen.Add(row.Verdict))
            {
                ci.LegendText = row.Verdict.Label();
            }
            _ = estimate;
        }
        var zero = plot.Add.VerticalLine(0, 1, Colors.Black, LinePattern.Dashed);
        zero.LineWidth = 1;
        plot.Axes.Left.SetTicks(
            Enumerable.Range(0, drawable.Count).Select(i => (double)(drawable.Count - 1 - i)).ToArray(),
            drawable.Select(r => $"{r.Variant} {r.Metric.Key}").ToArray());
        plot.Axes.SetLimitsY(-0.7, drawable.Count - 0.3);
        plot.ShowLegend(Edge.Right);
        return SvgChart.Render(plot, idPrefix, SvgChart.Width + 160, 110 + 38 * drawable.Count);
    }
}
