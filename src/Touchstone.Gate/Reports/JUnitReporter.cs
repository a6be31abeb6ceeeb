using System.Xml;
using Touchstone.Gate.Verdicts;

namespace Touchstone.Gate.Reports;

/// <summary>
/// JUnit XML, which every CI system shows natively: one test suite per gated suite and profile, one test case per
/// gated metric and variant. Rows that fail the gate are failures (type = the verdict); a stale baseline under the
/// warn policy is skipped; everything else passes, with its verdict and evidence in system-out.
/// </summary>
/// <param name="writer">Where the XML goes.</param>
public sealed class JUnitReporter(TextWriter writer) : IGateReporter
{
    /// <inheritdoc />
    public void Write(GateReport report)
    {
        var result = report.Result;
        var gated = result.Gated;
        using var xml = XmlWriter.Create(writer, new XmlWriterSettings { Indent = true, CloseOutput = false });
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", $"touchstone gate {report.RunId}");
        WriteCounts(xml, gated);
        foreach (var suite in gated.GroupBy(r => (r.Suite, r.Profile)))
        {
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", $"{suite.Key.Suite} ({suite.Key.Profile})");
            WriteCounts(xml, suite.ToList());
            foreach (var row in suite)
            {
                WriteCase(xml, row, result.Policy);
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteCounts(XmlWriter xml, IReadOnlyList<MetricVerdict> rows)
    {
        xml.WriteAttributeString("tests", rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", rows.Count(r => r.FailsGate).ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", rows.Count(IsSkipped).ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteAttributeString("time", "0");
    }

    private static bool IsSkipped(MetricVerdict row) => row.Verdict == Verdict.Stale && !row.FailsGate;

    private static void WriteCase(XmlWriter xml, MetricVerdict row, GatePolicy policy)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", $"touchstone.{row.Suite}.{row.Variant}");
        xml.WriteAttributeString("name", row.Metric.Key);
        xml.WriteAttributeString("time", "0");
        var summary = Summary(row);
        var details = string.Join("\n", [summary, .. ReportText.Details(row, policy)]);
        if (row.FailsGate)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("type", row.Verdict.Label());
            // When no verdict came from the numbers, the first note (what diverged, is missing or is stale) is the message.
            var message = row.Verdict is Verdict.Diverged or Verdict.Missing or Verdict.Stale && row.Notes.Count > 0 ? row.Notes[0] : summary;
            xml.WriteAttributeString("message", $"{row.Verdict.Label()}: {message}");
            xml.WriteString(details);
            xml.WriteEndElement();
        }
        else if (IsSkipped(row))
        {
            xml.WriteStartElement("skipped");
            xml.WriteAttributeString("message", $"STALE (warn): {string.Join("; ", row.Notes)}");
            xml.WriteEndElement();
        }
        xml.WriteElementString("system-out", $"{row.Verdict.Label()}\n{details}");
        xml.WriteEndElement();
    }

    private static string Summary(MetricVerdict row)
    {
        var (raw, adjusted) = ReportText.DecidingP(row);
        return $"{row.Metric.Key} ({ReportText.Direction(row.Metric)}, margin {ReportText.Margin(row)}): "
            + $"baseline {ReportText.MeanSd(row.Baseline)} (n={row.Baseline.N}), candidate {ReportText.MeanSd(row.Candidate)} (n={row.Candidate.N}), "
            + $"Δ {ReportText.Difference(row.Comparison)}, p {raw} (adjusted {adjusted})";
    }
}
