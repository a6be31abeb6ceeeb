using Touchstone.Tracking.FileStore;
using Touchstone.Tracking.Model;

namespace Touchstone.Cli.Tests.Mlflow;

/// <summary>One run read back from an mlruns folder.</summary>
internal sealed record StoredRun(string ExperimentName, RunSnapshot Snapshot, IReadOnlyDictionary<string, IReadOnlyList<Metric>> Metrics, string Directory)
{
    public string Name => Snapshot.Info.RunName;
    public string Tag(string key) => Snapshot.Tags[key];
}

/// <summary>Reads every run of an mlruns folder through the file store.</summary>
internal static class MlrunsReader
{
    public static async Task<List<StoredRun>> ReadAsync(string root)
    {
        var store = new FileTrackingStore(root);
        var runs = new List<StoredRun>();
        foreach (var experimentDir in Directory.EnumerateDirectories(root).Where(d => !Path.GetFileName(d).StartsWith('.')))
        {
            var experimentName = MetaYaml.Read(Path.Combine(experimentDir, "meta.yaml"))["name"]!;
            foreach (var runDir in Directory.EnumerateDirectories(experimentDir))
            {
                var snapshot = (await store.GetRunAsync(Path.GetFileName(runDir), default))!;
                var metrics = new Dictionary<string, IReadOnlyList<Metric>>();
                foreach (var key in snapshot.MetricKeys)
                {
                    metrics[key] = await store.GetMetricHistoryAsync(snapshot.Info.RunId, key, default);
                }
                runs.Add(new StoredRun(experimentName, snapshot, metrics, runDir));
            }
        }
        return runs;
    }
}
