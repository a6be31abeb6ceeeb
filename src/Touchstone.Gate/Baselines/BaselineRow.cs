namespace Touchstone.Gate.Baselines;

/// <summary>
/// One per-seed value of a declared metric in a baseline file (<c>results/baselines/&lt;suite&gt;/&lt;profile&gt;.parquet</c>),
/// with everything it came from. Columns are the snake_case property names.
/// </summary>
/// <param name="Suite">Suite name.</param>
/// <param name="Profile">Profile name.</param>
/// <param name="Variant">Variant name.</param>
/// <param name="Split">Split the metric is measured on.</param>
/// <param name="Metric">Metric name.</param>
/// <param name="Seed">Seed of the cell.</param>
/// <param name="Value">The final value (always finite: promote refuses others).</param>
/// <param name="ConfigHash">Resolved-config hash of the cell.</param>
/// <param name="DataHash">Data hash of the cell.</param>
/// <param name="Fingerprint">Short hash of the environment fingerprint the cell ran in.</param>
/// <param name="DeviceKind"><c>cpu</c> or <c>cuda</c>.</param>
/// <param name="LibtorchVersion">libtorch version the cell ran with.</param>
/// <param name="RunId">The run the value was promoted from.</param>
public sealed record BaselineRow(
    string Suite,
    string Profile,
    string Variant,
    string Split,
    string Metric,
    int Seed,
    double Value,
    string ConfigHash,
    string DataHash,
    string Fingerprint,
    string DeviceKind,
    string LibtorchVersion,
    string RunId);
