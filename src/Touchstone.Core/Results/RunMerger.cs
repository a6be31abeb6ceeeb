using Touchstone.Core.Declarations;
using Touchstone.Core.Environment;
using Touchstone.Core.Experiments;
using Touchstone.Core.Running;

namespace Touchstone.Core.Results;

/// <summary>The result of merging run folders.</summary>
/// <param name="Layout">The merged run's folder.</param>
/// <param name="Manifest">The merged run's manifest.</param>
/// <param name="Cells">The committed cells of the merged run, in matrix order.</param>
/// <param name="Missing">Cells of the matrix that no input holds committed.</param>
public sealed record MergeReport(RunLayout Layout, RunManifest Manifest, IReadOnlyList<CommittedCell> Cells, IReadOnlyList<string> Missing)
{
    /// <summary>The shards of <see cref="ShardCount"/> that no input holds (1-based), when the inputs are shards of one split.</summary>
    public IReadOnlyList<int> MissingShards { get; init; } = [];

    /// <summary>How many shards the inputs were split into, or null when they are not shards of one split.</summary>
    public int? ShardCount { get; init; }
}

/// <summary>
/// Unions run folders (typically the shards of one run, from several machines) into one new run: the committed
/// cells are copied with the new run's id on every row, and the run-level tables are written in the matrix order,
/// so the merged run has the same tables as an unsharded run of the same matrix (ids and timings aside). Inputs
/// that disagree on the profile or the overrides, and cells committed in more than one input, are refused.
/// </summary>
public static class RunMerger
{
    /// <summary>Merges <paramref name="inputs"/> into the new folder <paramref name="output"/>; its name is the run id.</summary>
    /// <exception cref="DeclarationException">The inputs cannot be merged (nothing is written then).</exception>
    public static MergeReport Merge(IReadOnlyList<string> inputs, string output, string commandLine)
    {
        var runs = inputs.Select(RunFolder.Open).ToList();
        var runId = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(output)));
        var errors = new List<Diagnostic>();
        CheckCompatible(runs, errors);
        if (!RunIds.IsValid(runId))
        {
            errors.Add(new Diagnostic(null, "--out", $"the output folder name '{runId}' becomes the run id; use letters, digits, '-', '_' or '.'"));
        }
        var committed = new Dictionary<CellId, (CommittedCell Cell, string From)>();
        foreach (var (layout, input) in runs)
        {
            foreach (var id in input.Cells.Select(ParseCellId))
            {
                if (CellStore.TryRead(layout.Cell(id)) is not { } cell)
                {
                    continue;
                }
                if (committed.TryGetValue(id, out var first))
                {
                    errors.Add(new Diagnostic(null, id.ToString(),
                        $"cell {id} is in both {first.From} and {layout.Root}; merge each cell from one run only (were two shards given the same --shard?)"));
                    continue;
                }
                committed[id] = (cell, layout.Root);
                errors.AddRange(RepeatedRows(id, cell));
            }
        }
        if (errors.Count > 0)
        {
            throw new DeclarationException(errors);
        }
        var matrix = MatrixOrder(runs.Select(r => r.Manifest).ToList());
        var manifest = MergedManifest(runs.Select(r => r.Manifest).ToList(), runId, matrix, commandLine);
        var (merged, held) = RunFolder.Create(output, manifest, "choose another --out folder for the merged run");
        using var release = held;
        foreach (var id in matrix.Where(committed.ContainsKey))
        {
            Copy(committed[id].Cell, merged.Cell(id), runId);
        }
        var cells = RunTables.Write(merged, manifest, matrix);
        var missing = matrix.Where(id => !committed.ContainsKey(id)).Select(id => id.ToString()).ToList();
        var shards = runs.Select(r => r.Manifest.Shard).ToList();
        var count = shards.All(s => s is not null) ? shards[0]!.Count : (int?)null;
        return new MergeReport(merged, manifest, cells, missing)
        {
            ShardCount = count,
            MissingShards = count is { } n ? Enumerable.Range(1, n).Except(shards.Select(s => s!.Index)).ToList() : [],
        };
    }

    /// <summary>Parses a cell id <c>suite/variant/seed-N</c>.</summary>
    public static CellId ParseCellId(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 3 || !parts[2].StartsWith("seed-", StringComparison.Ordinal)
            || !int.TryParse(parts[2]["seed-".Length..], System.Globalization.CultureInfo.InvariantCulture, out var seed))
        {
            throw new DeclarationException(text, $"'{text}' is not a cell id (suite/variant/seed-N)");
        }
        return new CellId(parts[0], parts[1], seed);
    }

    // A cell table with two rows for one key at one step was edited or damaged; merging would copy the guess on.
    private static IEnumerable<Diagnostic> RepeatedRows(CellId id, CommittedCell cell)
    {
        foreach (var (table, rows) in new[] { (cell.Files.Metrics, cell.ReadMetrics()), (cell.Files.Curves, cell.ReadCurves()) })
        {
            if (RepeatedRow.FirstIn(rows) is { } repeated)
            {
                yield return new Diagnostic(null, id.ToString(), $"{repeated.Describe(table)}; rerun cell {id} in its run before merging");
            }
        }
    }

    private static void CheckCompatible(List<(RunLayout Layout, RunManifest Manifest)> runs, List<Diagnostic> errors)
    {
        var first = runs[0];
        foreach (var (layout, manifest) in runs.Skip(1))
        {
            if (manifest.Profile != first.Manifest.Profile)
            {
                errors.Add(new Diagnostic(null, "profile",
                    $"{layout.Root} ran profile '{manifest.Profile}' but {first.Layout.Root} ran '{first.Manifest.Profile}'; only runs of one profile merge"));
            }
            if (manifest.Shard is { } shard && first.Manifest.Shard is { } firstShard && shard.Count != firstShard.Count)
            {
                errors.Add(new Diagnostic(null, "shard",
                    $"{layout.Root} is shard {shard} but {first.Layout.Root} is shard {firstShard}; only the shards of one split merge"));
            }
            if (manifest.Threads != first.Manifest.Threads)
            {
                // The thread setting decides the last bits: shards with different ones are not one run.
                errors.Add(new Diagnostic(null, "threads",
                    $"{layout.Root} ran with threads per cell {Describe(manifest.Threads)} but {first.Layout.Root} with " +
                    $"{Describe(first.Manifest.Threads)}; only runs of one thread setting merge (rerun a shard with the other's --threads)"));
            }
            if (!manifest.Overrides.SequenceEqual(first.Manifest.Overrides))
            {
                errors.Add(new Diagnostic(null, "overrides",
                    $"{layout.Root} has overrides [{string.Join(", ", manifest.Overrides)}] but {first.Layout.Root} has " +
                    $"[{string.Join(", ", first.Manifest.Overrides)}]; only runs of one configuration merge"));
            }
        }
    }

    private static string Describe(ThreadSettings? threads) => threads?.ToString() ?? "unrecorded";

    // The unsharded matrix's order where the manifests know it, then any further cells in input order.
    private static List<CellId> MatrixOrder(List<RunManifest> manifests)
    {
        var ids = manifests.SelectMany(m => m.MatrixCells.Count > 0 ? m.MatrixCells : m.Cells)
            .Concat(manifests.SelectMany(m => m.Cells))
            .Distinct()
            .Select(ParseCellId)
            .ToList();
        return ids;
    }

    private static RunManifest MergedManifest(List<RunManifest> manifests, string runId, List<CellId> matrix, string commandLine)
    {
        var first = manifests[0];
        var cells = matrix.Select(id => id.ToString()).ToList();
        var others = manifests.SelectMany(m => m.OtherFingerprints.Prepend(m.Fingerprint))
            .DistinctBy(FingerprintCollector.Hash)
            .Where(f => FingerprintCollector.Hash(f) != first.FingerprintHash)
            .ToList();
        var devices = manifests.Select(m => m.Device).Distinct().ToList();
        return new RunManifest(
            RunManifest.CurrentSchemaVersion, runId, DateTime.UtcNow, first.Profile,
            manifests.SelectMany(m => m.Suites).Distinct().Order(StringComparer.Ordinal).ToList(),
            string.Join(",", devices), null, first.Overrides, cells, first.Fingerprint, first.FingerprintHash, commandLine)
        {
            MatrixCells = cells,
            SuitesDirectory = first.SuitesDirectory,
            OtherFingerprints = others,
            Threads = first.Threads,
        };
    }

    // The cell's rows carry the new run id; its other files are copied as they are; cell.json comes last.
    private static void Copy(CommittedCell cell, CellFiles target, string runId)
    {
        Directory.CreateDirectory(target.Folder);
        foreach (var file in Directory.EnumerateFiles(cell.Files.Folder))
        {
            var name = Path.GetFileName(file);
            if (name is "cell.json" or "metrics.parquet" or "curves.parquet" || AtomicFile.IsTemporary(name))
            {
                continue;
            }
            File.Copy(file, Path.Combine(target.Folder, name));
        }
        if (Directory.Exists(cell.Files.Artifacts))
        {
            CopyFolder(cell.Files.Artifacts, target.Artifacts);
        }
        var metrics = cell.ReadMetrics().Select(r => r with { RunId = runId }).ToList();
        var curves = cell.ReadCurves().Select(r => r with { RunId = runId }).ToList();
        CellStore.Commit(target, cell.Record.Row with { RunId = runId }, metrics, curves);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var folder in Directory.EnumerateDirectories(from))
        {
            CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}
