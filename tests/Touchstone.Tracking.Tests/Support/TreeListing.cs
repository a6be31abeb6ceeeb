namespace Touchstone.Tracking.Tests.Support;

/// <summary>Every file and folder below a root, as sorted '/'-separated relative paths (folders end with '/').</summary>
internal static class TreeListing
{
    public static IReadOnlyList<string> Of(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/') + (Directory.Exists(p) ? "/" : ""))
            .Order(StringComparer.Ordinal)
            .ToList();
}
