using ScottPlot;
using Touchstone.Reports.Model;

namespace Touchstone.Reports.Charts;

/// <summary>
/// A learning curve: per variant, the mean across seeds as a thick line over a band from the lowest to the highest
/// seed, and every seed as a thin line. A log y axis when the values are positive and span more than two decades.
/// </summary>
public static class CurveChart
{
    /// <summary>The chart as inline SVG.</summary>
    /// <param name="suite">Suite name, for the title.</param>
    /// <param name="curves">The curves of one split/metric.</param>
    /// <param name="variants">Every variant of the suite, in order: a variant keeps its colour across charts.</param>
    /// <param name="idPrefix">Unique prefix of the SVG's element ids.</param>
    public static string Render(string suite, MetricCurves curves, IReadOnlyList<string> variants, string idPrefix)
    {
        var log = SvgChart.WantsLogAxis(curves.Series.SelectMany(s => s.Values));
        var plot = SvgChart.NewPlot(
            $"{suite} · {curves.Split}/{curves.Metric} during training",
            "optimizer step",
            $"{curves.Metric} on {curves.Split}" + (log ? " (log scale)" : ""));
        Func<double, double> y = log ? Math.Log10 : v => v;
        foreach (var group in curves.Series.GroupBy(s => s.Variant).OrderBy(g => IndexOf(variants, g.Key)))
        {
            var color = SvgChart.ColorOf(Math.Max(0, IndexOf(variants, group.Key)));
            var seeds = group.ToList();
            var steps = seeds.SelectMany(s => s.Steps).Distinct().Order().ToArray();
            var atStep = steps.Select(step => seeds
                    .Select(s => Array.IndexOf(s.Steps, step) is var i and >= 0 ? s.Values[i] : double.NaN)
                    .Where(double.IsFinite)
                    .ToList())
                .ToList();
            var keep = atStep.Select((v, i) => (v, i)).Where(p => p.v.Count > 0).Select(p => p.i).ToArray();
            var xs = keep.Select(i => steps[i]).ToArray();
            if (xs.Length == 0)
            {
                continue;
            }
            if (seeds.Count > 1)
            {
                var band = plot.Add.FillY(xs, keep.Select(i => y(atStep[i].Min())).ToArray(), keep.Select(i => y(atStep[i].Max())).ToArray());
                band.FillColor = color.WithAlpha(0.16);
                band.LineWidth = 0;
            }
            foreach (var seed in seeds)
            {
                var finite = Enumerable.Range(0, seed.Steps.Length).Where(i => double.IsFinite(seed.Values[i])).ToArray();
                var line = plot.Add.ScatterLine(finite.Select(i => seed.Steps[i]).ToArray(), finite.Select(i => y(seed.Values[i])).ToArray(), color.WithAlpha(0.5));
                line.LineWidth = 1;
                line.MarkerSize = 0;
            }
            var mean = plot.Add.ScatterLine(xs, keep.Select(i => y(atStep[i].Average())).ToArray(), color);
            mean.LineWidth = 2.5f;
            mean.MarkerSize = 0;
            mean.LegendText = $"{group.Key} (mean of {seeds.Count})";
        }
        if (log)
        {
            SvgChart.UseLogLeftAxis(plot);
        }
        plot.ShowLegend(Edge.Right);
        return SvgChart.Render(plot, idPrefix);
    }

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == item)
            {
                return i;
            }
        }
        return -1;
    }
}
