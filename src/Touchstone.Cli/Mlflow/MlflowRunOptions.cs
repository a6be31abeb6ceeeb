using System.CommandLine;

namespace Touchstone.Cli.Mlflow;

/// <summary>
/// The MLflow options of <c>touchstone run</c>: add <see cref="All"/> to the command, then build the sink options
/// with <see cref="Read"/>. The environment (MLFLOW_TRACKING_URI, MLFLOW_EXPERIMENT_NAME, TOUCHSTONE_MLFLOW) is
/// the default; an option given on the command line wins.
/// </summary>
public sealed class MlflowRunOptions
{
    /// <summary><c>--mlflow-uri</c>: the tracking URI.</summary>
    public Option<string?> TrackingUri { get; } = new("--mlflow-uri")
    {
        Description = "MLflow tracking URI (http(s)://host:port, file:///path); default MLFLOW_TRACKING_URI, else ./mlruns",
    };

    /// <summary><c>--mlflow-experiment</c>: one experiment for all suites.</summary>
    public Option<string?> ExperimentName { get; } = new("--mlflow-experiment")
    {
        Description = "Log every suite to this MLflow experiment instead of one experiment per suite (default MLFLOW_EXPERIMENT_NAME)",
    };

    /// <summary>The options, to add to a command.</summary>
    public IEnumerable<Option> All => [TrackingUri, ExperimentName];

    /// <summary>
    /// The sink options from the parsed command line over the environment's; <paramref name="trackingDisabled"/> is the
    /// run command's own <c>--no-tracking</c>.
    /// </summary>
    public MlflowSinkOptions Read(ParseResult parse, Func<string, string?> environment, bool trackingDisabled = false)
    {
        var defaults = MlflowSinkOptions.FromEnvironment(environment);
        return defaults with
        {
            Enabled = defaults.Enabled && !trackingDisabled,
            TrackingUri = parse.GetValue(TrackingUri) ?? defaults.TrackingUri,
            ExperimentName = parse.GetValue(ExperimentName) ?? defaults.ExperimentName,
        };
    }
}
