using Spectre.Console;

namespace Touchstone.Core.Verification.Reports;

/// <summary>The verify result as a table on the console, one row per cell, then the outcome.</summary>
/// <param name="console">The console to write to (tests pass a recording one).</param>
public sealed class ConsoleVerifyReporter(IAnsiConsole console)
{
    /// <summary>Writes <paramref name="report"/>.</summary>
    public void Write(VerifyReport report)
    {
        console.MarkupLine($"[bold]Touchstone verify[/] run [blue]{Markup.Escape(report.RunId)}[/]: each cell re-executed in a fresh process and compared bit for bit");
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("cell", "verdict", "max |Δ|", "max rel", "ULPs", "evidence");
        foreach (var cell in report.Cells)
        {
            table.AddRow(
                new Text(cell.Cell.ToString()),
                new Markup($"[{Colour(cell.Verdict)}]{VerifyText.Label(cell.Verdict)}[/]"),
                new Text(VerifyText.MaxAbsolute(cell)),
                new Text(VerifyText.MaxRelative(cell)),
                new Text(VerifyText.MaxUlps(cell)),
                new Text(VerifyText.Detail(cell)));
        }
        console.Write(table);
        foreach (var skipped in report.Skipped)
        {
            console.MarkupLine($"[grey]not verified: {Markup.Escape(skipped)}[/]");
        }
        var colour = report.Passed ? "green" : "red";
        console.MarkupLine($"[bold {colour}]{VerifyText.Headline(report)}[/] — {Markup.Escape(VerifyText.Counts(report))}");
    }

    private static string Colour(VerifyVerdict verdict) => verdict switch
    {
        VerifyVerdict.Identical => "green",
        VerifyVerdict.NotComparable => "yellow",
        _ => "red",
    };
}
