using System.Text.Json.Nodes;
using Touchstone.Core.Environment;
using Touchstone.Core.Experiments;
using Touchstone.Core.Results;
using Touchstone.Core.Running;
using Touchstone.Testing;

namespace Touchstone.Cli.Tests.Mlflow;

/// <summary>A small `touchstone run` as the runner would report it to a sink: manifest, cells, curves and outcomes.</summary>
internal sealed class RunFixture : IDisposable
{
    public const string RunId = "20250101-120000-ab12";
    public static readonly DateTime Created = new(2025, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    private readonly TempDirectory _dir = new("touchstone-mlflow-sink");

    public RunFixture(params CellId[] cells)
    {
        Cells = cells.Length > 0
            ? cells
            : [new CellId("spectral-gap", "shipped", 0), new CellId("spectral-gap", "shipped", 1), new CellId("energy-ood", "baseline", 0)];
        Directory.CreateDirectory(RunDirectory);
    }

    public IReadOnlyList<CellId> Cells { get; }
    public string Root => _dir.Path;
    public string RunDirectory => _dir.Combine("results", "runs", RunId);
    public string Mlruns => _dir.Combine("mlruns");

    public static EnvironmentFingerprint Fingerprint { get; } = new("Debian 12", "AMD EPYC", "cpu", null, null, "10.0.12", "1.13.1",
        "OpenBLAS 0.3.21", "0.1.0", "0123456789abcdef0123456789abcdef01234567", GitDirty: false);

    public RunManifest Manifest => new(1, RunId, Created, "smoke", Cells.Select(c => c.Suite).Distinct().ToList(), "cpu", null, [],
        Cells.Select(c => c.ToString()).ToList(), Fingerprint, "fp1234", "touchstone run --profile smoke");

    public static CellPlan Plan(CellId id) => new(id, "smoke", new ResolvedConfig((JsonObject)JsonNode.Parse(
        $$"""{"training":{"lr":0.001,"epochs":2,"optimizer":"adamw"},"model":{"hidden":[128,64]},"seed_note":"s{{id.Seed}}"}""")!), "cpu");

    public static DateTimeOffset PointTime(int step) => new DateTimeOffset(Created).AddSeconds(10 + step);

    /// <summary>Runs one cell through the sink: start, <paramref name="steps"/> curve points of train/loss, finish.</summary>
    public CellOutcome RunCell(Touchstone.Core.Running.IRunSink sink, CellId id, int steps = 5, CellStatus status = CellStatus.Ok,
        Action<int>? afterPoint = null, bool finish = true)
    {
        var plan = Plan(id);
        sink.CellStarted(plan);
        for (var step = 0; step < steps; step++)
        {
            sink.CurvePoint(plan, Row(id, "train", "loss", 1.0 / (step + 1), step), PointTime(step));
            afterPoint?.Invoke(step);
        }
        var outcome = Outcome(id, steps, status);
        if (finish)
        {
            sink.CellFinished(plan, outcome);
        }
        return outcome;
    }

    public CellOutcome Outcome(CellId id, int steps, CellStatus status)
    {
        var cellDir = Path.Combine(RunDirectory, "cells", id.Suite, id.Variant, $"seed-{id.Seed}");
        Directory.CreateDirectory(cellDir);
        File.WriteAllText(Path.Combine(cellDir, "config.yaml"), $"training:\n  lr: 0.001\nseed: {id.Seed}\n");
        File.WriteAllBytes(Path.Combine(cellDir, "metrics.parquet"), [0x50, 0x41, 0x52, 0x31, (byte)id.Seed, 0x50, 0x41, 0x52, 0x31]);
        var row = new CellRow(RunId, id.Suite, id.Variant, id.Seed, "smoke", status, status == CellStatus.Ok ? null : "loss became NaN at step 3",
            Created.AddMinutes(1), 12.5, Plan(id).Config.Hash, "datahash" + id.Seed, "fp1234", "cpu", Fingerprint.GitCommit);
        var last = Math.Max(steps - 1, 0);
        IReadOnlyList<MetricRow> metrics =
        [
            Row(id, "ood", "mse", 0.25 + id.Seed, last),
            Row(id, "train", "loss", 1.0 / steps, last),
        ];
        return new CellOutcome(row, metrics, cellDir);
    }

    public static MetricRow Row(CellId id, string split, string metric, double value, long step) =>
        new(RunId, id.Suite, id.Variant, id.Seed, "smoke", split, metric, value, step);

    public void Dispose() => _dir.Dispose();
}
