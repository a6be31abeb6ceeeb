using Touchstone.Tracking.Model;

namespace Touchstone.Tracking.Tests.Fakes;

/// <summary>A run as the fake server holds it.</summary>
internal sealed class FakeRun
{
    public required string RunId { get; init; }
    public required string ExperimentId { get; init; }
    public required string RunName { get; set; }
    public required string UserId { get; init; }
    public required long StartTime { get; init; }
    public required string ArtifactUri { get; init; }
    public string Status { get; set; } = "RUNNING";
    public long? EndTime { get; set; }
    public Dictionary<string, string> Params { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
    public List<Metric> Metrics { get; } = [];
}

/// <summary>An experiment as the fake server holds it.</summary>
internal sealed record FakeExperiment(string Id, string Name, string ArtifactLocation, string LifecycleStage);

/// <summary>Everything the fake server stores; survives a stop and restart of the server.</summary>
internal sealed class FakeMlflowState
{
    public object Gate { get; } = new();
    public List<FakeExperiment> Experiments { get; } = [new("0", "Default", "mlflow-artifacts:/0", "active")];
    public Dictionary<string, FakeRun> Runs { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, byte[]> Artifacts { get; } = new(StringComparer.Ordinal);
    public int NextExperimentId { get; set; } = 1;

    /// <summary>The artifact location the server gives a new experiment (the proxy by default; a bare path for --no-serve-artifacts).</summary>
    public Func<string, string> ArtifactLocationFor { get; set; } = id => $"mlflow-artifacts:/{id}";

    public FakeRun RunNamed(string name)
    {
        lock (Gate)
        {
            return Runs.Values.Single(r => r.RunName == name);
        }
    }
}
