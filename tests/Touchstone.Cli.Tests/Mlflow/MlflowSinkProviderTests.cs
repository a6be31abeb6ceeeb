using Touchstone.Cli.Mlflow;
using Touchstone.Cli.Tests.Support;
using Touchstone.Testing;
using Touchstone.Tracking.Configuration;

namespace Touchstone.Cli.Tests.Mlflow;

public sealed class MlflowSinkProviderTests
{
    [Fact]
    public async Task Run_logs_every_cell_to_the_tracking_uri_from_the_environment()
    {
        using var dir = new TempDirectory();
        var mlruns = dir.Combine("mlruns");
        var provider = ProviderLoggingTo(mlruns, dir.Path);

        var result = Tool.Run([provider], CancellationToken.None,
            "run", "--suites-dir", Tool.TestSuites, "--results", dir.Path, "--run-id", "r1", "--suite", "harness");

        Assert.True(result.Exit == 0, result.ToString());
        var runs = await MlrunsReader.ReadAsync(mlruns);
        var cells = runs.Where(r => r.Snapshot.Tags.ContainsKey("mlflow.parentRunId")).Select(r => r.Name).Order();
        Assert.Equal(["ok/seed-0", "ok/seed-1"], cells);
        Assert.All(runs, r => Assert.Equal("harness", r.ExperimentName));
    }

    private static MlflowSinkProvider ProviderLoggingTo(string mlruns, string workingDirectory) => new(new TrackingEnvironment(
        name => name == "MLFLOW_TRACKING_URI" ? new Uri(mlruns).AbsoluteUri : null, workingDirectory, homeDirectory: null));

    [Fact]
    public void No_tracking_option_writes_nothing_to_the_tracking_uri()
    {
        using var dir = new TempDirectory();
        var mlruns = dir.Combine("mlruns");
        var provider = ProviderLoggingTo(mlruns, dir.Path);

        var result = Tool.Run([provider], CancellationToken.None,
            "run", "--suites-dir", Tool.TestSuites, "--results", dir.Path, "--run-id", "r1", "--suite", "harness", "--no-tracking");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.False(Directory.Exists(mlruns));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "r1", "mlflow")));
    }
}
