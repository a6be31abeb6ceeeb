using Touchstone.Tracking.Model;
using Touchstone.Tracking.Tests.Fakes;

namespace Touchstone.Tracking.Tests.Support;

/// <summary>What one run must hold on the server after a scenario: exactly these params, tags and metric points.</summary>
internal sealed class ExpectedRun(string name)
{
    public string Name { get; } = name;
    public Dictionary<string, string> Params { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
    public List<Metric> Metrics { get; } = [];
    public string? Status { get; set; }

    public void Add(LogBatch batch)
    {
        foreach (var p in batch.Params)
        {
            Params[p.Key] = p.Value;
        }
        foreach (var t in batch.Tags)
        {
            Tags[t.Key] = t.Value;
        }
        Metrics.AddRange(batch.Metrics);
    }

    /// <summary>Asserts that the server holds exactly this run: nothing lost, nothing duplicated.</summary>
    public void AssertHeldBy(FakeMlflowState state, string? parentRunId = null)
    {
        lock (state.Gate)
        {
            var matches = state.Runs.Values.Where(r => r.RunName == Name).ToList();
            Assert.True(matches.Count == 1, $"run '{Name}' exists {matches.Count} times on the server");
            var run = matches[0];
            Assert.Equal(Params.OrderBy(p => p.Key, StringComparer.Ordinal), run.Params.OrderBy(p => p.Key, StringComparer.Ordinal));
            var systemTags = new HashSet<string> { MlflowTags.RunName, MlflowTags.ClientRunKey, MlflowTags.ParentRunId };
            Assert.Equal(
                Tags.OrderBy(t => t.Key, StringComparer.Ordinal),
                run.Tags.Where(t => !systemTags.Contains(t.Key)).OrderBy(t => t.Key, StringComparer.Ordinal));
            Assert.Equal(Name, run.Tags[MlflowTags.RunName]);
            if (parentRunId is not null)
            {
                Assert.Equal(parentRunId, run.Tags[MlflowTags.ParentRunId]);
            }
            Assert.Equal(Sorted(Metrics), Sorted(run.Metrics));
            if (Status is not null)
            {
                Assert.Equal(Status, run.Status);
                Assert.NotNull(run.EndTime);
            }
        }
    }

    private static List<(string, long, long, long)> Sorted(IEnumerable<Metric> metrics) =>
        metrics.Select(m => m.Identity).Order().ToList();
}
