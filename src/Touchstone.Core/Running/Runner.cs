using System.Collections.Concurrent;
using Touchstone.Core.Declarations;
using Touchstone.Core.Environment;
using Touchstone.Core.Results;

namespace Touchstone.Core.Running;

/// <summary>How the runner runs cells.</summary>
/// <param name="Jobs">Cells run at the same time (1: one after another, in matrix order).</param>
/// <param name="Fingerprint">The environment of this process; its hash goes on the rows of the cells it runs.</param>
/// <param name="RetryFailed">Run committed cells that failed again (diverged cells stay: their NaN is a result).</param>
public sealed record RunnerOptions(int Jobs, EnvironmentFingerprint Fingerprint, bool RetryFailed = false);

/// <summary>What an invocation of the runner left in the run folder.</summary>
/// <param name="Cells">Every committed cell of the run (earlier invocations included), in manifest order.</param>
/// <param name="Ran">How many cells this invocation ran and committed.</param>
/// <param name="Skipped">How many were already committed and skipped.</param>
/// <param name="Interrupted">Whether the run was stopped before every cell was done.</param>
public sealed record RunReport(IReadOnlyList<CellOutcome> Cells, int Ran, int Skipped, bool Interrupted);

/// <summary>
/// Runs a run's cells that are not yet committed, commits each as it finishes, and rewrites the run-level tables
/// at the end (also when stopped). It composes the pieces: <see cref="CellStore"/> says what is done,
/// <see cref="CellExecutor"/> runs a cell, <see cref="CellStore.Commit"/> makes it durable, <see cref="RunEvents"/>
/// tells the sinks, <see cref="RunTables"/> writes the union.
/// </summary>
/// <param name="suites">The suites of the run, which name each cell's experiment.</param>
/// <param name="events">The sinks.</param>
/// <param name="options">Jobs and fingerprint.</param>
public sealed class Runner(IReadOnlyList<LoadedSuite> suites, RunEvents events, RunnerOptions options)
{
    /// <summary>Runs the cells of <paramref name="plans"/> (the whole run, in manifest order) that have not committed.</summary>
    /// <exception cref="DeclarationException">A committed cell's config no longer matches its plan.</exception>
    public RunReport Run(RunLayout layout, RunManifest manifest, IReadOnlyList<CellPlan> plans, CancellationToken cancellation)
    {
        AtomicFile.RemoveTemporaryFiles(layout.Root);
        var committed = CellStore.ReadCommitted(layout, plans);
        var pending = plans.Where(p => !committed.TryGetValue(p.Id, out var cell)
            || (options.RetryFailed && cell.Record.Row.Status == CellStatus.Failed)).ToList();
        var fingerprintHash = FingerprintCollector.Hash(options.Fingerprint);
        var ran = 0;
        events.RunStarted(manifest);
        events.RunPlanned(plans.Count, plans.Count - pending.Count);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var errors = new ConcurrentQueue<Exception>();
        try
        {
            var queue = new ConcurrentQueue<CellPlan>(pending);
            void Work()
            {
                while (!failed.IsCancellationRequested && queue.TryDequeue(out var plan))
                {
                    try
                    {
                        if (RunCell(layout, manifest, plan, fingerprintHash, cancellation))
                        {
                            Interlocked.Increment(ref ran);
                        }
                    }
                    catch (Exception e)
                    {
                        // A harness error (a disk that cannot be written): stop taking cells, report it after the others stop.
                        errors.Enqueue(e);
                        failed.Cancel();
                    }
                }
            }
            var jobs = Math.Clamp(options.Jobs, 1, Math.Max(1, pending.Count));
            if (jobs == 1)
            {
                Work();
            }
            else
            {
                Task.WaitAll(Enumerable.Range(0, jobs).Select(_ => Task.Factory.StartNew(Work, TaskCreationOptions.LongRunning)).ToArray());
            }
            if (errors.TryPeek(out var first))
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
            }
        }
        finally
        {
            // Also after an error or a stop: the tables then hold every cell committed so far.
            committed = RunTables.Write(layout, manifest, plans.Select(p => p.Id)).ToDictionary(c => c.Id);
            events.RunFinished(manifest);
        }
        var cells = plans.Where(p => committed.ContainsKey(p.Id)).Select(p => committed[p.Id].ToOutcome()).ToList();
        return new RunReport(cells, ran, plans.Count - pending.Count, cells.Count < plans.Count);
    }

    private bool RunCell(RunLayout layout, RunManifest manifest, CellPlan plan, string fingerprintHash, CancellationToken cancellation)
    {
        var experiment = suites.FirstOrDefault(s => s.Name == plan.Id.Suite)?.ExperimentFor(plan.Id.Variant)
            ?? throw new InvalidOperationException($"cell {plan.Id} belongs to no suite of the run");
        var files = layout.Cell(plan.Id);
        events.CellStarted(plan);
        var run = CellExecutor.Execute(plan, experiment, manifest.RunId, files, cancellation,
            (point, at) => events.CurvePoint(plan, point, at),
            (step, total) => events.CellProgress(plan, step, total));
        if (run.Status is not { } status)
        {
            return false;
        }
        var row = new CellRow(manifest.RunId, plan.Id.Suite, plan.Id.Variant, plan.Id.Seed, plan.Profile, status, run.Error,
            run.StartedAt, run.DurationS, plan.Config.Hash, run.DataHash, fingerprintHash, plan.Device, options.Fingerprint.GitCommit);
        CellStore.Commit(files, row, run.Metrics, run.Curves);
        events.CellFinished(plan, new CellOutcome(row, run.Metrics, files.Folder));
        return true;
    }
}
