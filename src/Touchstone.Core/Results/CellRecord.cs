namespace Touchstone.Core.Results;

/// <summary>
/// The content of a cell's cell.json: its cells.parquet row and the row counts and SHA-256 of its tables, so that
/// a resumed run or a merge can check that the tables beside it are the ones the cell wrote.
/// </summary>
/// <param name="SchemaVersion">Version of the results layout.</param>
/// <param name="Row">The cell's row.</param>
/// <param name="MetricRows">Rows in the cell's metrics.parquet.</param>
/// <param name="CurveRows">Rows in the cell's curves.parquet.</param>
/// <param name="MetricsSha256">SHA-256 of the cell's metrics.parquet (null in cells committed before it was recorded).</param>
/// <param name="CurvesSha256">SHA-256 of the cell's curves.parquet (null likewise).</param>
public sealed record CellRecord(int SchemaVersion, CellRow Row, int MetricRows, int CurveRows,
    string? MetricsSha256 = null, string? CurvesSha256 = null);
