using System.Globalization;
using Touchstone.Tracking.Model;

namespace Touchstone.Tracking.FileStore;

/// <summary>
/// One metric file of the file store: one line <c>&lt;timestamp_ms&gt; &lt;value&gt; &lt;step&gt;\n</c> per
/// logged value, the value as Python's <c>repr(float)</c>. Reads the legacy 2-field and the 3.x 5-field forms too,
/// but writes 3 fields, the only form MLflow 2.x and 3.x both read.
/// </summary>
public static class MetricFile
{
    /// <summary>The line for one value, with its trailing newline.</summary>
    public static string FormatLine(Metric metric) =>
        string.Create(CultureInfo.InvariantCulture, $"{metric.Timestamp} {PythonFloat.Format(metric.Value)} {metric.Step}\n");

    /// <summary>Parses the lines of a metric file; <paramref name="path"/> is for error messages.</summary>
    public static IReadOnlyList<Metric> Parse(string key, string text, string path)
    {
        var metrics = new List<Metric>();
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }
            var fields = line.Trim().Split(' ');
            if (fields.Length is not (2 or 3 or 5)
                || !long.TryParse(fields[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var timestamp)
                || !PythonFloat.TryParse(fields[1], out var value))
            {
                throw new InvalidDataException($"{path}:{lineNumber}: not a metric line ('{line.Trim()}'); expected '<timestamp_ms> <value> <step>'");
            }
            long step = 0;
            if (fields.Length > 2 && !long.TryParse(fields[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out step))
            {
                throw new InvalidDataException($"{path}:{lineNumber}: step '{fields[2]}' is not an integer");
            }
            metrics.Add(new Metric(key, value, timestamp, step));
        }
        return metrics;
    }
}
