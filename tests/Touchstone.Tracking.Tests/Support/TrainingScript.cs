using Touchstone.Tracking.Model;
using Touchstone.Tracking.Outbox;

namespace Touchstone.Tracking.Tests.Support;

/// <summary>
/// A typical training session logged through a tracker: a parent run and nested runs with params (more than one
/// request's worth), tags, curves (more than one request's worth, NaN and infinities included) and an end status.
/// Records what the store must hold afterwards.
/// </summary>
internal sealed class TrainingScript
{
    public const long T0 = 1_700_000_000_000;

    public Dictionary<string, ExpectedRun> Expected { get; } = [];

    public TrackedRun Parent(MlflowTracker tracker, string experiment = "suite-a")
    {
        var parent = tracker.StartRun(experiment, "run-20250101", [new RunTag("kind", "parent")], label: "parent");
        var expected = Expected["run-20250101"] = new ExpectedRun("run-20250101");
        expected.Tags["kind"] = "parent";
        return parent;
    }

    /// <summary>Logs one cell in several batches; <paramref name="afterBatch"/> runs between batches (to inject faults).</summary>
    public TrackedRun Cell(MlflowTracker tracker, TrackedRun parent, int seed, int points = 1200, Action<int>? afterBatch = null, string experiment = "suite-a")
    {
        var name = $"shipped/seed-{seed}";
        var run = tracker.StartRun(experiment, name, [new RunTag("seed", seed.ToString())], parent, label: name);
        var expected = Expected[name] = new ExpectedRun(name);
        expected.Tags["seed"] = seed.ToString();
        var configParams = Enumerable.Range(0, 130).Select(i => new Param($"config.p{i:D3}", $"value-{i}-{seed}")).ToList();
        Log(tracker, run, expected, new LogBatch([], configParams, [new RunTag("touchstone.config_hash", $"hash{seed}")]));
        var batchNumber = 0;
        foreach (var chunk in Curve(seed, points).Chunk(700))
        {
            Log(tracker, run, expected, new LogBatch(chunk, [], []));
            afterBatch?.Invoke(batchNumber++);
        }
        Log(tracker, run, expected, new LogBatch([new Metric("test/acc", 0.9 + seed / 100.0, T0 + 10_000, points)], [], [new RunTag("status", "ok")]));
        tracker.SetStatus(run, RunStatus.Finished, DateTimeOffset.FromUnixTimeMilliseconds(T0 + 20_000));
        expected.Status = "FINISHED";
        return run;
    }

    public void End(MlflowTracker tracker, TrackedRun parent)
    {
        tracker.SetStatus(parent, RunStatus.Finished, DateTimeOffset.FromUnixTimeMilliseconds(T0 + 30_000));
        Expected[parent.Name].Status = "FINISHED";
    }

    private static IEnumerable<Metric> Curve(int seed, int points)
    {
        for (var step = 0; step < points; step++)
        {
            var value = step switch
            {
                7 => double.NaN,
                8 => double.PositiveInfinity,
                9 => double.NegativeInfinity,
                _ => 1.0 / (step + 1 + seed),
            };
            yield return new Metric("train/loss", value, T0 + step, step);
            if (step % 10 == 0)
            {
                yield return new Metric("eval/acc", step / (double)points, T0 + step, step);
            }
        }
    }

    private static void Log(MlflowTracker tracker, TrackedRun run, ExpectedRun expected, LogBatch batch)
    {
        Assert.Empty(tracker.Log(run, batch));
        expected.Add(batch);
    }
}
