using System.Globalization;
using System.Text.RegularExpressions;
using ScottPlot;

namespace Touchstone.Reports.Charts;

/// <summary>
/// Turns a ScottPlot plot into SVG that can sit inline in an HTML page beside other charts: no XML declaration,
/// element ids made unique per chart (ScottPlot numbers clip paths from 1 in every plot, and ids are global in a
/// page), and glyph position lists without the trailing comma ScottPlot writes (SVG's list grammar has none).
/// </summary>
public static partial class SvgChart
{
    /// <summary>Width of a chart, in CSS pixels.</summary>
    public const int Width = 620;

    /// <summary>Height of a chart, in CSS pixels.</summary>
    public const int Height = 360;

    /// <summary>The colours of variants and sides: Tableau 10, distinguishable in print and by most colour-blind readers.</summary>
    public static Color ColorOf(int index) => Palette.GetColor(index);

    private static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    /// <summary>A plot with the report's look: sans-serif text, readable sizes.</summary>
    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        plot.Title(title, size: 15);
        plot.XLabel(xLabel, size: 13);
        plot.YLabel(yLabel, size: 13);
        return plot;
    }

    /// <summary>The plot as inline SVG whose ids start with <paramref name="idPrefix"/>.</summary>
    public static string Render(Plot plot, string idPrefix, int width = Width, int height = Height)
    {
        var svg = plot.GetSvgXml(width, height);
        svg = XmlDeclaration().Replace(svg, "");
        svg = IdReference().Replace(svg, m => m.Groups[1].Value + idPrefix + "-" + m.Groups[2].Value);
        svg = TrailingComma().Replace(svg, "$1\"");
        // Scale with the page: the viewBox keeps the drawing's proportions when CSS sets the width.
        svg = svg.Replace(
            $"width=\"{width}\" height=\"{height}\">",
            string.Create(CultureInfo.InvariantCulture, $"width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\">"),
            StringComparison.Ordinal);
        return svg.Trim();
    }

    /// <summary>Log₁₀ of the values for a log axis, when every value is positive and they span more than two decades.</summary>
    public static bool WantsLogAxis(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        return finite.Count > 1 && finite.All(v => v > 0) && finite.Max() / finite.Min() > 100;
    }

    /// <summary>Makes the left axis read as powers of ten over values already transformed by log₁₀.</summary>
    public static void UseLogLeftAxis(Plot plot)
    {
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = y => Math.Pow(10, y).ToString("G3", CultureInfo.InvariantCulture),
        };
    }

    [GeneratedRegex(@"<\?xml[^>]*\?>")]
    private static partial Regex XmlDeclaration();

    // id="cl_4" and url(#cl_4): the same rewrite keeps references and targets together.
    [GeneratedRegex(@"(id=""|url\(#)([A-Za-z_][\w-]*)")]
    private static partial Regex IdReference();

    [GeneratedRegex(@"(=""[^""]*?), """)]
    private static partial Regex TrailingComma();
}
