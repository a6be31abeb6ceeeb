using System.Text.Json;
using Touchstone.Core.Declarations;
using Touchstone.Core.Running;

namespace Touchstone.Core.Results;

/// <summary>Creating a run folder with its manifest, and opening an existing one.</summary>
public static class RunFolder
{
    /// <summary>
    /// Creates the folder with its manifest.json and takes its lock, atomically: everything is written into a
    /// temporary folder beside it, which is then renamed. So a run folder either does not exist or has its manifest
    /// (a full disk leaves no half-made folder), and of two processes creating the same folder exactly one succeeds.
    /// </summary>
    /// <param name="folder">The new run's folder.</param>
    /// <param name="manifest">Its manifest.</param>
    /// <param name="whatToDo">Advice for when the folder already holds a run.</param>
    /// <returns>The folder and its lock, which the caller releases when it is done writing.</returns>
    /// <exception cref="DeclarationException">The folder already holds a run or other files.</exception>
    public static (RunLayout Layout, RunLock Lock) Create(string folder, RunManifest manifest, string whatToDo)
    {
        var layout = new RunLayout(Path.GetFullPath(folder));
        if (Exists(layout))
        {
            throw AlreadyExists(folder, layout, whatToDo);
        }
        var parent = Path.GetDirectoryName(layout.Root)!;
        var staging = new RunLayout(Path.Combine(parent, $".{Path.GetFileName(layout.Root)}.tmp-{System.Environment.ProcessId}-{Guid.NewGuid():N}"));
        RunLock? held = null;
        try
        {
            Directory.CreateDirectory(parent);
            Directory.CreateDirectory(staging.CellsFolder);
            held = RunLock.TakeInNewFolder(staging.Root, layout.Root);
            WriteManifest(staging, manifest);
            if (Directory.Exists(layout.Root) && !Directory.EnumerateFileSystemEntries(layout.Root).Any())
            {
                Directory.Delete(layout.Root); // an empty folder made beforehand; rename does not replace folders
            }
            Directory.Move(staging.Root, layout.Root);
            AtomicFile.SyncFolder(parent);
            return (layout, held);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            held?.Dispose();
            TryDeleteFolder(staging.Root);
            // Lost the race for the name to another process: the same advice as when it existed before.
            throw Exists(layout) ? AlreadyExists(folder, layout, whatToDo) : Unwritable(parent, e);
        }
    }

    private static bool Exists(RunLayout layout) =>
        File.Exists(layout.Manifest) || (Directory.Exists(layout.Root) && Directory.EnumerateFileSystemEntries(layout.Root).Any());

    private static DeclarationException AlreadyExists(string folder, RunLayout layout, string whatToDo) =>
        new(folder, $"{layout.Root} already exists and is not empty; {whatToDo}");

    private static DeclarationException Unwritable(string parent, Exception e) =>
        new(parent, $"{parent} is not a writable folder: {e.Message.TrimEnd('.')}. Nothing was run; choose another results folder " +
            "(a folder you can write, with free space).");

    private static void TryDeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover staging folder is hidden and harmless.
        }
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
            var json = File.ReadAllText(layout.Manifest);
            // The fields nothing works without; others are checked by kind when the manifest is read.
            if (JsonProblems.Shape(json, "schema_version", "run_id", "profile", "cells", "fingerprint") is { } problem)
            {
                throw new DeclarationException(folder,
                    $"{layout.Manifest} is not a run manifest: {problem}. It was damaged or edited; restore it from a copy, or start a new run");
            }
            var manifest = JsonSerializer.Deserialize<RunManifest>(json, ResultsJson.Options)!;
            if (manifest.SchemaVersion != RunManifest.CurrentSchemaVersion)
            {
                throw new DeclarationException(folder,
                    $"{layout.Manifest} has results layout version {manifest.SchemaVersion}; this Touchstone reads version {RunManifest.CurrentSchemaVersion}");
            }
            return (layout, manifest);
        }
        catch (JsonException e)
        {
            throw new DeclarationException(folder,
                $"cannot read {layout.Manifest}: {JsonProblems.Explain<RunManifest>(e)}. It was damaged or edited; restore it from a copy, or start a new run");
        }
        catch (IOException e)
        {
            throw new DeclarationException(folder, $"cannot read {layout.Manifest}: {e.Message}");
        }
    }
}
