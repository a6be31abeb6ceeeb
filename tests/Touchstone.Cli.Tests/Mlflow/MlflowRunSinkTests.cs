using Touchstone.Cli.Mlflow;
using Touchstone.Core.Experiments;
using Touchstone.Core.Results;
using Touchstone.Core.Running;
using Touchstone.Tracking;
using Touchstone.Tracking.Configuration;
using Touchstone.Tracking.Model;
using Touchstone.Tracking.Tests.Fakes;

namespace Touchstone.Cli.Tests.Mlflow;

public class MlflowRunSinkTests
{
    private static TrackingEnvironment Environment(RunFixture run, params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        map.TryAdd("MLFLOW_TRACKING_URI", "file://" + run.Mlruns);
        map.TryAdd("MLFLOW_TRACKING_USERNAME", "alice");
        return new TrackingEnvironment(n => map.GetValueOrDefault(n), run.Root, null);
    }

    private static IRunSink Sink(RunFixture run, StringWriter log, MlflowSinkOptions? options = null, TrackingEnvironment? environment = null) =>
        MlflowSinkFactory.Create(run.RunDirectory, options ?? new MlflowSinkOptions(), log, environment ?? Environment(run));

    private static void RunAll(RunFixture run, IRunSink sink, CellStatus failing = CellStatus.Ok)
    {
        sink.RunStarted(run.Manifest);
        foreach (var cell in run.Cells)
        {
            run.RunCell(sink, cell, status: cell.Seed == 1 ? failing : CellStatus.Ok);
        }
        sink.RunFinished(run.Manifest);
    }

    [Fact]
    public async Task Run_becomes_an_experiment_per_suite_with_a_parent_and_nested_cell_runs()
    {
        using var run = new RunFixture();
        var log = new StringWriter();
        RunAll(run, Sink(run, log), failing: CellStatus.Diverged);

        var runs = await MlrunsReader.ReadAsync(run.Mlruns);
        Assert.Equal(["energy-ood", "spectral-gap"], runs.Select(r => r.ExperimentName).Distinct().Order());
        Assert.Equal(5, runs.Count);
        var parent = Assert.Single(runs, r => r.ExperimentName == "spectral-gap" && r.Name == RunFixture.RunId);
        var cells = runs.Where(r => r.ExperimentName == "spectral-gap" && r != parent).OrderBy(r => r.Name).ToList();
        Assert.Equal(["shipped/seed-0", "shipped/seed-1"], cells.Select(c => c.Name));
        Assert.All(cells, c => Assert.Equal(parent.Snapshot.Info.RunId, c.Tag(MlflowTags.ParentRunId)));
        Assert.Contains("MLflow: run logged to file://", log.ToString());

        var cell = cells[0];
        Assert.Equal(RunFixture.Plan(new CellId("spectral-gap", "shipped", 0)).Config.Flatten().ToDictionary(e => e.Path, e => e.Value),
            cell.Snapshot.Params);
        Assert.Equal("0.001", cell.Snapshot.Params["training.lr"]);
        Assert.Equal("[128,64]", cell.Snapshot.Params["model.hidden"]);
        Assert.Equal("adamw", cell.Snapshot.Params["training.optimizer"]);
    }

    [Fact]
    public async Task Cell_run_carries_curves_final_metrics_tags_artifacts_and_status()
    {
        using var run = new RunFixture();
        RunAll(run, Sink(run, new StringWriter()), failing: CellStatus.Diverged);
        var runs = await MlrunsReader.ReadAsync(run.Mlruns);
        var ok = runs.Single(r => r.Name == "shipped/seed-0");
        var diverged = runs.Single(r => r.Name == "shipped/seed-1");
        var end = new DateTimeOffset(RunFixture.Created.AddMinutes(1)).AddSeconds(12.5).ToUnixTimeMilliseconds();

        var loss = ok.Metrics["train/loss"];
        Assert.Equal([0L, 1, 2, 3, 4], loss.Select(m => m.Step));
        Assert.Equal(Enumerable.Range(0, 5).Select(s => RunFixture.PointTime(s).ToUnixTimeMilliseconds()), loss.Select(m => m.Timestamp));
        // train/loss's final value equals the curve's last point, so it is not logged a second time.
        Assert.Equal([(0.25, 4L, end)], ok.Metrics["ood/mse"].Select(m => (m.Value, m.Step, m.Timestamp)));

        Assert.Equal("spectral-gap", ok.Tag("touchstone.suite"));
        Assert.Equal("shipped", ok.Tag("touchstone.variant"));
        Assert.Equal("0", ok.Tag("touchstone.seed"));
        Assert.Equal("smoke", ok.Tag("touchstone.profile"));
        Assert.Equal(RunFixture.Plan(new CellId("spectral-gap", "shipped", 0)).Config.Hash, ok.Tag("touchstone.config_hash"));
        Assert.Equal("datahash0", ok.Tag("touchstone.data_hash"));
        Assert.Equal("fp1234", ok.Tag("touchstone.fingerprint"));
        Assert.Equal("OpenBLAS 0.3.21", ok.Tag("touchstone.fingerprint.blas_version"));
        Assert.Equal("1.13.1", ok.Tag("touchstone.fingerprint.libtorch_version"));
        Assert.Equal(RunFixture.Fingerprint.GitCommit, ok.Tag("touchstone.git_commit"));
        Assert.Equal("alice", ok.Tag(MlflowTags.User));
        Assert.Equal("touchstone", ok.Tag(MlflowTags.SourceName));
        Assert.Equal("LOCAL", ok.Tag(MlflowTags.SourceType));
        Assert.Equal(RunFixture.Fingerprint.GitCommit, ok.Tag(MlflowTags.GitCommit));
        Assert.Equal("shipped/seed-0", ok.Tag(MlflowTags.RunName));
        Assert.Equal("ok", ok.Tag("touchstone.status"));

        Assert.Equal(RunStatus.Finished, ok.Snapshot.Info.Status);
        Assert.Equal(end, ok.Snapshot.Info.EndTime);
        Assert.Equal(RunStatus.Failed, diverged.Snapshot.Info.Status);
        Assert.Equal("diverged", diverged.Tag("touchstone.status"));
        Assert.Equal("loss became NaN at step 3", diverged.Tag("touchstone.error"));

        var cellDir = Path.Combine(run.RunDirectory, "cells", "spectral-gap", "shipped", "seed-0");
        foreach (var file in new[] { "config.yaml", "metrics.parquet" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(cellDir, file)), File.ReadAllBytes(Path.Combine(ok.Directory, "artifacts", file)));
        }

        var parents = runs.Where(r => r.Name == RunFixture.RunId).ToDictionary(r => r.ExperimentName);
        Assert.Equal(RunStatus.Failed, parents["spectral-gap"].Snapshot.Info.Status);
        Assert.Equal(RunStatus.Finished, parents["energy-ood"].Snapshot.Info.Status);
        Assert.NotNull(parents["energy-ood"].Snapshot.Info.EndTime);
        Assert.Equal("energy-ood", parents["energy-ood"].Tag("touchstone.suite"));
        Assert.Equal(RunFixture.RunId, parents["energy-ood"].Tag("touchstone.run_id"));
    }

    [Fact]
    public async Task Experiment_override_puts_every_suite_in_one_experiment()
    {
        using var run = new RunFixture();
        RunAll(run, Sink(run, new StringWriter(), MlflowSinkOptions.FromEnvironment(n => n == "MLFLOW_EXPERIMENT_NAME" ? "nightly" : null)));
        var runs = await MlrunsReader.ReadAsync(run.Mlruns);
        Assert.All(runs.Where(r => r.ExperimentName != "Default"), r => Assert.Equal("nightly", r.ExperimentName));
        Assert.Equal(["energy-ood/" + RunFixture.RunId, "spectral-gap/" + RunFixture.RunId],
            runs.Where(r => r.Snapshot.Tags.ContainsKey("touchstone.run_id") && !r.Snapshot.Tags.ContainsKey("touchstone.variant")).Select(r => r.Name).Order());
    }

    [Fact]
    public async Task Experiment_name_variable_is_honoured_with_default_options()
    {
        using var run = new RunFixture(new CellId("spectral-gap", "shipped", 0));
        RunAll(run, Sink(run, new StringWriter(), new MlflowSinkOptions(), Environment(run, ("MLFLOW_EXPERIMENT_NAME", "team-exp"))));
        var runs = await MlrunsReader.ReadAsync(run.Mlruns);
        Assert.Equal(["team-exp"], runs.Select(r => r.ExperimentName).Distinct());
    }

    [Fact]
    public void Turned_off_sink_writes_nothing()
    {
        using var run = new RunFixture();
        var options = MlflowSinkOptions.FromEnvironment(n => n == "TOUCHSTONE_MLFLOW" ? "off" : null);
        RunAll(run, Sink(run, new StringWriter(), options));
        Assert.False(Directory.Exists(run.Mlruns));
        Assert.False(Directory.Exists(MlflowSinkFactory.OutboxDirectory(run.RunDirectory)));
    }

    [Fact]
    public async Task Resumed_run_duplicates_nothing_and_closes_the_interrupted_attempt()
    {
        using var run = new RunFixture();
        var environment = Environment(run);
        var options = new MlflowSinkOptions();
        MlflowTracker? first = null;
        var sink = new MlflowRunSink(() => first = MlflowSinkFactory.OpenTracker(run.RunDirectory, options, TextWriter.Null, environment),
            options, "alice", TextWriter.Null);
        sink.RunStarted(run.Manifest);
        run.RunCell(sink, run.Cells[0]);
        run.RunCell(sink, run.Cells[1], steps: 3, finish: false);
        first!.Complete(); // the process dies here: no end of the cell, no end of the run

        var resumed = Sink(run, new StringWriter());
        resumed.RunStarted(run.Manifest);
        run.RunCell(resumed, run.Cells[1]);
        run.RunCell(resumed, run.Cells[2]);
        resumed.RunFinished(run.Manifest);

        var runs = await MlrunsReader.ReadAsync(run.Mlruns);
        var parents = runs.Where(r => r.Name == RunFixture.RunId).ToList();
        Assert.Equal(2, parents.Count); // one per suite, not one per session
        Assert.All(parents, p => Assert.Equal(RunStatus.Finished, p.Snapshot.Info.Status));
        var seed0 = Assert.Single(runs, r => r.Name == "shipped/seed-0");
        Assert.Equal(5, seed0.Metrics["train/loss"].Count);
        var seed1 = runs.Where(r => r.Name == "shipped/seed-1").OrderBy(r => r.Snapshot.Info.Status).ToList();
        Assert.Equal([RunStatus.Finished, RunStatus.Killed], seed1.Select(r => r.Snapshot.Info.Status));
        Assert.Equal(5, seed1[0].Metrics["train/loss"].Count);
        // Curve points still buffered when the process died were never journaled; the cell runs again anyway.
        Assert.False(seed1[1].Metrics.ContainsKey("train/loss"));
        Assert.Equal("0.001", seed1[1].Snapshot.Params["training.lr"]);
        Assert.NotNull(seed1[1].Snapshot.Info.EndTime);
    }

    [Fact]
    public async Task Metric_names_mlflow_refuses_are_renamed_not_lost()
    {
        using var run = new RunFixture(new CellId("spectral-gap", "shipped", 0));
        var sink = Sink(run, new StringWriter());
        sink.RunStarted(run.Manifest);
        var plan = RunFixture.Plan(run.Cells[0]);
        sink.CellStarted(plan);
        sink.CurvePoint(plan, RunFixture.Row(run.Cells[0], "test", "acc@1", 0.5, 0), RunFixture.PointTime(0));
        sink.CellFinished(plan, run.Outcome(run.Cells[0], 1, CellStatus.Ok));
        sink.RunFinished(run.Manifest);

        var cell = (await MlrunsReader.ReadAsync(run.Mlruns)).Single(r => r.Name == "shipped/seed-0");
        Assert.Equal(0.5, Assert.Single(cell.Metrics["test/acc_1"]).Value);
    }

    [Fact]
    public void Unsupported_tracking_uri_turns_mlflow_off_without_stopping_the_run()
    {
        using var run = new RunFixture();
        var log = new StringWriter();
        RunAll(run, Sink(run, log, environment: Environment(run, ("MLFLOW_TRACKING_URI", "sqlite:///mlflow.db"))));
        Assert.Contains("is not supported", log.ToString());
        Assert.Contains("logging is off for the rest of this run", log.ToString());
    }

    [Theory]
    [InlineData("acc@1", "acc_1")]
    [InlineData("a//b", "a/b")]
    [InlineData("../up", "up")]
    [InlineData("loss", "loss")]
    [InlineData("top-5 acc:val", "top-5 acc:val")]
    public void Keys_are_sanitized_into_what_mlflow_accepts(string name, string expected)
    {
        Assert.Equal(expected, MlflowKeys.Sanitize(name));
        Assert.Null(Touchstone.Tracking.Validation.KeyRules.Problem(MlflowKeys.Metric("test", name)));
    }

    [Fact]
    public async Task Refused_artifacts_are_counted_with_their_reason_and_the_run_is_not_called_logged()
    {
        await using var server = await FakeMlflowServer.StartAsync();
        server.State.ArtifactLocationFor = id => $"s3://bucket/{id}"; // a cloud artifact root this client cannot write
        using var run = new RunFixture();
        var log = new StringWriter();

        RunAll(run, Sink(run, log, environment: Environment(run, ("MLFLOW_TRACKING_URI", server.BaseUri.ToString()))));

        var text = log.ToString();
        // Two artifacts (config.yaml, metrics.parquet) for each of the fixture's three cells.
        Assert.Contains("MLflow: 6 of ", text);
        Assert.Contains("records were refused and are not in http://127.0.0.1:", text);
        Assert.Contains("the first refusal: ", text);
        Assert.Contains("s3", text);
        Assert.Contains($"touchstone mlflow sync {run.RunDirectory}", text);
        Assert.DoesNotContain("run logged", text);
    }
}
