namespace Touchstone.Core.Experiments;

/// <summary>What an experiment sees of the harness while it runs one cell.</summary>
public interface ICellContext
{
    /// <summary>Which cell this is.</summary>
    CellId Cell { get; }

    /// <summary>The resolved config (defaults, then variant, profile and command-line overrides).</summary>
    ResolvedConfig Config { get; }

    /// <summary>The training seed of the cell.</summary>
    int Seed { get; }

    /// <summary>The device to train on: <c>cpu</c> or <c>cuda:N</c>.</summary>
    string Device { get; }

    /// <summary>Signalled when the run is being stopped (Ctrl-C); experiments check it between steps.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>A folder that belongs to this cell, for checkpoints, plots and other files.</summary>
    string ArtifactsDirectory { get; }

    /// <summary>Reports progress for the display: <paramref name="step"/> of <paramref name="totalSteps"/>.</summary>
    void Progress(long step, long totalSteps);

    /// <summary>Logs one point of a curve (curves.parquet), e.g. the training loss at a step.</summary>
    void Log(long step, string split, string metric, double value);

    /// <summary>Records a final result of the cell (metrics.parquet) at the latest step reported.</summary>
    void Final(string split, string metric, double value);

    /// <summary>
    /// Adds generated data to the cell's data hash (SHA-256 over every named piece in call order), so a number can
    /// be traced to the exact data it came from.
    /// </summary>
    void AddData(string name, ReadOnlySpan<byte> bytes);

    /// <summary>Writes a line to the cell's log.</summary>
    void Message(string text);
}
