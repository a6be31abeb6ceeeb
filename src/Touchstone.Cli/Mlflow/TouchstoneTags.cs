using System.Text.RegularExpressions;
using Touchstone.Core.Environment;
using Touchstone.Core.Running;
using Touchstone.Tracking.Model;

namespace Touchstone.Cli.Mlflow;

/// <summary>The tags Touchstone puts on its MLflow runs: MLflow's system tags and <c>touchstone.*</c> identity tags.</summary>
public static partial class TouchstoneTags
{
    /// <summary>Prefix of Touchstone's own tags.</summary>
    public const string Prefix = "touchstone.";

    /// <summary>Tags of the parent run of one suite in one <c>touchstone run</c>.</summary>
    public static IReadOnlyList<RunTag> Parent(RunManifest manifest, string suite, string user) =>
    [
        .. System(manifest, user),
        new(Prefix + "run_id", manifest.RunId),
        new(Prefix + "suite", suite),
        new(Prefix + "profile", manifest.Profile),
        new(Prefix + "device", manifest.Device),
        new(Prefix + "command_line", manifest.CommandLine),
        .. manifest.Shard is { } shard ? [new RunTag(Prefix + "shard", shard.ToString())] : Array.Empty<RunTag>(),
        .. Fingerprint(manifest),
    ];

    /// <summary>Tags of a cell's run known when it starts.</summary>
    public static IReadOnlyList<RunTag> CellStart(RunManifest manifest, CellPlan cell, string user) =>
    [
        .. System(manifest, user),
        new(Prefix + "run_id", manifest.RunId),
        new(Prefix + "suite", cell.Id.Suite),
        new(Prefix + "variant", cell.Id.Variant),
        new(Prefix + "seed", MlflowKeys.Text(cell.Id.Seed)),
        new(Prefix + "profile", cell.Profile),
        new(Prefix + "device", cell.Device),
        new(Prefix + "config_hash", cell.Config.Hash),
        .. Fingerprint(manifest),
    ];

    /// <summary>Tags of a cell's run known when it ends.</summary>
    public static IReadOnlyList<RunTag> CellEnd(CellOutcome outcome) =>
    [
        new(Prefix + "status", outcome.Row.Status.ToString().ToLowerInvariant()),
        new(Prefix + "data_hash", outcome.Row.DataHash),
        new(Prefix + "duration_s", MlflowKeys.Text(outcome.Row.DurationS)),
        .. outcome.Row.Error is { } error ? [new RunTag(Prefix + "error", error), new RunTag(MlflowTags.NoteContent, error)] : Array.Empty<RunTag>(),
    ];

    private static IEnumerable<RunTag> System(RunManifest manifest, string user)
    {
        yield return new RunTag(MlflowTags.User, user);
        yield return new RunTag(MlflowTags.SourceName, SourceName(manifest.CommandLine));
        yield return new RunTag(MlflowTags.SourceType, "LOCAL");
        if (GitSha().IsMatch(manifest.Fingerprint.GitCommit))
        {
            yield return new RunTag(MlflowTags.GitCommit, manifest.Fingerprint.GitCommit);
        }
    }

    private static IEnumerable<RunTag> Fingerprint(RunManifest manifest)
    {
        var print = manifest.Fingerprint;
        yield return new RunTag(Prefix + "fingerprint", manifest.FingerprintHash);
        yield return new RunTag(Prefix + "git_commit", print.GitCommit);
        yield return new RunTag(Prefix + "git_dirty", print.GitDirty ? "true" : "false");
        foreach (var (name, value) in Fields(print))
        {
            if (!string.IsNullOrEmpty(value))
            {
                yield return new RunTag(Prefix + "fingerprint." + name, value);
            }
        }
    }

    private static IEnumerable<(string, string?)> Fields(EnvironmentFingerprint print) =>
    [
        ("os", print.Os),
        ("cpu_model", print.CpuModel),
        ("device_kind", print.DeviceKind),
        ("gpu_model", print.GpuModel),
        ("gpu_driver", print.GpuDriver),
        ("dotnet_version", print.DotnetVersion),
        ("libtorch_version", print.LibtorchVersion),
        ("blas_version", print.BlasVersion),
        ("touchstone_version", print.TouchstoneVersion),
    ];

    // Python's sys.argv[0] in the official client; here the program the command line started with.
    private static string SourceName(string commandLine)
    {
        var first = commandLine.Trim().Split(' ', 2)[0];
        return first.Length == 0 ? "touchstone" : Path.GetFileName(first);
    }

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex GitSha();
}
