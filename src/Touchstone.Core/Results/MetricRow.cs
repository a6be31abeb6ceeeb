namespace Touchstone.Core.Results;

/// <summary>
/// One number in tidy, long format: a final metric of a cell (metrics.parquet) or one point of a training curve
/// (curves.parquet). Column names in Parquet are the snake_case property names (run_id, suite, …).
/// </summary>
/// <param name="RunId">The run the number belongs to.</param>
/// <param name="Suite">Suite name, e.g. <c>spectral-gap</c>.</param>
/// <param name="Variant">Variant name, e.g. <c>shipped</c>.</param>
/// <param name="Seed">Training seed of the cell.</param>
/// <param name="Profile">Profile the run used, e.g. <c>smoke</c>.</param>
/// <param name="Split">Data split the number is measured on, e.g. <c>train</c>, <c>id</c>, <c>ood</c>.</param>
/// <param name="Metric">Metric name, e.g. <c>mse</c>.</param>
/// <param name="Value">The value; NaN and infinities are kept as they are.</param>
/// <param name="Step">Optimizer step at which the value was measured.</param>
public sealed record MetricRow(
    string RunId,
    string Suite,
    string Variant,
    int Seed,
    string Profile,
    string Split,
    string Metric,
    double Value,
    long Step);
