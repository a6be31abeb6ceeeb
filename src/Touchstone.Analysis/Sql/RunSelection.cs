using Touchstone.Core.Results;

namespace Touchstone.Analysis.Sql;

/// <summary>Which run folders a query or comparison reads: explicit folders, or a glob over folders.</summary>
public static class RunSelection
{
    /// <summary>The default glob of <c>touchstone query</c>: every run under results/runs.</summary>
    public const string DefaultGlob = "results/runs/*";

    /// <summary>
    /// The run folders (those with a manifest.json) matching <paramref name="glob"/>, e.g. <c>results/runs/smoke-*</c>.
    /// Only the last path segment may hold <c>*</c> or <c>?</c>; the result is sorted by folder name.
    /// </summary>
    public static IReadOnlyList<string> Glob(string glob)
    {
        var full = Path.GetFullPath(glob);
        var parent = Path.GetDirectoryName(full) ?? full;
        var pattern = Path.GetFileName(full);
        if (parent.IndexOfAny(['*', '?']) >= 0)
        {
            throw new QueryException($"--runs {glob}: only the last part of the path may hold a wildcard (e.g. results/runs/smoke-*)");
        }
        if (!Directory.Exists(parent))
        {
            return [];
        }
        return Directory.EnumerateDirectories(parent, pattern.Length == 0 ? "*" : pattern)
            .Where(d => File.Exists(new RunLayout(d).Manifest))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
