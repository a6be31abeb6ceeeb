using Touchstone.Core.Environment;

namespace Touchstone.Core.Running;

/// <summary>A shard selector: cells whose balanced index falls in shard <see cref="Index"/> of <see cref="Count"/>.</summary>
/// <param name="Index">1-based shard index.</param>
/// <param name="Count">Number of shards.</param>
public sealed record Shard(int Index, int Count)
{
    /// <summary>The text form <c>i/n</c>.</summary>
    public override string ToString() => $"{Index}/{Count}";
}

/// <summary>The run-level record written to <c>manifest.json</c>.</summary>
/// <param name="SchemaVersion">Version of the results layout.</param>
/// <param name="RunId">The run's id (also its folder name).</param>
/// <param name="CreatedAt">UTC time the run was created.</param>
/// <param name="Profile">Profile the run used.</param>
/// <param name="Suites">Suites in the run.</param>
/// <param name="Device">Device requested for the run.</param>
/// <param name="Shard">The shard this run directory holds, or null for all cells.</param>
/// <param name="Overrides">Command-line overrides, as given (<c>key.path=value</c>).</param>
/// <param name="Cells">Ids of every cell the run is meant to hold.</param>
/// <param name="Fingerprint">The environment.</param>
/// <param name="FingerprintHash">Short hash of <paramref name="Fingerprint"/>, as on each cell row.</param>
/// <param name="CommandLine">The command line that created the run.</param>
public sealed record RunManifest(
    int SchemaVersion,
    string RunId,
    DateTime CreatedAt,
    string Profile,
    IReadOnlyList<string> Suites,
    string Device,
    Shard? Shard,
    IReadOnlyList<string> Overrides,
    IReadOnlyList<string> Cells,
    EnvironmentFingerprint Fingerprint,
    string FingerprintHash,
    string CommandLine)
{
    /// <summary>The version of the results layout this code writes (manifest, cell files, tables).</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>
    /// Ids of every cell of the unsharded matrix. Equal to <see cref="Cells"/> for an unsharded run; for a shard it
    /// lets <c>touchstone merge</c> name the cells that no given shard holds.
    /// </summary>
    public IReadOnlyList<string> MatrixCells { get; init; } = [];

    /// <summary>The suites folder the run was planned from (absolute), used again by <c>--resume</c>.</summary>
    public string? SuitesDirectory { get; init; }

    /// <summary>
    /// Further environments that ran cells of this run: a resume on a changed machine or checkout, or the shards of
    /// a merged run. Each cell row names its own by hash.
    /// </summary>
    public IReadOnlyList<EnvironmentFingerprint> OtherFingerprints { get; init; } = [];

    /// <summary>
    /// The CPU threads every cell of the run computes with (<c>--threads</c>), applied once before the first cell;
    /// <c>--resume</c> and <c>touchstone verify</c> use them again. Null in runs recorded before the setting existed.
    /// </summary>
    public ThreadSettings? Threads { get; init; }
}
