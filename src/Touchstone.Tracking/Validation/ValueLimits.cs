using System.Text;

namespace Touchstone.Tracking.Validation;

/// <summary>
/// MLflow's limits on values. Since MLflow 2.11 an over-long param or tag value is cut to the limit (with a
/// warning) rather than refused, unless <c>MLFLOW_TRUNCATE_LONG_VALUES=false</c>.
/// </summary>
public static class ValueLimits
{
    /// <summary>Longest param value (6000 since MLflow 2.8).</summary>
    public const int MaxParamValueLength = 6000;

    /// <summary>Longest tag value (8000 since MLflow 2.8).</summary>
    public const int MaxTagValueLength = 8000;

    /// <summary>Longest experiment name.</summary>
    public const int MaxExperimentNameLength = 500;

    /// <summary>
    /// The first <paramref name="limit"/> code points of <paramref name="value"/> (Python's <c>value[:limit]</c>),
    /// or the value itself when it fits.
    /// </summary>
    public static string Truncate(string value, int limit)
    {
        // Fast path: a UTF-16 string no longer than the limit has at most that many code points.
        if (value.Length <= limit)
        {
            return value;
        }
        var builder = new StringBuilder(limit);
        var count = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            if (count == limit)
            {
                break;
            }
            builder.Append(rune.ToString());
            count++;
        }
        return builder.ToString();
    }
}
