namespace Touchstone.Core.Results;

/// <summary>
/// The content of a cell's cell.json: its cells.parquet row and the row counts of its tables, so that a resumed
/// run or a merge can check that the tables beside it are the ones the cell wrote.
/// </summary>
/// <param name="SchemaVersion">Version of the results layout.</param>
/// <param name="Row">The cell's row.</param>
/// <param name="MetricRows">Rows in the cell's metrics.parquet.</param>
/// <param name="CurveRows">Rows in the cell's curves.parquet.</param>
public sealed record CellRecord(int SchemaVersion, CellRow Row, int MetricRows, int CurveRows);
