using Touchstone.Tracking.Tests.Fakes;

namespace Touchstone.Tracking.Tests.Rest;

public class RestDeliveryTests : RestScenario
{
    [Fact]
    public void Session_reaches_the_server_exactly_once_within_the_request_limits()
    {
        var tracker = Tracker();
        var script = RunSession(tracker);
        var summary = tracker.Complete();

        Assert.Equal(0, summary.Pending);
        Assert.Equal(0, summary.Rejected);
        Assert.False(summary.Offline);
        Assert.Empty(Warnings);
        AssertServerHoldsExactly(script);
        // 130 params and 1300+ points per cell only fit in several requests; the server refuses any over its limits.
        Assert.True(Server.Count("runs/log-batch") >= 8, $"{Server.Count("runs/log-batch")} log-batch requests");
        var cell = Server.State.RunNamed("shipped/seed-0");
        Assert.True(double.IsNaN(cell.Metrics.Single(m => m.Key == "train/loss" && m.Step == 7).Value));
        Assert.Equal(double.NegativeInfinity, cell.Metrics.Single(m => m.Key == "train/loss" && m.Step == 9).Value);
    }

    [Fact]
    public void Server_errors_before_the_work_are_retried_without_loss()
    {
        Server.Faults.Add(new Fault("experiments/create", FaultKind.Status, 503));
        Server.Faults.Add(new Fault("runs/create", FaultKind.Status, 502));
        Server.Faults.Add(new Fault("runs/log-batch", FaultKind.Status, 500), times: 3);
        Server.Faults.Add(new Fault("runs/update", FaultKind.Status, 504));
        var tracker = Tracker();
        var script = RunSession(tracker);
        var summary = tracker.Complete();

        Assert.Equal(0, summary.Pending);
        Assert.Equal(0, Server.Faults.Count);
        AssertServerHoldsExactly(script);
    }

    [Fact]
    public void Errors_after_the_work_was_done_are_reconciled_not_duplicated()
    {
        Server.Faults.Add(new Fault("runs/create", FaultKind.StatusAfterApply, 504));
        Server.Faults.Add(new Fault("runs/log-batch", FaultKind.StatusAfterApply, 500, BodyContains: "train/loss"), times: 3);
        Server.Faults.Add(new Fault("runs/log-batch", FaultKind.StatusAfterApply, 500, BodyContains: "config.p"));
        var tracker = Tracker();
        var script = RunSession(tracker);
        tracker.Complete();

        Assert.Equal(0, Server.Faults.Count);
        AssertServerHoldsExactly(script);
        Assert.True(Server.Count("runs/search") >= 1, "the in-doubt create was looked up by its client key");
        Assert.True(Server.Count("metrics/get-history") >= 1, "the in-doubt batch was reconciled with the metric history");
    }

    [Fact]
    public void Rate_limit_waits_for_retry_after_instead_of_the_backoff()
    {
        Server.Faults.Add(new Fault("runs/log-batch", FaultKind.Status, 429, RetryAfter: TimeSpan.FromSeconds(7)));
        Server.Faults.Add(new Fault("runs/log-batch", FaultKind.Status, 429, RetryAfter: TimeSpan.FromSeconds(7)));
        var tracker = Tracker();
        var script = RunSession(tracker);
        tracker.Complete();

        Assert.Equal(2, Clock.Waits.Count(w => w == TimeSpan.FromSeconds(7)));
        AssertServerHoldsExactly(script);
    }

    [Fact]
    public void Slow_replies_time_out_and_the_retry_does_not_duplicate()
    {
        var slow = new Fault("runs/log-batch", FaultKind.SlowAfterApply, Delay: TimeSpan.FromSeconds(1.5));
        Server.Faults.Add(slow with { BodyContains = "train/loss" }, times: 2);
        Server.Faults.Add(new Fault("runs/create", FaultKind.SlowAfterApply, Delay: TimeSpan.FromSeconds(1.5)));
        var tracker = Tracker(Store(timeout: TimeSpan.FromMilliseconds(300)));
        var script = RunSession(tracker);
        tracker.Complete();

        Assert.Equal(0, Server.Faults.Count);
        Assert.Contains(Details, d => d.Contains("no reply", StringComparison.Ordinal));
        AssertServerHoldsExactly(script);
    }

    [Fact]
    public void Dropped_connections_before_and_after_the_work_lose_and_duplicate_nothing()
    {
        Server.Faults.Add(new Fault("runs/create", FaultKind.DropBeforeApply));
        Server.Faults.Add(new Fault("runs/log-batch", FaultKind.DropAfterApply, BodyContains: "train/loss"), times: 2);
        Server.Faults.Add(new Fault("runs/log-batch", FaultKind.DropBeforeApply));
        Server.Faults.Add(new Fault("runs/update", FaultKind.DropAfterApply));
        var tracker = Tracker();
        var script = RunSession(tracker);
        tracker.Complete();

        Assert.Equal(0, Server.Faults.Count);
        AssertServerHoldsExactly(script);
    }

    [Fact]
    public void Artifacts_are_uploaded_through_the_artifact_proxy()
    {
        var file = Path.Combine(RunDirectory, "cells", "config.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "training:\n  lr: 0.001\n");
        var tracker = Tracker();
        var run = tracker.StartRun("suite-a", "shipped/seed-0", []);
        tracker.LogArtifact(run, file, "config.yaml");
        tracker.Complete();

        var server = Server.State.RunNamed("shipped/seed-0");
        var stored = Server.State.Artifacts[$"{server.ExperimentId}/{server.RunId}/artifacts/config.yaml"];
        Assert.Equal(File.ReadAllBytes(file), stored);
        Assert.Contains("\"source\":\"../cells/config.yaml\"", File.ReadAllText(Path.Combine(OutboxDirectory, "outbox.jsonl")));
    }

    [Fact]
    public void Artifacts_go_straight_to_a_bare_absolute_artifact_root_as_mlflows_client_does()
    {
        var root = Path.Combine(RunDirectory, "server-artifacts");
        Server.State.ArtifactLocationFor = id => $"{root}/{id}"; // mlflow server --default-artifact-root <root> --no-serve-artifacts
        var file = Path.Combine(RunDirectory, "config.yaml");
        Directory.CreateDirectory(RunDirectory);
        File.WriteAllText(file, "training:\n  lr: 0.001\n");
        var tracker = Tracker();
        var run = tracker.StartRun("suite-a", "shipped/seed-0", []);
        tracker.LogArtifact(run, file, "cells/config.yaml");
        tracker.Complete();

        var server = Server.State.RunNamed("shipped/seed-0");
        Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(root, server.ExperimentId, server.RunId, "artifacts", "cells", "config.yaml")));
        Assert.Empty(Server.State.Artifacts);
    }

    [Fact]
    public void A_relative_artifact_root_is_taken_against_the_working_directory()
    {
        var relative = $"mlruns-test-{Guid.NewGuid():N}";
        Server.State.ArtifactLocationFor = id => $"./{relative}/{id}"; // a database backend's default root
        var file = Path.Combine(RunDirectory, "config.yaml");
        Directory.CreateDirectory(RunDirectory);
        File.WriteAllText(file, "x: 1\n");
        try
        {
            var tracker = Tracker();
            var run = tracker.StartRun("suite-a", "shipped/seed-0", []);
            tracker.LogArtifact(run, file, "config.yaml");
            tracker.Complete();

            var server = Server.State.RunNamed("shipped/seed-0");
            Assert.True(File.Exists(Path.Combine(Directory.GetCurrentDirectory(), relative, server.ExperimentId, server.RunId, "artifacts", "config.yaml")));
        }
        finally
        {
            if (Directory.Exists(relative))
            {
                Directory.Delete(relative, recursive: true);
            }
        }
    }

    [Theory]
    [InlineData("/abs/mlruns/1", null)]
    [InlineData("./mlruns/1", null)]
    [InlineData("C:/mlruns/1", null)]
    [InlineData("file:///abs", "file")]
    [InlineData("s3://bucket/x", "s3")]
    [InlineData("mlflow-artifacts:/1", "mlflow-artifacts")]
    public void Artifact_uri_schemes_are_read_as_python_urlparse_does(string uri, string? scheme) =>
        Assert.Equal(scheme, Touchstone.Tracking.FileStore.LocalArtifacts.Scheme(uri));
}
