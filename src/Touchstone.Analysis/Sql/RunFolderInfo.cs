using Touchstone.Core.Declarations;
using Touchstone.Core.Results;
using Touchstone.Core.Running;

namespace Touchstone.Analysis.Sql;

/// <summary>A run folder and its manifest.</summary>
/// <param name="Folder">The folder (absolute).</param>
/// <param name="Layout">Where its files are.</param>
/// <param name="Manifest">Its manifest.json.</param>
public sealed record RunFolderInfo(string Folder, RunLayout Layout, RunManifest Manifest)
{
    /// <summary>The run id from the manifest.</summary>
    public string RunId => Manifest.RunId;

    /// <summary>Opens a run folder.</summary>
    /// <exception cref="QueryException">It is not a run folder or its manifest cannot be read.</exception>
    public static RunFolderInfo Read(string folder)
    {
        try
        {
            var (layout, manifest) = RunFolder.Open(folder);
            return new RunFolderInfo(layout.Root, layout, manifest);
        }
        catch (DeclarationException e)
        {
            throw new QueryException(string.Join("; ", e.Diagnostics.Select(d => d.Message)), e);
        }
    }
}
