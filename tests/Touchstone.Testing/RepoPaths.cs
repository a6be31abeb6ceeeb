namespace Touchstone.Testing;

/// <summary>Locates the repository checkout the tests run from.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    /// <summary>The repository root: the nearest ancestor of the test binaries that holds Touchstone.slnx.</summary>
    public static string Root => RootLazy.Value;

    /// <summary>A path below the repository root.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Touchstone.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException(
            $"Could not find Touchstone.slnx above {AppContext.BaseDirectory}; run the tests from a checkout.");
    }
}
