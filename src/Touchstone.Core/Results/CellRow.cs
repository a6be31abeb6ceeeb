namespace Touchstone.Core.Results;

/// <summary>One row per cell in cells.parquet: how it ended and everything its numbers depend on.</summary>
/// <param name="RunId">The run the cell belongs to.</param>
/// <param name="Suite">Suite name.</param>
/// <param name="Variant">Variant name.</param>
/// <param name="Seed">Training seed.</param>
/// <param name="Profile">Profile name.</param>
/// <param name="Status">ok, failed or diverged.</param>
/// <param name="Error">The error message of a failed or diverged cell; null when ok.</param>
/// <param name="StartedAt">UTC time the cell started.</param>
/// <param name="DurationS">Wall-clock seconds the cell took.</param>
/// <param name="ConfigHash">SHA-256 (hex) of the canonical JSON of the resolved config.</param>
/// <param name="DataHash">SHA-256 (hex) of the data the experiment generated, as it reported it.</param>
/// <param name="Fingerprint">Short hash of the environment fingerprint (the full record is in manifest.json).</param>
/// <param name="Device">Device the cell ran on, e.g. <c>cpu</c> or <c>cuda:0</c>.</param>
/// <param name="GitSha">Git commit of the Touchstone checkout ("unknown" outside a checkout).</param>
public sealed record CellRow(
    string RunId,
    string Suite,
    string Variant,
    int Seed,
    string Profile,
    CellStatus Status,
    string? Error,
    DateTime StartedAt,
    double DurationS,
    string ConfigHash,
    string DataHash,
    string Fingerprint,
    string Device,
    string GitSha);
