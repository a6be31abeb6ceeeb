using Touchstone.Core.Declarations;
using Touchstone.Core.Results;
using Touchstone.Core.Running;
using Touchstone.Parquet;

namespace Touchstone.Gate.Runs;

/// <summary>
/// Reads a run folder through Core's layout (manifest.json and the run-level tables). Every failure becomes a
/// <see cref="GateInputException"/> that names the file and says what to do.
/// </summary>
public static class RunReader
{
    /// <summary>Reads the run in <paramref name="directory"/>.</summary>
    /// <exception cref="GateInputException">The folder, the manifest or a table is missing or unreadable.</exception>
    public static RunData Read(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new GateInputException(
                $"run folder '{directory}' does not exist; pass --run with a folder made by `touchstone run` (results/runs/<run-id>)");
        }
        RunLayout layout;
        RunManifest manifest;
        try
        {
            (layout, manifest) = RunFolder.Open(directory);
        }
        catch (DeclarationException e)
        {
            throw new GateInputException(string.Join("; ", e.Diagnostics.Select(d => d.Message)), e);
        }
        var cells = ReadTable<CellRow>(layout, layout.Cells);
        var metrics = ReadTable<MetricRow>(layout, layout.Metrics);
        RefuseRepeatedRows(layout.Metrics, metrics);
        if (File.Exists(layout.Curves))
        {
            // Curves are not judged, but a curve with two values at one step is the same damage as in metrics.
            RefuseRepeatedRows(layout.Curves, ReadTable<MetricRow>(layout, layout.Curves));
        }
        return new RunData(directory, manifest, cells, metrics);
    }

    /// <summary>Refuses a table with two rows for one (suite, variant, seed, split, metric) at one step.</summary>
    /// <exception cref="GateInputException">The message names the table, the key, the step and the values.</exception>
    public static void RefuseRepeatedRows(string table, IReadOnlyList<MetricRow> rows)
    {
        if (RepeatedRow.FirstIn(rows) is { } repeated)
        {
            throw new GateInputException(
                $"{repeated.Describe(table)}. Rerun the run (or resume it to rewrite its tables) instead of editing {Path.GetFileName(table)}.");
        }
    }

    private static IReadOnlyList<T> ReadTable<T>(RunLayout layout, string path)
    {
        if (!File.Exists(path))
        {
            throw new GateInputException(
                $"{path} is missing: the run has no finished cells, or its shards were not merged. Finish or resume the run (or merge its shards), then try again.");
        }
        try
        {
            // Decoding first: a damaged page is best named by its page CRC (column, row group).
            var rows = ParquetRecords.Read<T>(path);
            Checksums.Verify(layout.TableChecksums, path);
            return rows;
        }
        catch (Exception e) when (e is ParquetFormatException or IOException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new GateInputException($"{path} cannot be read: {e.Message} Rerun or resume the run to rewrite it.", e);
        }
    }
}
