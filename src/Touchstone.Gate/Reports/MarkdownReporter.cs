using Touchstone.Gate.Verdicts;

namespace Touchstone.Gate.Reports;

/// <summary>
/// A Markdown summary for a pull-request comment or <c>$GITHUB_STEP_SUMMARY</c>: the outcome, a table of the gated
/// metrics, one of the reported metrics, the details behind each non-trivial verdict and what the seeds could detect.
/// </summary>
/// <param name="writer">Where the Markdown goes.</param>
public sealed class MarkdownReporter(TextWriter writer) : IGateReporter
{
    private static readonly string[] Columns =
        ["", "suite / variant", "metric", "verdict", "baseline mean ± sd", "n", "candidate mean ± sd", "n", "Δ [CI]", "margin", "p", "p adj", "test"];

    /// <inheritdoc />
    public void Write(GateReport report)
    {
        var result = report.Result;
        writer.WriteLine($"## {(result.Passed ? "✅" : "❌")} Touchstone gate {ReportText.Headline(result)}");
        writer.WriteLine();
        writer.WriteLine($"Run `{report.RunId}` against `{report.BaselinesDirectory}` · {ReportText.Policy(result)}");
        writer.WriteLine();
        foreach (var warning in report.Warnings)
        {
            writer.WriteLine($"> ⚠️ {warning}");
            writer.WriteLine();
        }
        if (ReportText.Counts(result).Length > 0)
        {
            writer.WriteLine($"**{ReportText.Counts(result)}**");
            writer.WriteLine();
        }
        WriteTable("Gated metrics", result.Gated, result.Policy);
        WriteTable("Reported metrics (not gated, not judged; p adjusted by Benjamini–Hochberg)", result.Reported, result.Policy);
        WriteDetails(result);
        var sensitivity = GateSensitivity.Describe(result);
        if (sensitivity.Count > 0)
        {
            writer.WriteLine("### What this gate can detect");
            writer.WriteLine();
            foreach (var line in sensitivity)
            {
                writer.WriteLine($"- {line}");
            }
            writer.WriteLine();
        }
        writer.WriteLine($"Δ is candidate − baseline with its {ReportText.Number(result.Policy.ConfidenceLevel * 100)}% confidence interval (matching the one-sided tests at α). "
            + "Baselines change only through `touchstone promote`.");
    }

    private void WriteTable(string title, IReadOnlyList<MetricVerdict> rows, GatePolicy policy)
    {
        if (rows.Count == 0)
        {
            return;
        }
        writer.WriteLine($"### {title}");
        writer.WriteLine();
        writer.WriteLine("| " + string.Join(" | ", Columns) + " |");
        writer.WriteLine("|" + string.Join("|", Columns.Select((_, i) => i is 5 or 7 ? "--:" : "---")) + "|");
        foreach (var row in rows)
        {
            var (raw, adjusted) = ReportText.DecidingP(row);
            string[] cells =
            [
                Icon(row),
                $"{row.Suite} / {row.Variant}",
                $"`{row.Metric.Key}` ({ReportText.Direction(row.Metric)})",
                $"**{row.Verdict.Label()}**",
                ReportText.MeanSd(row.Baseline),
                row.Baseline.N.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ReportText.MeanSd(row.Candidate),
                row.Candidate.N.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ReportText.Difference(row.Comparison),
                ReportText.Margin(row),
                raw,
                adjusted,
                ReportText.TestName(row),
            ];
            writer.WriteLine("| " + string.Join(" | ", cells.Select(Escape)) + " |");
        }
        writer.WriteLine();
    }

    private void WriteDetails(GateResult result)
    {
        var detailed = result.Verdicts.Where(r => ReportText.Details(r, result.Policy).Count > 0 && r.Verdict != Verdict.NoChange).ToList();
        if (detailed.Count == 0)
        {
            return;
        }
        writer.WriteLine("### Details");
        writer.WriteLine();
        foreach (var row in detailed)
        {
            writer.WriteLine($"- **{row.Verdict.Label()}** {row.Key}{(row.IsGated ? "" : " (reported only)")}");
            foreach (var line in ReportText.Details(row, result.Policy))
            {
                writer.WriteLine($"  - {line}");
            }
        }
        writer.WriteLine();
    }

    private static string Icon(MetricVerdict row) =>
        row.FailsGate ? "❌" : row.Verdict is Verdict.Improved or Verdict.NoChange ? "✅" : row.Verdict == Verdict.Reported ? "ℹ️" : "⚠️";

    private static string Escape(string cell) => cell.Replace("|", "\\|").Replace("\n", " ");
}
