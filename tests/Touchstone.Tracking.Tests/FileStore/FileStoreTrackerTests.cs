using Touchstone.Testing;
using Touchstone.Tracking.Delivery;
using Touchstone.Tracking.FileStore;
using Touchstone.Tracking.Model;
using Touchstone.Tracking.Outbox;
using Touchstone.Tracking.Tests.Support;

namespace Touchstone.Tracking.Tests.FileStore;

public class FileStoreTrackerTests
{
    private static MlflowTracker Open(string root, string outbox, List<string>? warnings = null) =>
        MlflowTracker.Open(new FileTrackingStore(root), new TrackerOptions(outbox)
        {
            Log = new TrackerLog(w => warnings?.Add(w), _ => { }),
            Retry = new RetrySettings { MaxRetries = 1, TimeProvider = new RecordingTimeProvider() },
            OfflineProbeInterval = TimeSpan.FromMilliseconds(50),
        });

    private static async Task<(List<Metric> Metrics, IReadOnlyDictionary<string, string> Params, IReadOnlyDictionary<string, string> Tags)> ReadAsync(
        FileTrackingStore store, string runId)
    {
        var snapshot = (await store.GetRunAsync(runId, default))!;
        var metrics = new List<Metric>();
        foreach (var key in snapshot.MetricKeys)
        {
            metrics.AddRange(await store.GetMetricHistoryAsync(runId, key, default));
        }
        return (metrics, snapshot.Params, snapshot.Tags);
    }

    private static void AssertSame(ExpectedRun expected, (List<Metric> Metrics, IReadOnlyDictionary<string, string> Params, IReadOnlyDictionary<string, string> Tags) actual)
    {
        Assert.Equal(expected.Params.OrderBy(p => p.Key), actual.Params.OrderBy(p => p.Key));
        Assert.Equal(expected.Metrics.Select(m => m.Identity).Order(), actual.Metrics.Select(m => m.Identity).Order());
        foreach (var (key, value) in expected.Tags)
        {
            Assert.Equal(value, actual.Tags[key]);
        }
    }

    [Fact]
    public async Task Session_through_the_outbox_writes_nested_runs_with_parent_ids()
    {
        using var dir = new TempDirectory();
        var root = dir.Combine("mlruns");
        var tracker = Open(root, dir.Combine("run", "mlflow"));
        var script = new TrainingScript();
        var parent = script.Parent(tracker);
        var cell = script.Cell(tracker, parent, 0, points: 300);
        script.End(tracker, parent);
        Assert.Equal(0, tracker.Complete().Pending);

        var store = new FileTrackingStore(root);
        AssertSame(script.Expected["shipped/seed-0"], await ReadAsync(store, cell.Key));
        var snapshot = (await store.GetRunAsync(cell.Key, default))!;
        Assert.Equal(parent.Key, snapshot.Tags[MlflowTags.ParentRunId]);
        Assert.Equal(RunStatus.Finished, snapshot.Info.Status);
        Assert.Equal(TrainingScript.T0 + 20_000, snapshot.Info.EndTime);
        Assert.DoesNotContain(MlflowTags.ClientRunKey, snapshot.Tags.Keys);
    }

    [Fact]
    public async Task Replay_without_acknowledgements_appends_no_metric_line_twice()
    {
        using var dir = new TempDirectory();
        var root = dir.Combine("mlruns");
        var outbox = dir.Combine("run", "mlflow");
        var tracker = Open(root, outbox);
        var script = new TrainingScript();
        var parent = script.Parent(tracker);
        var cell = script.Cell(tracker, parent, 0, points: 300);
        tracker.Complete();
        var journal = Path.Combine(outbox, OutboxJournal.FileName);
        File.WriteAllLines(journal, File.ReadAllLines(journal).Where(l => !l.Contains("\"type\":\"ack\"", StringComparison.Ordinal)));

        var report = await OutboxSync.RunAsync(outbox, new FileTrackingStore(root), new RetrySettings(), TrackerLog.Silent);

        Assert.True(report.IsComplete, string.Join("\n", report.Errors));
        AssertSame(script.Expected["shipped/seed-0"], await ReadAsync(new FileTrackingStore(root), cell.Key));
        Assert.Equal(2, Directory.EnumerateDirectories(Directory.EnumerateDirectories(root).Single(d => Path.GetFileName(d).Length == 18)).Count());
    }

    [Fact]
    public async Task Unwritable_store_keeps_the_run_going_and_sync_delivers_once_it_is_fixed()
    {
        using var dir = new TempDirectory();
        var blocked = dir.Combine("mount");
        File.WriteAllText(blocked, "not a folder");
        var root = Path.Combine(blocked, "mlruns");
        var outbox = dir.Combine("run", "mlflow");
        var warnings = new List<string>();
        var tracker = Open(root, outbox, warnings);
        var script = new TrainingScript();
        var parent = script.Parent(tracker);
        var cell = script.Cell(tracker, parent, 0, points: 100);
        var summary = tracker.Complete();

        Assert.True(summary.Pending > 0);
        Assert.Contains(warnings, w => w.Contains("cannot", StringComparison.Ordinal) && w.Contains(root, StringComparison.Ordinal));

        File.Delete(blocked);
        var report = await OutboxSync.RunAsync(outbox, new FileTrackingStore(root), new RetrySettings(), TrackerLog.Silent);
        Assert.True(report.IsComplete, string.Join("\n", report.Errors));
        AssertSame(script.Expected["shipped/seed-0"], await ReadAsync(new FileTrackingStore(root), cell.Key));
    }

    [Fact]
    public void Invalid_keys_are_dropped_and_reported_while_the_rest_is_logged()
    {
        using var dir = new TempDirectory();
        var warnings = new List<string>();
        var tracker = Open(dir.Combine("mlruns"), dir.Combine("run", "mlflow"), warnings);
        var run = tracker.StartRun("suite-a", "shipped/seed-0", [new RunTag("bad//tag", "x"), new RunTag("good", "y")]);
        var issues = tracker.Log(run, new LogBatch([new Metric("../escape", 1, 1, 0), new Metric("ok", 1, 1, 0)], [], []));
        tracker.Complete();

        Assert.Contains("'../escape'", Assert.Single(issues).Message);
        Assert.Contains(warnings, w => w.Contains("bad//tag", StringComparison.Ordinal));
        var runDir = Directory.EnumerateDirectories(dir.Combine("mlruns"), run.Key, SearchOption.AllDirectories).Single();
        Assert.True(File.Exists(Path.Combine(runDir, "metrics", "ok")));
        Assert.False(File.Exists(Path.Combine(runDir, "..", "escape")));
        Assert.True(File.Exists(Path.Combine(runDir, "tags", "good")));
    }
}
