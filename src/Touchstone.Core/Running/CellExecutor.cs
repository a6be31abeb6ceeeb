using System.Diagnostics;
using System.Reflection;
using Touchstone.Core.Experiments;
using Touchstone.Core.Results;

namespace Touchstone.Core.Running;

/// <summary>What running one cell produced, before it is committed.</summary>
/// <param name="Status">ok, failed or diverged; null when the run was stopped while the cell ran (it is not committed).</param>
/// <param name="Error">Why the cell failed or diverged.</param>
/// <param name="Metrics">Final metrics, in the order recorded.</param>
/// <param name="Curves">Curve points, in the order logged.</param>
/// <param name="DataHash">Hash of the data the experiment reported.</param>
/// <param name="StartedAt">UTC start, to the microsecond (what Parquet keeps).</param>
/// <param name="DurationS">Wall-clock seconds.</param>
public sealed record CellRun(
    CellStatus? Status,
    string? Error,
    IReadOnlyList<MetricRow> Metrics,
    IReadOnlyList<MetricRow> Curves,
    string DataHash,
    DateTime StartedAt,
    double DurationS);

/// <summary>
/// Runs one experiment on one cell in a fresh cell folder. An exception from the experiment never escapes: it
/// becomes a failed cell (the message in the row, the full exception in the cell log); a non-finite value makes
/// the cell diverged; cancellation by the run leaves the cell uncommitted.
/// </summary>
public static class CellExecutor
{
    /// <summary>Runs <paramref name="plan"/> with a new instance of <paramref name="experiment"/>.</summary>
    public static CellRun Execute(
        CellPlan plan,
        ExperimentRegistration experiment,
        string runId,
        CellFiles files,
        CancellationToken cancellation,
        Action<MetricRow, DateTimeOffset> curvePoint,
        Action<long, long> progress)
    {
        Prepare(files, plan);
        var startedAt = TruncateToMicroseconds(DateTime.UtcNow);
        var clock = Stopwatch.StartNew();
        using var context = new CellContext(plan, runId, files, cancellation, curvePoint, progress);
        context.Message($"cell {plan.Id} (profile {plan.Profile}, device {plan.Device}, config {plan.Config.Hash[..12]}) started");
        CellStatus? status;
        string? error = null;
        try
        {
            experiment.Create().Run(context);
            status = context.Divergence is null ? CellStatus.Ok : CellStatus.Diverged;
            error = context.Divergence;
        }
        catch (Exception) when (context.Divergence is not null)
        {
            status = CellStatus.Diverged;
            error = context.Divergence;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            status = null;
            error = "stopped before the cell finished";
        }
        catch (Exception e)
        {
            status = CellStatus.Failed;
            error = Describe(e);
            context.Message($"failed: {e}");
        }
        clock.Stop();
        if (status is not null)
        {
            context.Message(status == CellStatus.Ok ? "ok" : $"{status.ToString()!.ToLowerInvariant()}: {error}");
            context.FlushLog();
        }
        else
        {
            context.Message("stopped by the user before the cell finished; it will be rerun on --resume");
        }
        return new CellRun(status, error, context.Finals, context.Curves, context.DataHash, startedAt, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The one-line error of a failed cell: the innermost meaningful exception's type and message.</summary>
    public static string Describe(Exception e)
    {
        while (e is TargetInvocationException { InnerException: { } inner } || e is AggregateException { InnerExceptions.Count: 1 })
        {
            e = e is AggregateException aggregate ? aggregate.InnerExceptions[0] : e.InnerException!;
        }
        return $"{e.GetType().Name}: {e.Message}";
    }

    // A cell that did not commit is rerun from scratch: nothing of the earlier attempt may leak into the new one.
    private static void Prepare(CellFiles files, CellPlan plan)
    {
        if (Directory.Exists(files.Folder))
        {
            Directory.Delete(files.Folder, recursive: true);
        }
        Directory.CreateDirectory(files.Folder);
        AtomicFile.WriteText(files.Config, ConfigYaml.Write(plan.Id, plan.Config));
    }

    private static DateTime TruncateToMicroseconds(DateTime time) =>
        new(time.Ticks - time.Ticks % 10, DateTimeKind.Utc);
}
