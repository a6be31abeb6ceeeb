using System.CommandLine;
using Touchstone.Cli.Mlflow;
using Touchstone.Core.Experiments;
using Touchstone.Tracking.Configuration;
using Touchstone.Tracking.Model;

namespace Touchstone.Cli.Tests.Mlflow;

public class MlflowCommandTests
{
    private static (int Exit, string Output) Invoke(TrackingEnvironment environment, params string[] args)
    {
        var root = new RootCommand { MlflowCommand.Create(() => environment) };
        var output = new StringWriter();
        var exit = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = output });
        return (exit, output.ToString());
    }

    [Fact]
    public async Task Run_against_an_unwritable_store_finishes_and_sync_delivers_it_later()
    {
        using var run = new RunFixture();
        var blocked = Path.Combine(run.Root, "mount");
        File.WriteAllText(blocked, "not a folder yet");
        var mlruns = Path.Combine(blocked, "mlruns");
        var environment = new TrackingEnvironment(n => n == "MLFLOW_TRACKING_URI" ? "file://" + mlruns : null, run.Root, null);
        var log = new StringWriter();
        var sink = MlflowSinkFactory.Create(run.RunDirectory, new MlflowSinkOptions(), log, environment);
        sink.RunStarted(run.Manifest);
        foreach (var cell in run.Cells)
        {
            run.RunCell(sink, cell);
        }
        sink.RunFinished(run.Manifest);
        Assert.Contains($"touchstone mlflow sync {run.RunDirectory}", log.ToString());

        File.Delete(blocked);
        // A later shell without MLFLOW_TRACKING_URI: the outbox remembers where the run belongs.
        var later = new TrackingEnvironment(_ => null, run.Root, null);
        var (exit, output) = Invoke(later, "mlflow", "sync", Path.Combine("results", "runs", RunFixture.RunId));
        Assert.True(exit == 0, output);
        Assert.Contains("records delivered to file://" + mlruns, output);

        var runs = await MlrunsReader.ReadAsync(mlruns);
        Assert.Equal(5, runs.Count);
        Assert.All(runs, r => Assert.True(r.Snapshot.Info.Status.IsTerminal()));
        Assert.Equal(5, runs.Single(r => r.Name == "shipped/seed-1").Metrics["train/loss"].Count);

        var (again, second) = Invoke(later, "mlflow", "sync");
        Assert.Equal(0, again);
        Assert.Contains("nothing to sync", second);
        var (explicitAgain, third) = Invoke(later, "mlflow", "sync", run.RunDirectory);
        Assert.Equal(0, explicitAgain);
        Assert.Contains("0 records delivered", third);
        Assert.Equal(5, (await MlrunsReader.ReadAsync(mlruns)).Single(r => r.Name == "shipped/seed-1").Metrics["train/loss"].Count);
    }

    [Fact]
    public void Sync_of_a_directory_without_an_outbox_says_why_and_fails()
    {
        using var run = new RunFixture(new CellId("s", "v", 0));
        var (exit, output) = Invoke(new TrackingEnvironment(_ => null, run.Root, null), "mlflow", "sync", run.RunDirectory);
        Assert.Equal(1, exit);
        Assert.Contains("has no MLflow outbox", output);
    }

    [Fact]
    public void Sync_with_no_runs_waiting_is_a_quiet_success()
    {
        using var run = new RunFixture(new CellId("s", "v", 0));
        var (exit, output) = Invoke(new TrackingEnvironment(_ => null, run.Root, null), "mlflow", "sync");
        Assert.Equal(0, exit);
        Assert.Contains("nothing to sync", output);
    }
}
