namespace Touchstone.Core.Verification.Reports;

/// <summary>The verify result in Markdown, for <c>$GITHUB_STEP_SUMMARY</c> or a pull-request comment.</summary>
/// <param name="writer">Where the Markdown goes.</param>
public sealed class MarkdownVerifyReporter(TextWriter writer)
{
    /// <summary>Writes <paramref name="report"/>.</summary>
    public void Write(VerifyReport report)
    {
        writer.WriteLine($"## {(report.Passed ? "✅" : "❌")} Touchstone verify {VerifyText.Headline(report)}");
        writer.WriteLine();
        writer.WriteLine($"Run `{report.RunId}`: each cell re-executed in a fresh process from the run's manifest and compared bit for bit · **{VerifyText.Counts(report)}**");
        writer.WriteLine();
        writer.WriteLine("| | cell | verdict | max \\|Δ\\| | max rel | ULPs | evidence |");
        writer.WriteLine("|---|---|---|--:|--:|--:|---|");
        foreach (var cell in report.Cells)
        {
            string[] cells =
            [
                cell.Verdict switch { VerifyVerdict.Identical => "✅", VerifyVerdict.NotComparable => "⚠️", _ => "❌" },
                cell.Cell.ToString(),
                $"**{VerifyText.Label(cell.Verdict)}**",
                VerifyText.MaxAbsolute(cell),
                VerifyText.MaxRelative(cell),
                VerifyText.MaxUlps(cell),
                VerifyText.Detail(cell),
            ];
            writer.WriteLine("| " + string.Join(" | ", cells.Select(c => c.Replace("|", "\\|").Replace("\n", " "))) + " |");
        }
        writer.WriteLine();
        foreach (var skipped in report.Skipped)
        {
            writer.WriteLine($"- not verified: {skipped}");
        }
        writer.WriteLine("NOT-COMPARABLE: the environment fingerprint differs, so bits may differ; the gate's tolerance covers that case.");
    }
}
