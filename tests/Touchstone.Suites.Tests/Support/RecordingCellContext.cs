using System.Text.Json.Nodes;
using Touchstone.Core.Experiments;

namespace Touchstone.Suites.Tests.Support;

/// <summary>A point an experiment logged: a curve point or a final metric.</summary>
public sealed record LoggedValue(long Step, string Split, string Metric, double Value);

/// <summary>
/// An <see cref="ICellContext"/> for running one experiment in a test without the harness: it records every
/// curve point, final metric and data piece, and exposes the data hash the harness would store.
/// </summary>
public sealed class RecordingCellContext : ICellContext, IDisposable
{
    private readonly DataHasher _data = new();
    private long _lastStep;

    /// <summary>A context for one cell with the given config tree (snake_case keys, as in the suite YAML).</summary>
    public RecordingCellContext(JsonObject config, int seed = 0, string variant = "test", string device = "cpu")
    {
        Config = new ResolvedConfig(config);
        Seed = seed;
        Device = device;
        Cell = new CellId("test-suite", variant, seed);
        ArtifactsDirectory = Path.Combine(Path.GetTempPath(), $"touchstone-cell-{Guid.NewGuid():N}");
        Directory.CreateDirectory(ArtifactsDirectory);
    }

    /// <inheritdoc />
    public CellId Cell { get; }

    /// <inheritdoc />
    public ResolvedConfig Config { get; }

    /// <inheritdoc />
    public int Seed { get; }

    /// <inheritdoc />
    public string Device { get; }

    /// <inheritdoc />
    public CancellationToken CancellationToken { get; init; }

    /// <inheritdoc />
    public string ArtifactsDirectory { get; }

    /// <summary>Every curve point, in logging order.</summary>
    public List<LoggedValue> Curves { get; } = [];

    /// <summary>Every final metric, in logging order.</summary>
    public List<LoggedValue> Finals { get; } = [];

    /// <summary>Names of the data pieces added to the hash, in order.</summary>
    public List<string> DataPieces { get; } = [];

    /// <summary>Messages written to the cell log.</summary>
    public List<string> Messages { get; } = [];

    /// <summary>The last progress report (step, total).</summary>
    public (long Step, long Total) LastProgress { get; private set; }

    /// <summary>The data hash the harness would record for the pieces so far (see <see cref="DataHasher"/>).</summary>
    public string DataHash => _data.Current();

    /// <summary>The final value of <paramref name="split"/>/<paramref name="metric"/>; fails if it was not logged once.</summary>
    public double Final(string split, string metric) =>
        Finals.Single(f => f.Split == split && f.Metric == metric).Value;

    /// <summary>The curve of <paramref name="split"/>/<paramref name="metric"/> in step order.</summary>
    public IReadOnlyList<LoggedValue> Curve(string split, string metric) =>
        Curves.Where(c => c.Split == split && c.Metric == metric).ToList();

    /// <inheritdoc />
    public void Progress(long step, long totalSteps)
    {
        LastProgress = (step, totalSteps);
        _lastStep = Math.Max(_lastStep, step);
    }

    /// <inheritdoc />
    public void Log(long step, string split, string metric, double value)
    {
        Curves.Add(new LoggedValue(step, split, metric, value));
        _lastStep = Math.Max(_lastStep, step);
    }

    /// <inheritdoc />
    public void Final(string split, string metric, double value) => Finals.Add(new LoggedValue(_lastStep, split, metric, value));

    /// <inheritdoc />
    public void AddData(string name, ReadOnlySpan<byte> bytes)
    {
        DataPieces.Add(name);
        _data.Add(name, bytes);
    }

    /// <inheritdoc />
    public void Message(string text) => Messages.Add(text);

    /// <inheritdoc />
    public void Dispose()
    {
        _data.Dispose();
        try
        {
            Directory.Delete(ArtifactsDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Leftover files in a temp folder must not fail a test.
        }
    }
}
