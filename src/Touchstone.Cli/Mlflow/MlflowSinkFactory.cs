using Touchstone.Core.Running;
using Touchstone.Tracking;
using Touchstone.Tracking.Configuration;
using Touchstone.Tracking.Outbox;

namespace Touchstone.Cli.Mlflow;

/// <summary>Builds the MLflow sink of a run from options and the MLFLOW_* environment.</summary>
public static class MlflowSinkFactory
{
    /// <summary>The outbox folder of a run directory.</summary>
    public static string OutboxDirectory(string runDirectory) => Path.Combine(runDirectory, "mlflow");

    /// <summary>The sink for a run in <paramref name="runDirectory"/>, using the process environment.</summary>
    /// <param name="runDirectory">The run's folder (<c>results/runs/&lt;run id&gt;</c>); the outbox lives in its <c>mlflow/</c>.</param>
    /// <param name="options">Tracking URI, experiment override, off switch.</param>
    /// <param name="log">Where problems and the summary are written (stderr, typically).</param>
    public static IRunSink Create(string runDirectory, MlflowSinkOptions options, TextWriter log) =>
        Create(runDirectory, options, log, TrackingEnvironment.FromProcess());

    /// <summary>The sink for a run, with an explicit environment (tests).</summary>
    public static IRunSink Create(string runDirectory, MlflowSinkOptions options, TextWriter log, TrackingEnvironment environment)
    {
        if (!options.Enabled)
        {
            return new NoMlflowSink();
        }
        // MLFLOW_EXPERIMENT_NAME applies even when the caller built the options without reading the environment.
        options = options with { ExperimentName = options.ExperimentName ?? environment.ExperimentName };
        var synchronized = TextWriter.Synchronized(log);
        return new MlflowRunSink(() => OpenTracker(runDirectory, options, synchronized, environment), options, environment.UserId, synchronized);
    }

    /// <summary>
    /// Opens the tracker of a run directory. The store is the explicit URI, else <c>MLFLOW_TRACKING_URI</c>, else the
    /// one a resumed run was logged to (so a resume continues there), else <c>./mlruns</c>.
    /// </summary>
    public static MlflowTracker OpenTracker(string runDirectory, MlflowSinkOptions options, TextWriter log, TrackingEnvironment environment)
    {
        var outbox = OutboxDirectory(runDirectory);
        var uri = options.TrackingUri ?? environment.TrackingUri ?? OutboxSync.RecordedTarget(outbox);
        var store = environment.Open(uri);
        return MlflowTracker.Open(store, new TrackerOptions(outbox)
        {
            Retry = environment.RetrySettings,
            Log = new TrackerLog(message => log.WriteLine($"MLflow: {message}"), _ => { }),
            DrainTimeout = options.DrainTimeout,
            TruncateLongValues = environment.TruncateLongValues,
            UserId = environment.UserId,
        });
    }

    /// <summary>The sink used when MLflow logging is off.</summary>
    private sealed class NoMlflowSink : IRunSink
    {
        public void RunStarted(RunManifest manifest)
        {
        }

        public void CellStarted(CellPlan cell)
        {
        }

        public void CurvePoint(CellPlan cell, Core.Results.MetricRow point, DateTimeOffset loggedAt)
        {
        }

        public void CellFinished(CellPlan cell, CellOutcome outcome)
        {
        }

        public void RunFinished(RunManifest manifest)
        {
        }
    }
}
