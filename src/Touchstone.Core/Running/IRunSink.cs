using Touchstone.Core.Experiments;
using Touchstone.Core.Results;

namespace Touchstone.Core.Running;

/// <summary>A cell as planned by the matrix: its identity, profile and resolved config.</summary>
/// <param name="Id">suite/variant/seed.</param>
/// <param name="Profile">Profile name.</param>
/// <param name="Config">The resolved config; its hash is the cell's config hash.</param>
/// <param name="Device">Device the cell runs on.</param>
public sealed record CellPlan(CellId Id, string Profile, ResolvedConfig Config, string Device);

/// <summary>How a cell ended, with its final metrics and where its files are.</summary>
/// <param name="Row">The cells.parquet row.</param>
/// <param name="Metrics">The cell's final metrics (metrics.parquet rows).</param>
/// <param name="CellDirectory">The cell's folder in the run (config.yaml, cell.json, metrics.parquet, …).</param>
public sealed record CellOutcome(CellRow Row, IReadOnlyList<MetricRow> Metrics, string CellDirectory);

/// <summary>
/// Something that watches a run: the MLflow logger, the console display. The runner calls a sink from one thread
/// at a time, in event order, so sinks need no locking. A sink must not throw for a problem of its own (a tracking
/// server being down): it records the problem and lets the run go on.
/// </summary>
public interface IRunSink
{
    /// <summary>The run begins (also when it is resumed).</summary>
    void RunStarted(RunManifest manifest);

    /// <summary>A cell begins.</summary>
    void CellStarted(CellPlan cell);

    /// <summary>A curve point was logged by the running cell.</summary>
    void CurvePoint(CellPlan cell, MetricRow point, DateTimeOffset loggedAt);

    /// <summary>A cell ended and its files are durable.</summary>
    void CellFinished(CellPlan cell, CellOutcome outcome);

    /// <summary>The run ends (all cells done, or stopped).</summary>
    void RunFinished(RunManifest manifest);
}
