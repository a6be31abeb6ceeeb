using System.Globalization;
using Touchstone.Core.Declarations;
using Touchstone.Core.Results;
using Touchstone.Core.Running;

namespace Touchstone.Cli.Verification;

/// <summary>Which recorded cells <c>touchstone verify</c> re-executes.</summary>
internal static class CellSelection
{
    /// <summary>The run's committed cells in manifest order, and a note for each planned cell that is not committed.</summary>
    public static (IReadOnlyList<CommittedCell> Cells, IReadOnlyList<string> Skipped) Committed(RunLayout layout, RunManifest manifest)
    {
        var cells = new List<CommittedCell>();
        var skipped = new List<string>();
        foreach (var id in manifest.Cells.Select(RunMerger.ParseCellId))
        {
            if (CellStore.TryRead(layout.Cell(id)) is { } cell)
            {
                cells.Add(cell);
            }
            else
            {
                skipped.Add($"{id} (not committed)");
            }
        }
        return (cells, skipped);
    }

    /// <summary>
    /// <c>all</c> (or nothing): every committed cell; a number N: N cells spread evenly over the manifest order (so a
    /// sample covers every suite); otherwise the named cell ids, each of which must be committed.
    /// </summary>
    public static IReadOnlyList<CommittedCell> Choose(IReadOnlyList<CommittedCell> committed, IReadOnlyList<string> selection)
    {
        if (committed.Count == 0)
        {
            throw new DeclarationException("--run", "the run has no committed cell to verify; finish it first with touchstone run --resume");
        }
        if (selection.Count == 0 || selection is ["all"])
        {
            return committed;
        }
        if (selection is [var text] && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            if (n < 1)
            {
                throw new DeclarationException("--cells", "--cells 0: verify at least one cell (a number of cells, 'all' or cell ids)");
            }
            var count = Math.Min(n, committed.Count);
            return Enumerable.Range(0, count).Select(i => committed[i * committed.Count / count]).ToList();
        }
        var byId = committed.ToDictionary(c => c.Id.ToString());
        return selection.Select(text =>
        {
            var id = RunMerger.ParseCellId(text).ToString();
            return byId.TryGetValue(id, out var cell)
                ? cell
                : throw new DeclarationException("--cells", $"cell {id} is not a committed cell of the run; 'touchstone verify --run <dir> --cells all' verifies every committed cell");
        }).ToList();
    }
}
