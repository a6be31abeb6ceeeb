using System.Text;

namespace Touchstone.Parquet.Records;

/// <summary>PascalCase to snake_case, the column naming rule of <see cref="ParquetRecords"/>.</summary>
public static class Naming
{
    /// <summary>
    /// Converts a .NET member name to snake_case: <c>RunId</c> → <c>run_id</c>, <c>DurationS</c> → <c>duration_s</c>,
    /// <c>HTTPServer</c> → <c>http_server</c>, <c>Top5Accuracy</c> → <c>top5_accuracy</c>.
    /// </summary>
    public static string ToSnakeCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var result = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previous = i > 0 ? name[i - 1] : '\0';
                var next = i + 1 < name.Length ? name[i + 1] : '\0';
                // A word starts at an upper-case letter after a lower-case letter or digit, or at the last capital
                // of an acronym that a lower-case letter follows (HTTPServer → http_server).
                var startsWord = i > 0 && previous != '_' &&
                                 (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && char.IsLower(next)));
                if (startsWord)
                {
                    result.Append('_');
                }
                result.Append(char.ToLowerInvariant(c));
            }
            else
            {
                result.Append(c);
            }
        }
        return result.ToString();
    }
}
