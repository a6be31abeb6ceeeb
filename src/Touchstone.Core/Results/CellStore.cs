using System.Text.Json;
using Touchstone.Core.Declarations;
using Touchstone.Core.Experiments;
using Touchstone.Core.Running;
using Touchstone.Parquet;

namespace Touchstone.Core.Results;

/// <summary>A cell whose files are complete on disk.</summary>
/// <param name="Record">Its cell.json.</param>
/// <param name="Files">Where its files are.</param>
public sealed record CommittedCell(CellRecord Record, CellFiles Files)
{
    /// <summary>The cell's id.</summary>
    public CellId Id => new(Record.Row.Suite, Record.Row.Variant, Record.Row.Seed);

    /// <summary>Reads the cell's final metrics.</summary>
    public IReadOnlyList<MetricRow> ReadMetrics() => ParquetRecords.Read<MetricRow>(Files.Metrics);

    /// <summary>Reads the cell's curves.</summary>
    public IReadOnlyList<MetricRow> ReadCurves() => ParquetRecords.Read<MetricRow>(Files.Curves);

    /// <summary>The outcome handed to sinks and summaries.</summary>
    public CellOutcome ToOutcome() => new(Record.Row, ReadMetrics(), Files.Folder);
}

/// <summary>
/// Writes a finished cell's files in commit order (tables first, cell.json last, each atomically) and reads
/// committed cells back. A cell folder without a valid cell.json, or whose tables do not hold the rows cell.json
/// counts and hashes, is not committed: a resumed run deletes and reruns it.
/// </summary>
public static class CellStore
{
    /// <summary>Commits a cell: metrics.parquet, curves.parquet, removes the partial curve file, then writes cell.json.</summary>
    public static CommittedCell Commit(CellFiles files, CellRow row, IReadOnlyList<MetricRow> metrics, IReadOnlyList<MetricRow> curves)
    {
        AtomicFile.Write(files.Metrics, stream => ParquetRecords.Write(stream, metrics));
        AtomicFile.Write(files.Curves, stream => ParquetRecords.Write(stream, curves));
        // curves.parquet now holds every point; the partial file goes before the commit so none outlives it.
        File.Delete(files.PartialCurves);
        var record = new CellRecord(RunManifest.CurrentSchemaVersion, row, metrics.Count, curves.Count,
            Checksums.Sha256Of(files.Metrics), Checksums.Sha256Of(files.Curves));
        AtomicFile.WriteJson(files.Record, record);
        return new CommittedCell(record, files);
    }

    /// <summary>The committed cell in <paramref name="files"/>, or null when the cell has not committed.</summary>
    public static CommittedCell? TryRead(CellFiles files)
    {
        if (!File.Exists(files.Record))
        {
            return null;
        }
        try
        {
            var record = JsonSerializer.Deserialize<CellRecord>(File.ReadAllText(files.Record), ResultsJson.Options);
            if (record is null || record.SchemaVersion != RunManifest.CurrentSchemaVersion
                || !File.Exists(files.Metrics) || !File.Exists(files.Curves))
            {
                return null;
            }
            if ((record.MetricsSha256 is { } metricsHash && Checksums.Sha256Of(files.Metrics) != metricsHash)
                || (record.CurvesSha256 is { } curvesHash && Checksums.Sha256Of(files.Curves) != curvesHash))
            {
                return null;
            }
            var cell = new CommittedCell(record, files);
            return cell.ReadMetrics().Count == record.MetricRows && cell.ReadCurves().Count == record.CurveRows ? cell : null;
        }
        catch (Exception e) when (e is JsonException or IOException or ParquetFormatException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// The committed cells among <paramref name="plans"/>, checking that each was run with the config its plan
    /// now resolves to.
    /// </summary>
    /// <exception cref="DeclarationException">A committed cell's config hash differs from its plan's.</exception>
    public static Dictionary<CellId, CommittedCell> ReadCommitted(RunLayout layout, IReadOnlyList<CellPlan> plans)
    {
        var committed = new Dictionary<CellId, CommittedCell>();
        var errors = new List<Diagnostic>();
        foreach (var plan in plans)
        {
            if (TryRead(layout.Cell(plan.Id)) is not { } cell)
            {
                continue;
            }
            if (cell.Record.Row.ConfigHash != plan.Config.Hash)
            {
                errors.Add(new Diagnostic(null, plan.Id.ToString(),
                    $"cell {plan.Id} ran with config hash {cell.Record.Row.ConfigHash[..12]}…, but the suites now resolve it to " +
                    $"{plan.Config.Hash[..12]}…: the suite file or its experiment changed since the run started. " +
                    "Restore them, or start a new run instead of resuming this one"));
                continue;
            }
            committed[plan.Id] = cell;
        }
        return errors.Count > 0 ? throw new DeclarationException(errors) : committed;
    }
}
