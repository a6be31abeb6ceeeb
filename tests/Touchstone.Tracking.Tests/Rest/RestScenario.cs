using System.Collections.Concurrent;
using Touchstone.Testing;
using Touchstone.Tracking.Delivery;
using Touchstone.Tracking.Outbox;
using Touchstone.Tracking.Rest;
using Touchstone.Tracking.Tests.Fakes;
using Touchstone.Tracking.Tests.Support;

namespace Touchstone.Tracking.Tests.Rest;

/// <summary>A fake server, an outbox folder and fast retry timings for one REST test.</summary>
public abstract class RestScenario : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("touchstone-rest");
    private readonly bool _fileBackedErrors;

    protected RestScenario(bool fileBackedErrors = false) => _fileBackedErrors = fileBackedErrors;

    internal FakeMlflowServer Server { get; private set; } = null!;
    internal RecordingTimeProvider Clock { get; } = new();
    internal ConcurrentQueue<string> Warnings { get; } = new();
    internal ConcurrentQueue<string> Details { get; } = new();
    internal string OutboxDirectory => _dir.Combine("run", "mlflow");
    internal string RunDirectory => _dir.Combine("run");

    internal RetrySettings Retry => new() { MaxRetries = 3, TimeProvider = Clock, Random = () => 0.5 };

    internal TrackerLog Log => new(Warnings.Enqueue, Details.Enqueue);

    public async Task InitializeAsync() => Server = await FakeMlflowServer.StartAsync(_fileBackedErrors);

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _dir.Dispose();
    }

    internal RestTrackingStore Store(TimeSpan? timeout = null, MlflowCredentials? credentials = null) =>
        new(new RestStoreOptions(Server.BaseUri)
        {
            RequestTimeout = timeout ?? TimeSpan.FromSeconds(10),
            Credentials = credentials ?? MlflowCredentials.None,
        });

    internal MlflowTracker Tracker(RestTrackingStore? store = null) =>
        MlflowTracker.Open(store ?? Store(), new TrackerOptions(OutboxDirectory)
        {
            Retry = Retry,
            Log = Log,
            DrainTimeout = TimeSpan.FromSeconds(60),
            OfflineProbeInterval = TimeSpan.FromMilliseconds(100),
        });

    /// <summary>A deliverer on a fresh store, and a run created through it in experiment suite-a.</summary>
    internal async Task<(Deliverer Deliverer, Touchstone.Tracking.Model.RunInfo Run)> CreateRunAsync(string runName)
    {
        var deliverer = new Deliverer(Store(), Retry);
        var experimentId = await deliverer.EnsureExperimentAsync("suite-a", default);
        var run = await deliverer.CreateRunAsync(
            new Touchstone.Tracking.Model.CreateRunRequest(experimentId, Guid.NewGuid().ToString("N"), runName, "alice", 1, []), false, default);
        return (deliverer, run);
    }

    internal Task<SyncReport> SyncAsync(RestTrackingStore? store = null) =>
        OutboxSync.RunAsync(OutboxDirectory, store ?? Store(), Retry, Log);

    /// <summary>Runs the standard session: a parent with two cells; returns what the server must hold.</summary>
    internal TrainingScript RunSession(MlflowTracker tracker, Action<int>? afterBatch = null)
    {
        var script = new TrainingScript();
        var parent = script.Parent(tracker);
        script.Cell(tracker, parent, 0, afterBatch: afterBatch);
        script.Cell(tracker, parent, 1);
        script.End(tracker, parent);
        return script;
    }

    internal void AssertServerHoldsExactly(TrainingScript script)
    {
        var parentId = Server.State.RunNamed("run-20250101").RunId;
        foreach (var expected in script.Expected.Values)
        {
            expected.AssertHeldBy(Server.State, expected.Name == "run-20250101" ? null : parentId);
        }
        lock (Server.State.Gate)
        {
            Assert.Equal(script.Expected.Count, Server.State.Runs.Count);
        }
    }
}
