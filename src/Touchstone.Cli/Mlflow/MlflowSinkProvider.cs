using System.CommandLine;
using Touchstone.Cli.Sinks;
using Touchstone.Core.Running;
using Touchstone.Tracking.Configuration;

namespace Touchstone.Cli.Mlflow;

/// <summary>Joins the MLflow logger to <c>touchstone run</c>: its options, and one sink per run directory.</summary>
public sealed class MlflowSinkProvider : IRunSinkProvider
{
    private readonly MlflowRunOptions _options = new();
    private readonly TrackingEnvironment _environment;

    /// <summary>A provider reading MLFLOW_* from <paramref name="environment"/> (the process's by default).</summary>
    public MlflowSinkProvider(TrackingEnvironment? environment = null) =>
        _environment = environment ?? TrackingEnvironment.FromProcess();

    /// <inheritdoc />
    public void AddOptions(Command run)
    {
        foreach (var option in _options.All)
        {
            run.Options.Add(option);
        }
    }

    /// <inheritdoc />
    public IRunSink? Create(RunSinkRequest request)
    {
        var options = _options.Read(request.Parse, _environment.Variable, request.TrackingDisabled);
        return options.Enabled ? MlflowSinkFactory.Create(request.Layout.Root, options, Console.Error, _environment) : null;
    }
}
