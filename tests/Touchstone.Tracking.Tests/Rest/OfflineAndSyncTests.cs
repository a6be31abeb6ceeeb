using Touchstone.Tracking.Model;

namespace Touchstone.Tracking.Tests.Rest;

public class OfflineAndSyncTests : RestScenario
{
    [Fact]
    public async Task Server_going_away_mid_run_keeps_everything_in_the_outbox_and_sync_completes_it_exactly()
    {
        var tracker = Tracker();
        var script = RunSession(tracker, afterBatch: batch =>
        {
            if (batch == 0)
            {
                Server.StopAsync().GetAwaiter().GetResult();
            }
        });
        var summary = tracker.Complete();

        Assert.True(summary.Offline);
        Assert.True(summary.Pending > 0, "records are waiting in the outbox");
        Assert.Contains(Warnings, w => w.Contains("continues offline", StringComparison.Ordinal) && w.Contains("touchstone mlflow sync", StringComparison.Ordinal));

        await Server.StartAgainAsync();
        var report = await SyncAsync();
        Assert.True(report.IsComplete, string.Join("\n", report.Errors));
        Assert.Equal(summary.Pending, report.Delivered);
        AssertServerHoldsExactly(script);

        var again = await SyncAsync();
        Assert.Equal(0, again.Delivered);
        Assert.True(again.IsComplete);
        AssertServerHoldsExactly(script);
    }

    [Fact]
    public async Task Sync_while_the_server_is_still_down_stops_and_leaves_the_records_for_later()
    {
        var tracker = Tracker();
        await Server.StopAsync();
        var script = RunSession(tracker);
        var summary = tracker.Complete();
        Assert.True(summary.Pending > 0);

        var failed = await SyncAsync();
        Assert.False(failed.IsComplete);
        Assert.Equal(summary.Pending, failed.Remaining);
        Assert.Contains("cannot reach", Assert.Single(failed.Errors));

        await Server.StartAgainAsync();
        var report = await SyncAsync();
        Assert.True(report.IsComplete, string.Join("\n", report.Errors));
        AssertServerHoldsExactly(script);
    }

    [Fact]
    public async Task Replaying_records_whose_acknowledgements_were_lost_duplicates_nothing()
    {
        var tracker = Tracker();
        var script = RunSession(tracker);
        Assert.Equal(0, tracker.Complete().Pending);

        // A crash after the server took each record but before the outbox noted it: no acknowledgement survives.
        var journal = Path.Combine(OutboxDirectory, "outbox.jsonl");
        File.WriteAllLines(journal, File.ReadAllLines(journal).Where(l => !l.StartsWith("{\"type\":\"ack\"", StringComparison.Ordinal)));
        var report = await SyncAsync();

        Assert.True(report.IsComplete, string.Join("\n", report.Errors));
        Assert.True(report.Delivered > 10);
        AssertServerHoldsExactly(script);
    }

    [Fact]
    public void Resumed_session_finds_its_runs_and_logs_into_them_again()
    {
        var first = Tracker();
        var script = new Support.TrainingScript();
        var parent = script.Parent(first);
        script.Cell(first, parent, 0);
        first.Complete();

        var second = Tracker();
        var found = second.FindRun("parent");
        Assert.NotNull(found);
        Assert.Equal(parent.Key, found.Key);
        Assert.Equal(RunStatus.Running, found.Status);
        Assert.Equal(RunStatus.Finished, second.FindRun("shipped/seed-0")!.Status);
        script.Cell(second, found, 1);
        script.End(second, found);
        // The same config logged again to the finished cell is recognised and not sent twice.
        Assert.Empty(second.Log(second.FindRun("shipped/seed-0")!, new LogBatch([], [new Param("config.p000", "value-0-0")], [])));
        Assert.Equal(0, second.Complete().Pending);

        AssertServerHoldsExactly(script);
    }

    [Fact]
    public void Changed_param_on_a_resumed_run_is_refused_locally_naming_run_and_key()
    {
        var first = Tracker();
        var run = first.StartRun("suite-a", "shipped/seed-0", []);
        first.Log(run, new LogBatch([], [new Param("training.lr", "0.001")], []));
        first.Complete();

        var second = Tracker();
        var issues = second.Log(second.Runs.Single(), new LogBatch([], [new Param("training.lr", "0.01")], []));
        second.Complete();

        var issue = Assert.Single(issues);
        Assert.True(issue.Rejected);
        Assert.Contains("shipped/seed-0", issue.Message);
        Assert.Contains("training.lr", issue.Message);
        Assert.Equal("0.001", Server.State.RunNamed("shipped/seed-0").Params["training.lr"]);
    }

    [Fact]
    public async Task Outbox_is_refused_by_a_second_process_while_in_use()
    {
        var tracker = Tracker();
        var error = await Assert.ThrowsAsync<Errors.TrackingException>(() => SyncAsync());
        Assert.Contains("in use by another process", error.Message);
        tracker.Complete();
    }

    [Fact]
    public void Outbox_of_another_store_is_refused_with_what_to_set()
    {
        Tracker().Complete();
        var other = new Touchstone.Tracking.FileStore.FileTrackingStore(Path.Combine(RunDirectory, "mlruns"));
        var error = Assert.Throws<Errors.TrackingException>(() => MlflowTracker.Open(other, new TrackerOptions(OutboxDirectory)));
        Assert.Contains($"MLFLOW_TRACKING_URI={Server.BaseUri.ToString().TrimEnd('/')}", error.Message);
    }
}
