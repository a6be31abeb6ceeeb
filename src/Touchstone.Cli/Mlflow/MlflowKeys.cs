using System.Globalization;
using System.Text;
using Touchstone.Tracking.Validation;

namespace Touchstone.Cli.Mlflow;

/// <summary>
/// Makes metric keys MLflow accepts out of Touchstone's split and metric names (e.g. <c>acc@1</c>, which MLflow
/// refuses, becomes <c>acc_1</c>), so a number is renamed rather than lost; the Parquet tables keep the real name.
/// </summary>
public static class MlflowKeys
{
    /// <summary>The MLflow key <c>split/metric</c>, with characters MLflow refuses replaced by '_'.</summary>
    public static string Metric(string split, string metric) => $"{Sanitize(split)}/{Sanitize(metric)}";

    /// <summary>
    /// Replaces every character outside MLflow's key alphabet by '_' and removes empty, '.' and '..' path segments.
    /// </summary>
    public static string Sanitize(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            text.Append(KeyRules.Problem(rune.ToString()) is null || rune.Value is '/' or '.' ? rune.ToString() : "_");
        }
        var segments = text.ToString().Split('/').Where(s => s is not ("" or "." or "..")).ToList();
        var result = string.Join('/', segments);
        return result.StartsWith("..", StringComparison.Ordinal) ? "_" + result[1..] : result.Length == 0 ? "_" : result;
    }

    /// <summary>Invariant text of a number, for tags.</summary>
    public static string Text(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
}
