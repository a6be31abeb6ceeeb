using Touchstone.Analysis.Sql;
using Touchstone.Core.Results;
using Touchstone.Gate.Baselines;
using Touchstone.Gate.Runs;
using Touchstone.Gate.Verdicts;

namespace Touchstone.Analysis.Compare;

/// <summary>One side of a comparison: its label and, per suite, its cells (with provenance) and final values.</summary>
/// <param name="Run">Label and profile.</param>
/// <param name="Suites">The side's data by suite name, in the gate's terms.</param>
public sealed record ComparisonSide(ComparedRun Run, IReadOnlyDictionary<string, SideData> Suites)
{
    /// <summary>
    /// Every run of <paramref name="database"/> as a side: final values from the <c>final_metrics</c> view, cells from
    /// the <c>cells</c> view with each cell's provenance from its run's manifest (as the gate reads it).
    /// </summary>
    public static IReadOnlyList<ComparisonSide> FromRuns(ResultsDatabase database)
    {
        var values = database.Read(
            "SELECT run_id, suite, variant, seed, split, metric, value FROM final_metrics ORDER BY ALL",
            reader =>
            {
                var list = new List<(string Run, string Suite, SeedValue Value)>();
                while (reader.Read())
                {
                    list.Add((reader.GetString(0), reader.GetString(1),
                        new SeedValue(reader.GetString(2), reader.GetInt32(3), reader.GetString(4), reader.GetString(5), reader.GetDouble(6))));
                }
                return list;
            });
        var cells = database.Read(
            """
            SELECT run_id, suite, variant, seed, profile, status, error, started_at, duration_s, config_hash, data_hash,
                   fingerprint, device, git_sha
            FROM cells ORDER BY run_id, suite, variant, seed
            """,
            reader =>
            {
                var list = new List<CellRow>();
                while (reader.Read())
                {
                    list.Add(new CellRow(
                        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4),
                        Enum.Parse<CellStatus>(reader.GetString(5), ignoreCase: true),
                        reader.IsDBNull(6) ? null : reader.GetString(6),
                        reader.GetDateTime(7), reader.GetDouble(8), reader.GetString(9), reader.GetString(10),
                        reader.GetString(11), reader.GetString(12), reader.GetString(13)));
                }
                return list;
            });
        return database.Runs.Select(run =>
        {
            var runCells = cells.Where(c => c.RunId == run.RunId).ToList();
            var data = new RunData(run.Folder, run.Manifest, runCells, []);
            var suites = runCells.Select(c => c.Suite)
                .Concat(values.Where(v => v.Run == run.RunId).Select(v => v.Suite))
                .Distinct()
                .ToDictionary(
                    suite => suite,
                    suite => new SideData(
                        runCells.Where(c => c.Suite == suite)
                            .Select(c => new CellFacts(c.Variant, c.Seed, c.Status, c.Error, CandidateSide.ProvenanceOf(data, c)))
                            .ToList(),
                        values.Where(v => v.Run == run.RunId && v.Suite == suite).Select(v => v.Value).ToList()));
            return new ComparisonSide(new ComparedRun(run.RunId, run.Manifest.Profile), suites);
        }).ToList();
    }

    /// <summary>The committed baseline of <paramref name="suite"/> for <paramref name="profile"/> as a side.</summary>
    /// <exception cref="QueryException">There is no such baseline.</exception>
    public static ComparisonSide FromBaseline(BaselineStore store, string suite, string profile)
    {
        var baseline = store.TryRead(suite, profile)
            ?? throw new QueryException(
                $"no baseline for suite '{suite}', profile '{profile}' ({store.PathOf(suite, profile)} does not exist); "
                + $"promote one with `touchstone promote --run <dir> --suite {suite}`");
        return new ComparisonSide(
            new ComparedRun($"baseline:{suite}/{profile}", profile),
            new Dictionary<string, SideData> { [suite] = baseline.ToSide() });
    }
}
