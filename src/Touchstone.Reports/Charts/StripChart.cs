using ScottPlot;
using Touchstone.Reports.Model;

namespace Touchstone.Reports.Charts;

/// <summary>
/// Final values per variant as a strip plot: each seed a dot, the run's seeds in the middle of the variant's slot, the
/// baseline's seeds to the left and a compared run's to the right, each side's mean as a short bar.
/// </summary>
public static class StripChart
{
    private static readonly (SideKind Side, double Offset, string Label, Color Color, MarkerShape Shape)[] Sides =
    [
        (SideKind.Baseline, -0.27, "baseline", new Color(127, 127, 127), MarkerShape.OpenCircle),
        (SideKind.Run, 0, "this run", new Color(31, 119, 180), MarkerShape.FilledCircle),
        (SideKind.Compared, 0.27, "compared run", new Color(255, 127, 14), MarkerShape.FilledDiamond),
    ];

    /// <summary>The chart as inline SVG.</summary>
    public static string Render(string suite, FinalValues finals, string idPrefix)
    {
        var variants = finals.Points.Select(p => p.Variant).Distinct().Order(StringComparer.Ordinal).ToList();
        var finite = finals.Points.Where(p => double.IsFinite(p.Value)).ToList();
        var log = SvgChart.WantsLogAxis(finite.Select(p => p.Value));
        var plot = SvgChart.NewPlot(
            $"{suite} · final {finals.Split}/{finals.Metric} per seed" + (finals.Gated ? " (gated)" : ""),
            "variant",
            $"{finals.Metric} on {finals.Split}" + (log ? " (log scale)" : ""));
        Func<double, double> y = log ? Math.Log10 : v => v;
        foreach (var (side, offset, label, color, shape) in Sides)
        {
            var points = finite.Where(p => p.Side == side).ToList();
            if (points.Count == 0)
            {
                continue;
            }
            // Seeds spread a little sideways (by their rank within the variant) so equal values stay visible.
            var xs = points.Select(p =>
            {
                var same = points.Where(q => q.Variant == p.Variant).Select(q => q.Seed).Order().ToList();
                var rank = same.IndexOf(p.Seed) - (same.Count - 1) / 2.0;
                return variants.IndexOf(p.Variant) + offset + 0.035 * rank;
            }).ToArray();
            var markers = plot.Add.Markers(xs, points.Select(p => y(p.Value)).ToArray(), shape, 9, color);
            markers.LegendText = $"{label} ({points.Select(p => p.Seed).Distinct().Count()} seeds)";
            foreach (var variant in points.GroupBy(p => p.Variant))
            {
                var x = variants.IndexOf(variant.Key) + offset;
                var mean = y(variant.Average(p => p.Value));
                var bar = plot.Add.Line(x - 0.1, mean, x + 0.1, mean);
                bar.LineColor = color;
                bar.LineWidth = 2.5f;
                bar.MarkerSize = 0;
            }
        }
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, variants.Count).Select(i => (double)i).ToArray(), variants.ToArray());
        plot.Axes.SetLimitsX(-0.6, variants.Count - 0.4);
        if (log)
        {
            SvgChart.UseLogLeftAxis(plot);
        }
        plot.ShowLegend(Edge.Right);
        return SvgChart.Render(plot, idPrefix);
    }
}
