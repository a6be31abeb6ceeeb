using System.Text;
using Touchstone.Core.Results;
using Touchstone.Reports.Html;
using Touchstone.Reports.Model;

namespace Touchstone.Reports;

/// <summary>
/// <c>touchstone report</c> without the command line: loads a run (and a run to compare with), renders the charts
/// and writes one self-contained HTML file.
/// </summary>
public static class RunReport
{
    /// <summary>Writes the report of <paramref name="options"/> to <paramref name="path"/> (atomically).</summary>
    /// <returns>The model the report shows.</returns>
    public static ReportModel Write(ReportOptions options, string path)
    {
        var model = ReportLoader.Load(options);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
            HtmlReportWriter.Write(model, options.Policy, writer);
        });
        return model;
    }
}
