using System.Globalization;
using Touchstone.Core.Declarations;
using Touchstone.Core.Running;

namespace Touchstone.Core.Results;

/// <summary>
/// The folders of one sharded submission: shard i of run id R is <c>R-shard-i</c> beside the others, so the tasks of
/// a job array never share a folder and a merge finds them all from R alone.
/// </summary>
public static class ShardFolders
{
    /// <summary>The folder name (and run id) of shard <paramref name="shard"/> of <paramref name="runId"/>.</summary>
    public static string Name(string runId, Shard shard) => $"{runId}-shard-{shard.Index}";

    /// <summary>The shard folders of <paramref name="run"/> (<c>results/R</c> finds <c>results/R-shard-1</c>, …), by index.</summary>
    /// <exception cref="DeclarationException">There are none.</exception>
    public static IReadOnlyList<string> Find(string run)
    {
        var full = Path.GetFullPath(Path.TrimEndingDirectorySeparator(run));
        var parent = Path.GetDirectoryName(full)!;
        var prefix = Path.GetFileName(full) + "-shard-";
        var found = Directory.Exists(parent)
            ? Directory.EnumerateDirectories(parent, prefix + "*")
                .Select(folder => (folder, index: Index(Path.GetFileName(folder)[prefix.Length..])))
                .Where(f => f.index is not null)
                .OrderBy(f => f.index)
                .Select(f => f.folder)
                .ToList()
            : [];
        if (found.Count == 0)
        {
            throw new DeclarationException("--shards-of",
                $"no shard folders {Path.Combine(parent, prefix)}<i> found; pass the results folder and run id the shards were run with");
        }
        return found;
    }

    private static int? Index(string text) =>
        text.Length > 0 && text.All(char.IsAsciiDigit) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : null;
}
