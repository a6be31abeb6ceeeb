using Touchstone.Core.Experiments;

namespace Touchstone.Core.Results;

/// <summary>
/// Where a run's files live:
/// <code>
/// &lt;run&gt;/manifest.json                         the run: profile, cells, environment
/// &lt;run&gt;/metrics.parquet, curves.parquet, cells.parquet   union of the committed cells
/// &lt;run&gt;/cells/&lt;suite&gt;/&lt;variant&gt;/seed-&lt;n&gt;/    one folder per cell (see <see cref="CellFiles"/>)
/// </code>
/// </summary>
/// <param name="Root">The run folder.</param>
public sealed record RunLayout(string Root)
{
    /// <summary>The run's manifest.json.</summary>
    public string Manifest => Path.Combine(Root, "manifest.json");

    /// <summary>The run-level metrics.parquet (final metrics of every committed cell).</summary>
    public string Metrics => Path.Combine(Root, "metrics.parquet");

    /// <summary>The run-level curves.parquet.</summary>
    public string Curves => Path.Combine(Root, "curves.parquet");

    /// <summary>The run-level cells.parquet (one row per committed cell).</summary>
    public string Cells => Path.Combine(Root, "cells.parquet");

    /// <summary>SHA-256 of the three run-level tables, in <c>sha256sum</c> format.</summary>
    public string TableChecksums => Path.Combine(Root, "tables.sha256");

    /// <summary>The folder holding the cell folders.</summary>
    public string CellsFolder => Path.Combine(Root, "cells");

    /// <summary>The files of one cell.</summary>
    public CellFiles Cell(CellId id) => new(Path.Combine(CellsFolder, id.Suite, id.Variant, $"seed-{id.Seed}"));
}

/// <summary>
/// The files of one cell. <see cref="Record"/> (cell.json) is written last: a cell counts as done exactly when
/// it exists, and then every other file of the cell is complete on disk.
/// </summary>
/// <param name="Folder">The cell's folder.</param>
public sealed record CellFiles(string Folder)
{
    /// <summary>The resolved config, as YAML, with the config hash in a comment.</summary>
    public string Config => Path.Combine(Folder, "config.yaml");

    /// <summary>The commit marker and cells.parquet row of the cell.</summary>
    public string Record => Path.Combine(Folder, "cell.json");

    /// <summary>The cell's final metrics.</summary>
    public string Metrics => Path.Combine(Folder, "metrics.parquet");

    /// <summary>The cell's curves.</summary>
    public string Curves => Path.Combine(Folder, "curves.parquet");

    /// <summary>The cell's log: messages of the experiment and the harness, the full exception of a failed cell.</summary>
    public string Log => Path.Combine(Folder, "cell.log");

    /// <summary>
    /// Curve points as they are logged (CSV, flushed about every 200 ms), so a running or killed cell can be
    /// inspected; removed when the cell commits, and a cell that did not commit is rerun from scratch.
    /// </summary>
    public string PartialCurves => Path.Combine(Folder, "curves.partial.csv");

    /// <summary>The experiment's own files (checkpoints, plots).</summary>
    public string Artifacts => Path.Combine(Folder, "artifacts");
}
