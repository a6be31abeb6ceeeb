using Touchstone.Tracking.Delivery;
using Touchstone.Tracking.Errors;
using Touchstone.Tracking.Model;
using Touchstone.Tracking.Tests.Fakes;

namespace Touchstone.Tracking.Tests.Rest;

public class FileBackedServerTests() : RestScenario(fileBackedErrors: true)
{
    [Fact]
    public async Task Changed_param_reported_as_http_500_becomes_a_clear_conflict_without_blind_retries()
    {
        var (deliverer, run) = await CreateRunAsync("shipped/seed-0");
        lock (Server.State.Gate)
        {
            Server.State.Runs[run.RunId].Params["training.lr"] = "0.5";
        }

        var error = await Assert.ThrowsAsync<ParamConflictException>(() => deliverer.LogBatchAsync(run,
            new LogBatch([new Metric("train/loss", 1, 1, 0)], [new Param("training.lr", "0.001")], []), false, default));

        Assert.Contains("shipped/seed-0", error.Message);
        Assert.Contains("'training.lr'", error.Message);
        Assert.Equal("training.lr", error.Key);
        Assert.Equal(1, Server.Count("runs/log-batch"));
        Assert.Empty(Server.State.Runs[run.RunId].Metrics);
    }

    [Fact]
    public async Task Tracker_reports_the_conflict_once_and_keeps_logging_the_rest()
    {
        var tracker = Tracker();
        var run = tracker.StartRun("suite-a", "shipped/seed-0", []);
        tracker.Log(run, new LogBatch([new Metric("a", 1, 1, 0)], [], []));
        // Wait for the run to exist on the server, then let another writer claim the param.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Server.Count("runs/log-batch") == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
        lock (Server.State.Gate)
        {
            Server.State.RunNamed("shipped/seed-0").Params["training.lr"] = "0.5";
        }
        tracker.Log(run, new LogBatch([], [new Param("training.lr", "0.001")], []));
        tracker.Log(run, new LogBatch([new Metric("a", 2, 2, 1)], [], []));
        var summary = tracker.Complete();

        Assert.Equal(1, summary.Rejected);
        Assert.Contains(Warnings, w => w.Contains("'training.lr'", StringComparison.Ordinal) && w.Contains("shipped/seed-0", StringComparison.Ordinal));
        Assert.Equal([1.0, 2.0], Server.State.RunNamed("shipped/seed-0").Metrics.Select(m => m.Value));
    }
}

public class RestErrorTests : RestScenario
{
    [Fact]
    public async Task Refusal_names_the_run_and_the_keys_and_is_not_retried()
    {
        var (deliverer, run) = await CreateRunAsync("shipped/seed-3");
        Server.Faults.Add(new Fault("runs/log-batch", FaultKind.Status, 400, Message: "Invalid value \"eval/acc\" for parameter 'key' supplied"));

        var error = await Assert.ThrowsAsync<TrackingException>(() =>
            deliverer.LogBatchAsync(run, new LogBatch([new Metric("eval/acc", 1, 1, 0)], [], []), false, default));

        Assert.Contains("shipped/seed-3", error.Message);
        Assert.Contains("eval/acc", error.Message);
        Assert.Contains("HTTP 400 INVALID_PARAMETER_VALUE", error.Message);
        Assert.Equal(1, Server.Count("runs/log-batch"));
    }

    [Fact]
    public async Task Experiment_created_meanwhile_by_another_client_is_found()
    {
        lock (Server.State.Gate)
        {
            Server.State.Experiments.Add(new FakeExperiment("7", "suite-a", "mlflow-artifacts:/7", "active"));
        }
        Server.Faults.Add(new Fault("experiments/get-by-name", FaultKind.Status, 404, ErrorCode: "RESOURCE_DOES_NOT_EXIST"));
        using var store = Store();
        var id = await new Deliverer(store, Retry).EnsureExperimentAsync("suite-a", default);
        Assert.Equal("7", id);
        Assert.Equal(1, Server.Count("experiments/create"));
    }

    [Fact]
    public async Task Deleted_experiment_is_refused_with_how_to_restore_it()
    {
        lock (Server.State.Gate)
        {
            Server.State.Experiments.Add(new FakeExperiment("4", "suite-a", "mlflow-artifacts:/4", "deleted"));
        }
        using var store = Store();
        var error = await Assert.ThrowsAsync<TrackingException>(() => new Deliverer(store, Retry).EnsureExperimentAsync("suite-a", default));
        Assert.Contains("deleted", error.Message);
        Assert.Contains("mlflow experiments restore --experiment-id 4", error.Message);
    }

    [Fact]
    public async Task Metric_history_is_read_across_pages_with_max_results_always_sent()
    {
        var (deliverer, run) = await CreateRunAsync("r");
        lock (Server.State.Gate)
        {
            Server.State.Runs[run.RunId].Metrics.AddRange(Enumerable.Range(0, 25_010).Select(i => new Metric("loss", i, i, i)));
        }
        var history = await deliverer.Store.GetMetricHistoryAsync(run.RunId, "loss", default);
        Assert.Equal(25_010, history.Count);
        Assert.Equal(2, Server.Count("metrics/get-history"));
    }

    [Fact]
    public async Task Retries_follow_the_official_backoff_schedule()
    {
        Server.Faults.Add(new Fault("experiments/get-by-name", FaultKind.Status, 503), times: 4);
        using var store = Store();
        var retry = Retry with { MaxRetries = 7, Random = () => 0.25 };
        await new Deliverer(store, retry).EnsureExperimentAsync("suite-a", default);
        // No wait before the first retry, then factor·2^(n-1) + jitter: 4.25 s, 8.25 s, 16.25 s.
        Assert.Equal([4.25, 8.25, 16.25], Clock.Waits.Select(w => w.TotalSeconds));
    }

    [Fact]
    public async Task Html_error_pages_become_short_readable_messages()
    {
        var page = "<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1><p>TypeError: missing 'end_time'</p></body></html>";
        Server.Faults.Add(new Fault("runs/search", FaultKind.Status, 400, Message: page));
        using var store = Store();
        var error = await Assert.ThrowsAsync<MlflowRestException>(() => store.FindRunAsync("0", "abc", default));
        Assert.Equal(400, error.StatusCode);
        Assert.Null(error.ErrorCode);
        Assert.Contains("HTTP 400: 500 Internal Server Error Internal Server Error TypeError: missing 'end_time'", error.Message);
        Assert.DoesNotContain("<", error.Message);
    }

    [Fact]
    public async Task Json_error_bodies_keep_code_and_message()
    {
        Server.Faults.Add(new Fault("runs/search", FaultKind.Status, 404, ErrorCode: "ENDPOINT_NOT_FOUND", Message: "no such endpoint"));
        using var store = Store();
        var error = await Assert.ThrowsAsync<MlflowRestException>(() => store.FindRunAsync("0", "abc", default));
        Assert.Equal(404, error.StatusCode);
        Assert.Equal("ENDPOINT_NOT_FOUND", error.ErrorCode);
        Assert.Contains("HTTP 404 ENDPOINT_NOT_FOUND: no such endpoint", error.Message);
    }
}
