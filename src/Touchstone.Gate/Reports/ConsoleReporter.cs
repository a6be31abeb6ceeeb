using Spectre.Console;
using Touchstone.Gate.Verdicts;

namespace Touchstone.Gate.Reports;

/// <summary>The gate's result as a coloured table on the console, followed by the details and what it can detect.</summary>
/// <param name="console">The console to write to (tests pass a recording one).</param>
public sealed class ConsoleReporter(IAnsiConsole console) : IGateReporter
{
    /// <inheritdoc />
    public void Write(GateReport report)
    {
        var result = report.Result;
        console.MarkupLine($"[bold]Touchstone gate[/] run [blue]{Markup.Escape(report.RunId)}[/] against [blue]{Markup.Escape(report.BaselinesDirectory)}[/]");
        console.MarkupLine($"[grey]{Markup.Escape(ReportText.Policy(result))}[/]");
        foreach (var warning in report.Warnings)
        {
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        }
        WriteTable("Gated metrics", result.Gated);
        WriteTable("Reported metrics (not gated, not judged; p adjusted by Benjamini–Hochberg)", result.Reported);
        foreach (var row in result.Verdicts.Where(r => r.Verdict != Verdict.NoChange))
        {
            var details = ReportText.Details(row, result.Policy);
            if (details.Count == 0)
            {
                continue;
            }
            console.MarkupLine($"[{Colour(row)}]{row.Verdict.Label()}[/] {Markup.Escape(row.Key)}{(row.IsGated ? "" : " [grey](reported only)[/]")}");
            foreach (var line in details)
            {
                console.MarkupLine($"  [grey]•[/] {Markup.Escape(line)}");
            }
        }
        foreach (var line in GateSensitivity.Describe(result))
        {
            console.MarkupLine($"[grey]{Markup.Escape(line)}[/]");
        }
        var colour = result.Passed ? "green" : "red";
        var counts = ReportText.Counts(result);
        console.MarkupLine($"[bold {colour}]{Markup.Escape(ReportText.Headline(result))}[/]{(counts.Length > 0 ? " — " + Markup.Escape(counts) : "")}");
    }

    private void WriteTable(string title, IReadOnlyList<MetricVerdict> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).Title(title);
        table.AddColumns("suite/variant", "metric", "verdict", "baseline (n)", "candidate (n)", "Δ [[CI]]", "margin", "p / adj", "test");
        foreach (var row in rows)
        {
            var (raw, adjusted) = ReportText.DecidingP(row);
            table.AddRow(
                new Text($"{row.Suite}/{row.Variant}"),
                new Text(row.Metric.Key + (row.Metric.Direction == Core.Declarations.Direction.Lower ? " ↓" : " ↑")),
                new Markup($"[{Colour(row)}]{row.Verdict.Label()}[/]"),
                new Text($"{ReportText.MeanSd(row.Baseline)} ({row.Baseline.N})"),
                new Text($"{ReportText.MeanSd(row.Candidate)} ({row.Candidate.N})"),
                new Text(ReportText.Difference(row.Comparison)),
                new Text(ReportText.Margin(row)),
                new Text(raw == adjusted ? raw : $"{raw} / {adjusted}"),
                new Text(ReportText.TestName(row)));
        }
        console.Write(table);
    }

    private static string Colour(MetricVerdict row) => row.FailsGate
        ? "red"
        : row.Verdict switch
        {
            Verdict.Improved => "green",
            Verdict.NoChange => "green",
            Verdict.Reported => "grey",
            _ => "yellow",
        };
}
