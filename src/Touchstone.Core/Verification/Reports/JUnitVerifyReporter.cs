using System.Globalization;
using System.Xml;

namespace Touchstone.Core.Verification.Reports;

/// <summary>
/// The verify result as JUnit XML: one test case per cell; DIFFERS and FAILED are failures (type = the verdict),
/// NOT-COMPARABLE is skipped with the changed fields, IDENTICAL passes.
/// </summary>
/// <param name="writer">Where the XML goes.</param>
public sealed class JUnitVerifyReporter(TextWriter writer)
{
    /// <summary>Writes <paramref name="report"/>.</summary>
    public void Write(VerifyReport report)
    {
        using var xml = XmlWriter.Create(writer, new XmlWriterSettings { Indent = true, CloseOutput = false });
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", $"touchstone verify {report.RunId}");
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", $"verify {report.RunId}");
        xml.WriteAttributeString("tests", Text(report.Cells.Count));
        xml.WriteAttributeString("failures", Text(report.Cells.Count(c => c.Fails)));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", Text(report.Count(VerifyVerdict.NotComparable)));
        xml.WriteAttributeString("time", "0");
        foreach (var cell in report.Cells)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("classname", $"touchstone.verify.{cell.Cell.Suite}.{cell.Cell.Variant}");
            xml.WriteAttributeString("name", $"seed-{cell.Cell.Seed}");
            xml.WriteAttributeString("time", "0");
            var detail = VerifyText.Detail(cell);
            if (cell.Fails)
            {
                xml.WriteStartElement("failure");
                xml.WriteAttributeString("type", VerifyText.Label(cell.Verdict));
                xml.WriteAttributeString("message", $"{VerifyText.Label(cell.Verdict)}: {detail}");
                xml.WriteString($"max |Δ| {VerifyText.MaxAbsolute(cell)}, max rel {VerifyText.MaxRelative(cell)}, ULPs {VerifyText.MaxUlps(cell)}");
                xml.WriteEndElement();
            }
            else if (cell.Verdict == VerifyVerdict.NotComparable)
            {
                xml.WriteStartElement("skipped");
                xml.WriteAttributeString("message", $"NOT-COMPARABLE: {detail}");
                xml.WriteEndElement();
            }
            xml.WriteElementString("system-out", $"{VerifyText.Label(cell.Verdict)}\n{detail}");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
