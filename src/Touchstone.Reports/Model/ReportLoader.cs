using System.Data.Common;
using Touchstone.Analysis.Compare;
using Touchstone.Analysis.Sql;
using Touchstone.Core.Declarations;
using Touchstone.Gate;
using Touchstone.Gate.Baselines;
using Touchstone.Gate.Reports;
using Touchstone.Gate.Verdicts;

namespace Touchstone.Reports.Model;

/// <summary>What a report is made from.</summary>
/// <param name="Run">The run folder.</param>
/// <param name="Compare">Another run folder to compare with, or null.</param>
/// <param name="Baselines">The baselines folder.</param>
/// <param name="Declarations">The suites' declared metrics; null draws every final metric and skips the gate.</param>
/// <param name="Policy">The gate's policy.</param>
public sealed record ReportOptions(string Run, string? Compare, string Baselines, ISuiteMetrics? Declarations, GatePolicy Policy);

/// <summary>
/// Reads what the report shows through the DuckDB views (curves, final metrics, baselines, cells), the gate's
/// verdicts through the gate itself, and the comparison through <see cref="RunComparer"/>.
/// </summary>
public static class ReportLoader
{
    /// <summary>Curve charts per suite at most; the rest stay in curves.parquet.</summary>
    public const int MaxCurveCharts = 12;

    /// <summary>Loads the report's model.</summary>
    /// <exception cref="QueryException">A folder is not a run or a table cannot be read.</exception>
    public static ReportModel Load(ReportOptions options)
    {
        var folders = options.Compare is null ? new[] { options.Run } : [options.Run, options.Compare];
        using var db = ResultsDatabase.Open(folders, options.Baselines);
        var run = db.Runs[0];
        var compared = options.Compare is null ? null : db.Runs[1];
        var (gateLine, passed, verdicts) = Gate(options);
        var sides = compared is null ? null : ComparisonSide.FromRuns(db).Reverse().ToList();
        var suites = run.Manifest.Suites
            .Select(suite =>
            {
                var declared = Declared(options.Declarations, suite);
                return new SuiteReport(
                    suite,
                    Curves(db, run.RunId, suite, declared, out var leftOut),
                    leftOut,
                    Finals(db, run, compared, suite, declared),
                    verdicts.Where(v => v.Suite == suite).ToList(),
                    Problems(db, run.RunId, suite),
                    sides is null ? null : RunComparer.Compare(sides, ComparisonOptions.Default with
                    {
                        Suites = [suite],
                        Metrics = declared.Where(m => m.Role == MetricRole.Primary).Select(m => m.Key).ToList(),
                        Declarations = _ => declared,
                    }).Suites.FirstOrDefault());
            })
            .ToList();
        return new ReportModel(Header(db, run), compared?.RunId, gateLine, passed, suites);
    }

    private static (string Line, bool? Passed, IReadOnlyList<MetricVerdict> Verdicts) Gate(ReportOptions options)
    {
        if (options.Declarations is null)
        {
            return ("no gate: the suite declarations were not given", null, []);
        }
        try
        {
            var report = GateRunner.Evaluate(options.Run, new BaselineStore(options.Baselines), options.Policy, options.Declarations);
            return (ReportText.Headline(report.Result), report.Result.Passed, report.Result.Verdicts);
        }
        catch (GateInputException e)
        {
            return ($"no gate: {e.Message}", null, []);
        }
    }

    private static IReadOnlyList<MetricDeclaration> Declared(ISuiteMetrics? declarations, string suite)
    {
        try
        {
            return declarations?.MetricsOf(suite) ?? [];
        }
        catch (GateInputException)
        {
            return [];
        }
    }

    private static RunHeader Header(ResultsDatabase db, RunFolderInfo run)
    {
        var m = run.Manifest;
        var wall = db.Read(
            "SELECT coalesce(max(epoch(started_at) + duration_s) - min(epoch(started_at)), 0) FROM cells WHERE run_id = ?",
            r => r.Read() ? r.GetDouble(0) : 0, m.RunId);
        var statuses = db.Read(
            "SELECT status, count(*) FROM cells WHERE run_id = ? GROUP BY status ORDER BY status",
            r => ReadAll(r, x => (x.GetString(0), x.GetInt64(1))), m.RunId);
        return new RunHeader(m.RunId, m.Profile, m.Suites, m.Device, m.CreatedAt, m.FingerprintHash, m.Fingerprint, wall, statuses, m.Cells.Count);
    }

    // The curves worth a chart: those of the gated metrics, then the training losses; other curves are listed.
    private static IReadOnlyList<MetricCurves> Curves(
        ResultsDatabase db, string runId, string suite, IReadOnlyList<MetricDeclaration> declared, out IReadOnlyList<string> leftOut)
    {
        var rows = db.Read(
            "SELECT split, metric, variant, seed, step, value FROM curves WHERE run_id = ? AND suite = ? ORDER BY split, metric, variant, seed, step",
            r => ReadAll(r, x => (Split: x.GetString(0), Metric: x.GetString(1), Variant: x.GetString(2), Seed: x.GetInt32(3), Step: x.GetInt64(4), Value: x.GetDouble(5))),
            runId, suite);
        var keys = rows.Select(r => (r.Split, r.Metric)).Distinct().ToList();
        var gated = declared.Where(d => d.Role == MetricRole.Primary).Select(d => (Split: d.Split, Metric: d.Name));
        var chosen = gated.Where(keys.Contains)
            .Concat(keys.Where(k => k.Split == "train" && k.Metric.Contains("loss", StringComparison.Ordinal)))
            .Distinct()
            .ToList();
        if (chosen.Count == 0)
        {
            chosen = keys;
        }
        var drawn = chosen.Take(MaxCurveCharts).ToList();
        leftOut = keys.Except(drawn).Select(k => $"{k.Split}/{k.Metric}").ToList();
        return drawn.Select(key => new MetricCurves(key.Split, key.Metric, rows
                .Where(r => r.Split == key.Split && r.Metric == key.Metric)
                .GroupBy(r => (r.Variant, r.Seed))
                .Select(g => new CurveSeries(g.Key.Variant, g.Key.Seed, g.Select(r => (double)r.Step).ToArray(), g.Select(r => r.Value).ToArray()))
                .ToList()))
            .ToList();
    }

    // Final values of the gated metrics (every declared metric when none is gated; every metric without
    // declarations), for the run, the compared run and the baseline of the run's profile.
    private static IReadOnlyList<FinalValues> Finals(
        ResultsDatabase db, RunFolderInfo run, RunFolderInfo? compared, string suite, IReadOnlyList<MetricDeclaration> declared)
    {
        var points = db.Read(
            """
            SELECT CASE WHEN run_id = $1 THEN 0 ELSE 2 END AS side, split, metric, variant, seed, value
            FROM final_metrics WHERE suite = $3 AND run_id IN ($1, $2)
            UNION ALL
            SELECT 1, split, metric, variant, seed, value FROM baselines WHERE suite = $3 AND profile = $4
            ORDER BY split, metric, variant, side, seed
            """,
            r => ReadAll(r, x => (Split: x.GetString(1), Metric: x.GetString(2),
                Point: new SeedPoint((SideKind)x.GetInt32(0), x.GetString(3), x.GetInt32(4), x.GetDouble(5)))),
            run.RunId, compared?.RunId ?? run.RunId, suite, run.Manifest.Profile);
        var wanted = declared.Where(d => d.Role == MetricRole.Primary).ToList() is { Count: > 0 } primary ? primary : declared.ToList();
        var keys = wanted.Count > 0
            ? wanted.Select(d => (Split: d.Split, Metric: d.Name)).Distinct().ToList()
            : points.Select(p => (p.Split, p.Metric)).Distinct().ToList();
        return keys
            .Select(k => new FinalValues(k.Split, k.Metric, declared.Any(d => d.Split == k.Split && d.Name == k.Metric && d.Role == MetricRole.Primary),
                points.Where(p => p.Split == k.Split && p.Metric == k.Metric).Select(p => p.Point).ToList()))
            .Where(f => f.Points.Any(p => p.Side == SideKind.Run))
            .ToList();
    }

    private static IReadOnlyList<ProblemCell> Problems(ResultsDatabase db, string runId, string suite) =>
        db.Read(
            "SELECT variant, seed, status, error FROM cells WHERE run_id = ? AND suite = ? AND status <> 'ok' ORDER BY variant, seed",
            r => ReadAll(r, x => new ProblemCell(x.GetString(0), x.GetInt32(1), x.GetString(2), x.IsDBNull(3) ? null : x.GetString(3))),
            runId, suite);

    private static List<T> ReadAll<T>(DbDataReader reader, Func<DbDataReader, T> row)
    {
        var list = new List<T>();
        while (reader.Read())
        {
            list.Add(row(reader));
        }
        return list;
    }
}
