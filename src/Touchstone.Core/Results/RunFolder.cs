using System.Text.Json;
using Touchstone.Core.Declarations;
using Touchstone.Core.Running;

namespace Touchstone.Core.Results;

/// <summary>Creating a run folder with its manifest, and opening an existing one.</summary>
public static class RunFolder
{
    /// <summary>Creates the folder and writes manifest.json.</summary>
    /// <param name="folder">The new run's folder.</param>
    /// <param name="manifest">Its manifest.</param>
    /// <param name="whatToDo">Advice for when the folder already holds a run.</param>
    /// <exception cref="DeclarationException">The folder already holds a run or other files.</exception>
    public static RunLayout Create(string folder, RunManifest manifest, string whatToDo)
    {
        var layout = new RunLayout(Path.GetFullPath(folder));
        if (File.Exists(layout.Manifest) || (Directory.Exists(layout.Root) && Directory.EnumerateFileSystemEntries(layout.Root).Any()))
        {
            throw new DeclarationException(folder, $"{layout.Root} already exists and is not empty; {whatToDo}");
        }
        Directory.CreateDirectory(layout.CellsFolder);
        WriteManifest(layout, manifest);
        return layout;
    }

    /// <summary>Whether <paramref name="folder"/> holds a run (its manifest.json).</summary>
    public static bool Exists(string folder) => File.Exists(new RunLayout(Path.GetFullPath(folder)).Manifest);

    /// <summary>Rewrites manifest.json (atomically).</summary>
    public static void WriteManifest(RunLayout layout, RunManifest manifest) => AtomicFile.WriteJson(layout.Manifest, manifest);

    /// <summary>Opens a run folder and reads its manifest.</summary>
    /// <exception cref="DeclarationException">The folder is not a run or its manifest cannot be read.</exception>
    public static (RunLayout Layout, RunManifest Manifest) Open(string folder)
    {
        var layout = new RunLayout(Path.GetFullPath(folder));
        if (!File.Exists(layout.Manifest))
        {
            throw new DeclarationException(folder,
                $"{folder} is not a run folder (it has no manifest.json); pass a folder under results/runs");
        }
        try
        {
            var manifest = JsonSerializer.Deserialize<RunManifest>(File.ReadAllText(layout.Manifest), ResultsJson.Options)
                ?? throw new JsonException("the manifest is null");
            if (manifest.SchemaVersion != RunManifest.CurrentSchemaVersion)
            {
                throw new DeclarationException(folder,
                    $"{layout.Manifest} has results layout version {manifest.SchemaVersion}; this Touchstone reads version {RunManifest.CurrentSchemaVersion}");
            }
            return (layout, manifest);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new DeclarationException(folder, $"cannot read {layout.Manifest}: {e.Message}");
        }
    }
}
