using Touchstone.Tracking.Configuration;

namespace Touchstone.Cli.Mlflow;

/// <summary>How a run is logged to MLflow.</summary>
public sealed record MlflowSinkOptions
{
    /// <summary>False turns MLflow logging off (<c>--no-tracking</c> or <c>TOUCHSTONE_MLFLOW=off</c>).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Tracking URI; null for <c>MLFLOW_TRACKING_URI</c>, then the one a resumed run used, then <c>./mlruns</c>.</summary>
    public string? TrackingUri { get; init; }

    /// <summary>One experiment for every suite instead of one per suite (<c>MLFLOW_EXPERIMENT_NAME</c>).</summary>
    public string? ExperimentName { get; init; }

    /// <summary>Curve points sent together (one log-batch holds at most 1000 metrics).</summary>
    public int CurveBatchSize { get; init; } = 1000;

    /// <summary>Longest time curve points wait in memory before they are written, so the UI shows progress.</summary>
    public TimeSpan CurveFlushInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the end of a run waits for the last records to reach the server.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Reads <c>TOUCHSTONE_MLFLOW</c> (off/false/0 turns logging off) and <c>MLFLOW_EXPERIMENT_NAME</c>.</summary>
    public static MlflowSinkOptions FromEnvironment(Func<string, string?> environment)
    {
        var switchValue = environment("TOUCHSTONE_MLFLOW");
        return new MlflowSinkOptions
        {
            Enabled = string.IsNullOrWhiteSpace(switchValue) || TrackingEnvironment.ParseBool(switchValue, "TOUCHSTONE_MLFLOW"),
            ExperimentName = environment("MLFLOW_EXPERIMENT_NAME") is { Length: > 0 } name ? name : null,
        };
    }
}
