using System.CommandLine;
using System.Text.Json.Nodes;
using Touchstone.Cli.Commands;
using Touchstone.Cli.Tests.Support;
using Touchstone.Core.Declarations;
using Touchstone.Core.Environment;
using Touchstone.Core.Results;
using Touchstone.Core.Running;
using Touchstone.Gate;
using Touchstone.Parquet;

namespace Touchstone.Cli.Tests.Gate;

/// <summary>Runs the gate and promote verbs as the CLI does, and writes run folders the way the harness lays them out.</summary>
internal static class GateCli
{
    public static readonly IReadOnlyList<MetricDeclaration> Metrics =
    [
        new("mse", "ood", Direction.Lower, MetricRole.Primary, new GateMargin(0.05, IsRelative: true)),
        new("acc", "ood", Direction.Higher, MetricRole.Primary, new GateMargin(0.01, IsRelative: false)),
        new("loss", "train", Direction.Lower, MetricRole.Secondary, GateMargin.Zero),
    ];

    private static readonly SuiteDeclaration Toy =
        new("toy", "toy", "a toy suite", "tests", new JsonObject(), [], [], Metrics, "suites/toy.yaml");

    public static (int Code, string Out, string Err) Gate(params string[] args) => Invoke(GateCommand.Create(Declarations), args);

    public static (int Code, string Out, string Err) Promote(params string[] args) => Invoke(PromoteCommand.Create(Declarations), args);

    private static ISuiteMetrics Declarations(string suitesDirectory) => new DeclaredSuites([Toy], suitesDirectory);

    public static (int Code, string Out, string Err) Invoke(Command command, string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = new RootCommand { command }.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Runs <c>touchstone</c> in this process with every verb, as Program.cs composes it.</summary>
    public static (int Code, string Out, string Err) Composed(params string[] args)
    {
        var result = Tool.Run(args);
        return (result.Exit, result.Out, result.Err);
    }

    /// <summary>Per-seed values of the toy suite: 5 seeds of one variant, noisy across seeds, fixed by the seed.</summary>
    public static Dictionary<(string Split, string Metric), double[]> Values() => new()
    {
        [("ood", "mse")] = [0.231, 0.247, 0.226, 0.252, 0.239],
        [("ood", "acc")] = [0.912, 0.905, 0.921, 0.899, 0.915],
        [("train", "loss")] = [0.101, 0.097, 0.104, 0.099, 0.102],
    };

    /// <summary>Writes a run folder: manifest.json, cells.parquet, metrics.parquet.</summary>
    public static string WriteRun(
        string directory,
        string runId,
        Dictionary<(string Split, string Metric), double[]> values,
        string configHash = "c0ffee",
        (int Seed, CellStatus Status)? brokenCell = null)
    {
        Directory.CreateDirectory(directory);
        var fingerprint = new EnvironmentFingerprint("Debian 12", "CPU", "cpu", null, null, "10.0", "1.13.1", "OpenBLAS", "0.1.0", "abc", false);
        var seeds = Enumerable.Range(0, 5).ToList();
        var manifest = new RunManifest(1, runId, new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc), "smoke", ["toy"], "cpu", null, [],
            seeds.Select(s => $"toy/base/seed-{s}").ToList(), fingerprint, "fp01", "touchstone run");
        var layout = new RunLayout(directory);
        RunFolder.WriteManifest(layout, manifest);
        var cells = seeds.Select(s => new CellRow(runId, "toy", "base", s, "smoke",
            brokenCell?.Seed == s ? brokenCell.Value.Status : CellStatus.Ok, brokenCell?.Seed == s ? "loss became NaN at step 7" : null,
            new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc), 2.0, configHash, $"data-{s}", "fp01", "cpu", "abc")).ToList();
        var metrics = values.SelectMany(kv => seeds
                .Where(s => brokenCell?.Seed != s)
                .Select(s => new MetricRow(runId, "toy", "base", s, "smoke", kv.Key.Split, kv.Key.Metric, kv.Value[s], 200)))
            .ToList();
        ParquetRecords.Write(layout.Cells, cells);
        ParquetRecords.Write(layout.Metrics, metrics);
        return directory;
    }
}
