using Touchstone.Testing;
using Touchstone.Tracking.FileStore;
using Touchstone.Tracking.Model;
using Touchstone.Tracking.Tests.Support;

namespace Touchstone.Tracking.Tests.FileStore;

public class FileStoreLayoutTests
{
    private const string ExperimentId = "851093313358547228";
    private const string RunId = "0123456789abcdef0123456789abcdef";
    private const long Start = 1700000000000;

    private static async Task<FileTrackingStore> WriteKnownRunAsync(string root)
    {
        var store = new FileTrackingStore(root, new FixedClock(Start)) { NewExperimentId = () => ExperimentId };
        var experimentId = await store.CreateExperimentAsync("spectral-gap", default);
        await store.CreateRunAsync(new CreateRunRequest(experimentId, RunId, "shipped/seed-0", "alice", Start,
            [new RunTag("mlflow.user", "alice"), new RunTag("mlflow.source.type", "LOCAL")]), default);
        await store.LogBatchAsync(RunId, new LogBatch(
            [
                new Metric("train/loss", 0.9, Start + 100, 0),
                new Metric("train/loss", 1e-07, Start + 200, 1),
                new Metric("train/loss", double.NaN, Start + 300, 2),
                new Metric("train/loss", double.PositiveInfinity, Start + 400, 3),
                new Metric("train/loss", double.NegativeInfinity, Start + 500, 4),
                new Metric("train/loss", 1.0, Start + 600, 5),
                new Metric("acc", 12345678901234.5, Start + 700, 5),
            ],
            [new Param("training.lr", "0.001"), new Param("model.hidden", "[128,64]")],
            [new RunTag("touchstone.suite", "spectral-gap")]), default);
        await store.UpdateRunAsync(RunId, RunStatus.Finished, Start + 1000, default);
        return store;
    }

    [Fact]
    public async Task Known_run_writes_exactly_the_reference_tree()
    {
        using var dir = new TempDirectory();
        var root = dir.Combine("mlruns");
        await WriteKnownRunAsync(root);
        var run = $"{ExperimentId}/{RunId}";
        string[] expected =
            [
                ".trash/",
                "0/",
                "0/meta.yaml",
                $"{ExperimentId}/",
                $"{ExperimentId}/meta.yaml",
                $"{run}/",
                $"{run}/artifacts/",
                $"{run}/meta.yaml",
                $"{run}/metrics/",
                $"{run}/metrics/acc",
                $"{run}/metrics/train/",
                $"{run}/metrics/train/loss",
                $"{run}/params/",
                $"{run}/params/model.hidden",
                $"{run}/params/training.lr",
                $"{run}/tags/",
                $"{run}/tags/mlflow.runName",
                $"{run}/tags/mlflow.source.type",
                $"{run}/tags/mlflow.user",
                $"{run}/tags/touchstone.suite",
            ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), TreeListing.Of(root));
    }

    [Fact]
    public async Task Meta_files_have_the_reference_keys_and_types()
    {
        using var dir = new TempDirectory();
        var root = dir.Combine("mlruns");
        await WriteKnownRunAsync(root);
        var rootUri = "file://" + root;
        Assert.Equal(
            $"""
            artifact_location: {rootUri}/0
            creation_time: {Start}
            experiment_id: '0'
            last_update_time: {Start}
            lifecycle_stage: active
            name: Default

            """,
            File.ReadAllText(Path.Combine(root, "0", "meta.yaml")));
        Assert.Equal(
            $"""
            artifact_location: {rootUri}/{ExperimentId}
            creation_time: {Start}
            experiment_id: '{ExperimentId}'
            last_update_time: {Start}
            lifecycle_stage: active
            name: spectral-gap

            """,
            File.ReadAllText(Path.Combine(root, ExperimentId, "meta.yaml")));
        Assert.Equal(
            $"""
            artifact_uri: {rootUri}/{ExperimentId}/{RunId}/artifacts
            end_time: {Start + 1000}
            entry_point_name: ''
            experiment_id: '{ExperimentId}'
            lifecycle_stage: active
            run_id: {RunId}
            run_name: shipped/seed-0
            run_uuid: {RunId}
            source_name: ''
            source_type: 4
            source_version: ''
            start_time: {Start}
            status: 3
            tags: []
            user_id: alice

            """,
            File.ReadAllText(Path.Combine(root, ExperimentId, RunId, "meta.yaml")));
    }

    [Fact]
    public async Task Meta_yaml_types_are_what_mlflow_readers_require_according_to_pyyaml()
    {
        using var dir = new TempDirectory();
        var root = dir.Combine("mlruns");
        await WriteKnownRunAsync(root);
        var check = Python.Run(
            """
            import sys, yaml
            exp_path, run_path = sys.stdin.read().split('\n')[:2]
            exp = yaml.safe_load(open(exp_path)); run = yaml.safe_load(open(run_path))
            assert type(exp['experiment_id']) is str and type(exp['creation_time']) is int, exp
            assert type(run['status']) is int and type(run['start_time']) is int and type(run['end_time']) is int, run
            assert run['run_id'] == run['run_uuid'] and len(run['run_id']) == 32, run
            assert type(run['experiment_id']) is str and run['tags'] == [] and run['source_type'] == 4, run
            print('ok')
            """,
            $"{Path.Combine(root, ExperimentId, "meta.yaml")}\n{Path.Combine(root, ExperimentId, RunId, "meta.yaml")}\n");
        Assert.Equal("ok\n", check);
    }

    [Fact]
    public async Task Metric_lines_have_three_fields_with_python_float_values()
    {
        using var dir = new TempDirectory();
        var root = dir.Combine("mlruns");
        await WriteKnownRunAsync(root);
        Assert.Equal(
            $"{Start + 100} 0.9 0\n{Start + 200} 1e-07 1\n{Start + 300} nan 2\n{Start + 400} inf 3\n{Start + 500} -inf 4\n{Start + 600} 1.0 5\n",
            File.ReadAllText(Path.Combine(root, ExperimentId, RunId, "metrics", "train", "loss")));
        Assert.Equal($"{Start + 700} 12345678901234.5 5\n", File.ReadAllText(Path.Combine(root, ExperimentId, RunId, "metrics", "acc")));
    }

    [Fact]
    public async Task Params_and_tags_hold_the_raw_value_without_newline()
    {
        using var dir = new TempDirectory();
        var root = dir.Combine("mlruns");
        await WriteKnownRunAsync(root);
        var runDir = Path.Combine(root, ExperimentId, RunId);
        Assert.Equal("0.001"u8.ToArray(), File.ReadAllBytes(Path.Combine(runDir, "params", "training.lr")));
        Assert.Equal("[128,64]", File.ReadAllText(Path.Combine(runDir, "params", "model.hidden")));
        Assert.Equal("shipped/seed-0", File.ReadAllText(Path.Combine(runDir, "tags", "mlflow.runName")));
    }

    [Fact]
    public async Task Store_reads_back_what_it_wrote()
    {
        using var dir = new TempDirectory();
        var store = await WriteKnownRunAsync(dir.Combine("mlruns"));
        var snapshot = (await store.GetRunAsync(RunId, default))!;
        Assert.Equal(RunStatus.Finished, snapshot.Info.Status);
        Assert.Equal(Start + 1000, snapshot.Info.EndTime);
        Assert.Equal("0.001", snapshot.Params["training.lr"]);
        Assert.Equal(["acc", "train/loss"], snapshot.MetricKeys.Order(StringComparer.Ordinal));
        var history = await store.GetMetricHistoryAsync(RunId, "train/loss", default);
        Assert.Equal([0.9, 1e-07, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1.0], history.Select(m => m.Value));
        Assert.Equal(Enumerable.Range(0, 6).Select(i => (long)i), history.Select(m => m.Step));
        var experiment = (await store.GetExperimentByNameAsync("spectral-gap", default))!;
        Assert.Equal(ExperimentId, experiment.ExperimentId);
    }

    [Fact]
    public async Task Changed_param_is_refused_naming_run_and_key_and_same_value_is_a_no_op()
    {
        using var dir = new TempDirectory();
        var store = await WriteKnownRunAsync(dir.Combine("mlruns"));
        await store.LogBatchAsync(RunId, new LogBatch([], [new Param("training.lr", "0.001")], []), default);
        var error = await Assert.ThrowsAsync<Errors.ParamConflictException>(() =>
            store.LogBatchAsync(RunId, new LogBatch([], [new Param("training.lr", "0.01")], []), default));
        Assert.Contains("shipped/seed-0", error.Message);
        Assert.Contains("'training.lr'", error.Message);
    }

    [Fact]
    public async Task Setting_the_run_name_tag_rewrites_run_name_in_meta()
    {
        using var dir = new TempDirectory();
        var store = await WriteKnownRunAsync(dir.Combine("mlruns"));
        await store.LogBatchAsync(RunId, new LogBatch([], [], [new RunTag("mlflow.runName", "renamed")]), default);
        Assert.Equal("renamed", (await store.GetRunAsync(RunId, default))!.Info.RunName);
    }

    [Fact]
    public async Task Reading_a_legacy_two_field_and_a_five_field_metric_file_works()
    {
        using var dir = new TempDirectory();
        var store = await WriteKnownRunAsync(dir.Combine("mlruns"));
        var path = Path.Combine(dir.Combine("mlruns"), ExperimentId, RunId, "metrics", "legacy");
        File.WriteAllText(path, "1700000000000 0.5\n1700000000001 0.25 3 train abc123\n");
        var history = await store.GetMetricHistoryAsync(RunId, "legacy", default);
        Assert.Equal([(0.5, 0L), (0.25, 3L)], history.Select(m => (m.Value, m.Step)));
    }

    [Fact]
    public async Task Artifacts_are_copied_below_the_run_artifact_folder()
    {
        using var dir = new TempDirectory();
        var root = dir.Combine("mlruns");
        var store = await WriteKnownRunAsync(root);
        var source = dir.Combine("config.yaml");
        File.WriteAllText(source, "a: 1\n");
        var info = (await store.GetRunAsync(RunId, default))!.Info;
        await store.LogArtifactAsync(info, source, "cell/config.yaml", default);
        Assert.Equal("a: 1\n", File.ReadAllText(Path.Combine(root, ExperimentId, RunId, "artifacts", "cell", "config.yaml")));
    }

    [Fact]
    public void File_uri_percent_encodes_like_pathlib_as_uri()
    {
        Assert.Equal("file:///tmp/a%20b/ml%C3%A9runs", FileUri.FromPath("/tmp/a b/mléruns"));
        Assert.Equal("/tmp/a b/mléruns", FileUri.ToPath("file:///tmp/a%20b/ml%C3%A9runs"));
        Assert.Equal("/x", FileUri.ToPath("file://localhost/x"));
        Assert.Null(FileUri.ToPath("file://otherhost/x"));
    }
}
