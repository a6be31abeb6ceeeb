using System.Text.Json;
using Touchstone.Core.Results;
using Touchstone.Core.Running;
using Touchstone.Parquet;

namespace Touchstone.Gate.Runs;

/// <summary>
/// Reads a run folder: manifest.json and the run-level tables. The one place that knows the run's file layout and
/// JSON naming; every failure becomes a <see cref="GateInputException"/> that says what to do.
/// </summary>
public static class RunReader
{
    /// <summary>The manifest's file name.</summary>
    public const string ManifestFile = "manifest.json";

    /// <summary>The run-level final metrics table.</summary>
    public const string MetricsFile = "metrics.parquet";

    /// <summary>The run-level cells table.</summary>
    public const string CellsFile = "cells.parquet";

    /// <summary>Reads the run in <paramref name="directory"/>.</summary>
    /// <exception cref="GateInputException">The folder, the manifest or a table is missing or unreadable.</exception>
    public static RunData Read(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new GateInputException(
                $"run folder '{directory}' does not exist; pass --run with a folder made by `touchstone run` (results/runs/<run-id>)");
        }
        var manifest = ReadManifest(Path.Combine(directory, ManifestFile));
        var cells = ReadTable<CellRow>(directory, CellsFile);
        var metrics = ReadTable<MetricRow>(directory, MetricsFile);
        return new RunData(directory, manifest, cells, metrics);
    }

    private static RunManifest ReadManifest(string path)
    {
        if (!File.Exists(path))
        {
            throw new GateInputException(
                $"{path} is missing: '{Path.GetDirectoryName(path)}' is not a run folder (pass the folder `touchstone run` created)");
        }
        try
        {
            return JsonSerializer.Deserialize<RunManifest>(File.ReadAllText(path), ResultsJson.Options)
                ?? throw new GateInputException($"{path} holds null instead of a run manifest; the run is damaged: rerun it");
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}" : "";
            throw new GateInputException($"{path} is not a valid run manifest{where}: {e.Message} The run is damaged: rerun it.", e);
        }
        catch (IOException e)
        {
            throw new GateInputException($"{path} cannot be read: {e.Message}", e);
        }
    }

    private static IReadOnlyList<T> ReadTable<T>(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            throw new GateInputException(
                $"{path} is missing: the run has no finished cells, or its shards were not merged. Finish or resume the run (or merge its shards), then try again.");
        }
        try
        {
            return ParquetRecords.Read<T>(path);
        }
        catch (Exception e) when (e is ParquetFormatException or IOException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new GateInputException($"{path} cannot be read: {e.Message} Rerun or resume the run to rewrite it.", e);
        }
    }
}
