using System.Globalization;
using System.Text.Json;
using Touchstone.Core.Experiments;
using Touchstone.Core.Running;
using Touchstone.Parquet;

namespace Touchstone.Core.Results;

/// <summary>
/// Writes the run-level tables (metrics.parquet, curves.parquet, cells.parquet) as the union of the committed
/// cells' files, in the manifest's cell order, each atomically. The Parquet key-value metadata of each holds the
/// schema version, the manifest (JSON) and how many of the manifest's cells the table covers; tables.sha256 beside
/// them holds their SHA-256, checked by the gate and promote.
/// </summary>
public static class RunTables
{
    /// <summary>Metadata key of the results layout version.</summary>
    public const string SchemaVersionKey = "touchstone.schema_version";

    /// <summary>Metadata key of the run manifest (JSON, as in manifest.json).</summary>
    public const string ManifestKey = "touchstone.manifest";

    /// <summary>Metadata key of the number of cells the table covers (committed cells).</summary>
    public const string CellsCommittedKey = "touchstone.cells_committed";

    /// <summary>Metadata key of the number of cells the manifest plans.</summary>
    public const string CellsPlannedKey = "touchstone.cells_planned";

    /// <summary>Writes the three tables from the committed cells of <paramref name="cells"/> (in that order).</summary>
    /// <returns>The committed cells that went into the tables.</returns>
    public static IReadOnlyList<CommittedCell> Write(RunLayout layout, RunManifest manifest, IEnumerable<CellId> cells)
    {
        var committed = cells.Select(id => CellStore.TryRead(layout.Cell(id))).OfType<CommittedCell>().ToList();
        var options = new ParquetWriteOptions
        {
            Metadata = new Dictionary<string, string>
            {
                [SchemaVersionKey] = manifest.SchemaVersion.ToString(CultureInfo.InvariantCulture),
                [ManifestKey] = JsonSerializer.Serialize(manifest, ResultsJson.Options),
                [CellsCommittedKey] = committed.Count.ToString(CultureInfo.InvariantCulture),
                [CellsPlannedKey] = manifest.Cells.Count.ToString(CultureInfo.InvariantCulture),
            },
        };
        AtomicFile.Write(layout.Metrics, s => ParquetRecords.Write(s, committed.SelectMany(c => c.ReadMetrics()), options));
        AtomicFile.Write(layout.Curves, s => ParquetRecords.Write(s, committed.SelectMany(c => c.ReadCurves()), options));
        AtomicFile.Write(layout.Cells, s => ParquetRecords.Write(s, committed.Select(c => c.Record.Row), options));
        Checksums.Write(layout.TableChecksums, [layout.Metrics, layout.Curves, layout.Cells]);
        return committed;
    }
}
