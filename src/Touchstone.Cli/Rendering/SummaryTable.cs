using System.Globalization;
using Spectre.Console;
using Touchstone.Core.Summary;

namespace Touchstone.Cli.Rendering;

/// <summary>Prints a run's summary: one table per suite, a row per declared metric, a column per variant.</summary>
internal static class SummaryTable
{
    public static void Write(IAnsiConsole console, string profile, IReadOnlyList<MetricSummary> summaries)
    {
        foreach (var suite in summaries.GroupBy(s => s.Suite))
        {
            var variants = suite.Select(s => s.Variant).Distinct().ToList();
            var table = new Table()
                .Border(TableBorder.Rounded)
                .Title($"[bold]{Markup.Escape(suite.Key)}[/] (profile {Markup.Escape(profile)}): mean ± std across seeds");
            table.AddColumn("metric");
            table.AddColumn("better");
            foreach (var variant in variants)
            {
                var seeds = suite.First(s => s.Variant == variant).Cells;
                table.AddColumn(new TableColumn($"{Markup.Escape(variant)} [dim]({seeds} seeds)[/]").RightAligned());
            }
            foreach (var metric in suite.GroupBy(s => s.Metric.Key))
            {
                var first = metric.First().Metric;
                var gate = first.Role == Core.Declarations.MetricRole.Primary ? $" [dim](gate {Markup.Escape(first.Margin.ToString())})[/]" : "";
                var cells = new List<string> { Markup.Escape(metric.Key) + gate, first.Direction.ToString().ToLowerInvariant() };
                // A metric declared for other variants only has no value here, and is not missing either.
                cells.AddRange(variants.Select(v => metric.FirstOrDefault(s => s.Variant == v) is { } summary ? Cell(summary) : "[dim]-[/]"));
                table.AddRow(cells.ToArray());
            }
            console.Write(table);
        }
    }

    private static string Cell(MetricSummary summary)
    {
        var notOk = summary.OkCells < summary.Cells ? $" [yellow]({summary.OkCells}/{summary.Cells} ok)[/]" : "";
        if (summary.Values.Count == 0)
        {
            return "[red]missing[/]" + notOk;
        }
        var std = double.IsNaN(summary.StandardDeviation) ? "" : $" ± {Number(summary.StandardDeviation)}";
        var missing = summary.Values.Count < summary.OkCells ? $" [red]({summary.OkCells - summary.Values.Count} missing)[/]" : "";
        return $"{Number(summary.Mean)}{std}{notOk}{missing}";
    }

    // Four significant digits; scientific notation only for very small or large magnitudes.
    internal static string Number(double value) =>
        value == 0 || Math.Abs(value) is >= 1e-3 and < 1e5
            ? value.ToString("G4", CultureInfo.InvariantCulture)
            : value.ToString("0.###e+0", CultureInfo.InvariantCulture);
}
