using System.Text.RegularExpressions;
using Touchstone.Core.Environment;
using Touchstone.Core.Results;
using Touchstone.Core.Running;
using Touchstone.Core.Verification;

namespace Touchstone.Cli.Verification;

/// <summary>
/// Re-executes one recorded cell with <c>touchstone run</c> in a child process, from what the run's manifest
/// recorded (suites folder, profile, overrides, device, threads, seed), and compares the result with the recording.
/// </summary>
/// <param name="child">How to start touchstone.</param>
/// <param name="work">Folder the re-executed runs are written to.</param>
internal sealed partial class CellReexecution(ChildCli child, string work)
{
    /// <summary>Re-executes <paramref name="recorded"/> of the run in <paramref name="manifest"/> and judges it.</summary>
    public CellVerification Verify(RunManifest manifest, string suitesDirectory, CommittedCell recorded, ThreadSettings threads, int index)
    {
        var id = recorded.Id;
        var runId = $"verify-{index:D4}";
        string[] arguments =
        [
            "run", "--suites-dir", suitesDirectory, "--profile", manifest.Profile, "--suite", id.Suite, "--variant", id.Variant,
            "--seeds", id.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--device", manifest.Device,
            "--threads", threads.IntraOp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--results", work, "--run-id", runId, "--no-tracking",
            .. manifest.Overrides.SelectMany(o => new[] { "--set", o }),
        ];
        var result = child.Run(arguments);
        var folder = Path.Combine(work, runId);
        if (!File.Exists(Path.Combine(folder, "manifest.json")))
        {
            return CellVerification.Failure(id, $"the re-execution made no run (exit {result.Exit}): {Tail(result.Output)}");
        }
        var (layout, now) = RunFolder.Open(folder);
        if (CellStore.TryRead(layout.Cell(id)) is not { } again)
        {
            return CellVerification.Failure(id, $"the re-execution did not commit the cell (exit {result.Exit}): {Tail(result.Output)}");
        }
        return Judge(manifest, recorded, now, again, result.Output);
    }

    /// <summary>Compares a recorded cell with its re-execution: environment, config, status, data and every value.</summary>
    internal static CellVerification Judge(RunManifest manifest, CommittedCell recorded, RunManifest nowManifest, CommittedCell now, string output)
    {
        var (a, b) = (recorded.Record.Row, now.Record.Row);
        var changed = new List<ChangedField>();
        if (FingerprintComparison.Of(manifest, a) is { } fingerprint)
        {
            changed.AddRange(FingerprintComparison.Changes(fingerprint, nowManifest.Fingerprint));
        }
        else
        {
            changed.Add(new ChangedField("fingerprint", $"\"{a.Fingerprint}\" (not in the run's manifest)", $"\"{b.Fingerprint}\""));
        }
        if (a.ConfigHash != b.ConfigHash)
        {
            // The suite file changed since the run: the same cell id is another experiment now.
            changed.Add(new ChangedField("config_hash", a.ConfigHash, b.ConfigHash));
        }
        var differences = new List<string>();
        if (a.Status != b.Status)
        {
            differences.Add($"status {a.Status} → {b.Status}");
        }
        if (a.DataHash != b.DataHash)
        {
            differences.Add($"data_hash {a.DataHash} → {b.DataHash}");
        }
        var values = ValueComparison.Of(recorded.ReadCurves(), now.ReadCurves(), recorded.ReadMetrics(), now.ReadMetrics());
        return CellVerification.Decide(recorded.Id, values, changed, differences, NondeterministicOperations(output));
    }

    /// <summary>
    /// The operations libtorch warned have no deterministic kernel (deterministic algorithms run in warn-only mode,
    /// so such an operation warns, naming itself, instead of failing the cell), as one note, or none.
    /// </summary>
    internal static IReadOnlyList<string> NondeterministicOperations(string output)
    {
        var operations = NoDeterministicKernel().Matches(output).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToList();
        return operations.Count == 0 ? [] : [$"no deterministic kernel: {string.Join(", ", operations)}"];
    }

    private static string Tail(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(" | ", lines.TakeLast(3));
    }

    [GeneratedRegex(@"(\w+) does not have a deterministic implementation")]
    private static partial Regex NoDeterministicKernel();
}
