using System.Globalization;
using System.Net;
using Touchstone.Analysis.Formatting;
using Touchstone.Gate.Reports;
using Touchstone.Gate.Verdicts;
using Touchstone.Reports.Charts;
using Touchstone.Reports.Model;

namespace Touchstone.Reports.Html;

/// <summary>
/// Writes the report as one self-contained HTML page: styles inline, charts as inline SVG, no script, no external
/// resource, so it opens from disk, from a CI artifact or in a mail client exactly as generated.
/// </summary>
public static class HtmlReportWriter
{
    /// <summary>Writes <paramref name="model"/> to <paramref name="writer"/>.</summary>
    public static void Write(ReportModel model, GatePolicy policy, TextWriter writer)
    {
        var h = model.Header;
        writer.WriteLine("<!DOCTYPE html>");
        writer.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        writer.WriteLine($"<title>Touchstone report · {E(h.RunId)}</title>");
        writer.WriteLine($"<style>{Styles.Css}</style></head><body>");
        WriteHeader(model, writer);
        writer.WriteLine("<main>");
        var chart = 0;
        foreach (var suite in model.Suites)
        {
            WriteSuite(suite, model, policy, writer, ref chart);
        }
        writer.WriteLine("</main>");
        writer.WriteLine("<footer>Made by <code>touchstone report</code>. Every number comes from the run's Parquet tables "
            + "(metrics, curves, cells) and the committed baselines; query them with <code>touchstone query</code>.</footer>");
        writer.WriteLine("</body></html>");
    }

    private static void WriteHeader(ReportModel model, TextWriter writer)
    {
        var h = model.Header;
        var f = h.Fingerprint;
        writer.WriteLine($"<header><h1>Touchstone report <code>{E(h.RunId)}</code></h1>");
        writer.WriteLine("<dl class=\"run-header\">");
        Item(writer, "profile", h.Profile);
        Item(writer, "suites", string.Join(", ", h.Suites));
        Item(writer, "git commit", f.GitCommit + (f.GitDirty ? " (uncommitted changes)" : ""));
        Item(writer, "environment", $"{h.FingerprintHash}: {f.Os}, {f.CpuModel}, {f.DotnetVersion}, libtorch {f.LibtorchVersion}, {f.BlasVersion}"
            + (f.GpuModel is { } gpu ? $", {gpu}" : ""));
        Item(writer, "device", h.Device);
        Item(writer, "created", h.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
        Item(writer, "wall time", Duration(h.WallSeconds));
        Item(writer, "cells", $"{string.Join(", ", h.CellsByStatus.Select(s => $"{s.Count} {s.Status}"))} of {h.CellsPlanned} planned");
        if (model.ComparedRunId is { } compared)
        {
            Item(writer, "compared with", compared);
        }
        writer.WriteLine("</dl>");
        var gateClass = model.GatePassed switch { true => "pass", false => "fail", null => "none" };
        writer.WriteLine($"<p class=\"gate {gateClass}\">Gate: {E(model.Gate)}</p>");
        writer.WriteLine("<nav>" + string.Join(" · ", model.Suites.Select(s => $"<a href=\"#suite-{E(s.Suite)}\">{E(s.Suite)}</a>")) + "</nav>");
        writer.WriteLine("</header>");
    }

    private static void WriteSuite(SuiteReport suite, ReportModel model, GatePolicy policy, TextWriter writer, ref int chart)
    {
        writer.WriteLine($"<section class=\"suite\" id=\"suite-{E(suite.Suite)}\" data-suite=\"{E(suite.Suite)}\">");
        writer.WriteLine($"<h2>{E(suite.Suite)}</h2>");

        writer.WriteLine("<h3>Learning curves</h3>");
        writer.WriteLine("<p class=\"note\">Thick line: mean across seeds; band: lowest to highest seed; thin lines: each seed.</p>");
        var variants = suite.Curves.SelectMany(c => c.Series).Select(s => s.Variant).Distinct().Order(StringComparer.Ordinal).ToList();
        writer.WriteLine("<div class=\"charts\">");
        foreach (var curves in suite.Curves)
        {
            Figure(writer, "curve", CurveChart.Render(suite.Suite, curves, variants, $"c{chart++}"));
        }
        writer.WriteLine("</div>");
        if (suite.Curves.Count == 0)
        {
            writer.WriteLine("<p class=\"note\">No curves were logged.</p>");
        }
        if (suite.CurvesLeftOut.Count > 0)
        {
            writer.WriteLine($"<p class=\"note\">Not drawn (in curves.parquet): {E(string.Join(", ", suite.CurvesLeftOut))}.</p>");
        }

        writer.WriteLine("<h3>Final metrics</h3>");
        writer.WriteLine("<div class=\"charts\">");
        foreach (var finals in suite.Finals)
        {
            Figure(writer, "strip", StripChart.Render(suite.Suite, finals, $"c{chart++}"));
        }
        writer.WriteLine("</div>");
        var nonFinite = suite.Finals.SelectMany(f => f.Points.Where(p => !double.IsFinite(p.Value)).Select(p => $"{f.Split}/{f.Metric} {p.Variant} seed {p.Seed} ({p.Side.ToString().ToLowerInvariant()})")).ToList();
        if (nonFinite.Count > 0)
        {
            writer.WriteLine($"<p class=\"note\">NaN or infinite, not drawn: {E(string.Join("; ", nonFinite))}.</p>");
        }

        writer.WriteLine("<h3>Gate verdicts</h3>");
        if (suite.Verdicts.Count == 0)
        {
            writer.WriteLine($"<p class=\"note\">{E(model.Gate)}</p>");
        }
        else
        {
            var gated = suite.Verdicts.Where(v => v.IsGated).ToList();
            if (VerdictChart.Render(suite.Suite, gated, policy.ConfidenceLevel, $"c{chart++}") is { } svg)
            {
                writer.WriteLine("<div class=\"charts\">");
                Figure(writer, "verdict", svg);
                writer.WriteLine("</div>");
            }
            VerdictTable(writer, suite.Verdicts, policy);
        }

        if (suite.Comparison is { } comparison)
        {
            writer.WriteLine($"<h3>Compared with {E(comparison.Runs[0].Label)}</h3>");
            Table(writer, ComparisonWriter.Table(comparison, 0.95));
        }

        writer.WriteLine("<h3>Failed or diverged cells</h3>");
        if (suite.Problems.Count == 0)
        {
            writer.WriteLine("<p class=\"note\">None: every cell ended ok.</p>");
        }
        else
        {
            writer.WriteLine("<table class=\"problems\"><tr><th>variant</th><th>seed</th><th>status</th><th>error</th></tr>");
            foreach (var p in suite.Problems)
            {
                writer.WriteLine($"<tr><td>{E(p.Variant)}</td><td>{p.Seed}</td><td class=\"{E(p.Status)}\">{E(p.Status)}</td><td><pre>{E(p.Error ?? "")}</pre></td></tr>");
            }
            writer.WriteLine("</table>");
        }
        writer.WriteLine("</section>");
    }

    private static void VerdictTable(TextWriter writer, IReadOnlyList<MetricVerdict> rows, GatePolicy policy)
    {
        writer.WriteLine("<table class=\"verdicts\"><tr><th>variant</th><th>metric</th><th>verdict</th><th>baseline mean ± sd (n)</th>"
            + $"<th>run mean ± sd (n)</th><th>Δ [{policy.ConfidenceLevel * 100:0.#}% CI]</th><th>margin</th><th>p adj</th><th>details</th></tr>");
        foreach (var row in rows)
        {
            var (_, adjusted) = ReportText.DecidingP(row);
            var details = string.Join("<br>", ReportText.Details(row, policy).Select(E));
            writer.WriteLine($"<tr class=\"{(row.IsGated ? "gated" : "reported")}\"><td>{E(row.Variant)}</td><td>{E(row.Metric.Key)}{(row.IsGated ? " <span title=\"gated\">*</span>" : "")}</td>"
                + $"<td class=\"verdict {row.Verdict.ToString().ToLowerInvariant()}\">{row.Verdict.Label()}</td>"
                + $"<td>{E(ReportText.MeanSd(row.Baseline))} ({row.Baseline.N})</td><td>{E(ReportText.MeanSd(row.Candidate))} ({row.Candidate.N})</td>"
                + $"<td>{E(ReportText.Difference(row.Comparison))}</td><td>{E(ReportText.Margin(row))}</td><td>{E(adjusted)}</td><td class=\"details\">{details}</td></tr>");
        }
        writer.WriteLine("</table>");
        writer.WriteLine("<p class=\"note\">* gated (primary) metric. Δ is run − baseline.</p>");
    }

    private static void Table(TextWriter writer, TextTable table)
    {
        writer.WriteLine("<table class=\"compare\"><tr>" + string.Concat(table.Headers.Select(h => $"<th>{E(h)}</th>")) + "</tr>");
        foreach (var row in table.Rows)
        {
            writer.WriteLine("<tr>" + string.Concat(row.Select(c => $"<td>{E(c)}</td>")) + "</tr>");
        }
        writer.WriteLine("</table>");
        if (table.Notes.Count > 0)
        {
            writer.WriteLine("<ul class=\"note\">" + string.Concat(table.Notes.Select(n => $"<li>{E(n)}</li>")) + "</ul>");
        }
    }

    private static void Figure(TextWriter writer, string kind, string svg) =>
        writer.WriteLine($"<figure class=\"chart\" data-kind=\"{kind}\">{svg}</figure>");

    private static void Item(TextWriter writer, string term, string value) =>
        writer.WriteLine($"<dt>{E(term)}</dt><dd>{E(value)}</dd>");

    private static string Duration(double seconds) =>
        seconds < 60 ? $"{seconds:0.0} s" : seconds < 3600 ? $"{Math.Floor(seconds / 60)} min {seconds % 60:00} s" : $"{Math.Floor(seconds / 3600)} h {Math.Floor(seconds % 3600 / 60):00} min";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
