using System.Globalization;
using System.Text;
using Touchstone.Core.Experiments;
using Touchstone.Core.Results;

namespace Touchstone.Core.Running;

/// <summary>
/// The <see cref="ICellContext"/> the runner hands an experiment: it records curve points and final metrics in
/// memory (and curve points also in the cell's partial CSV), hashes the data, writes the cell log, forwards
/// progress, and stops the cell with <see cref="CellDivergedException"/> at the first non-finite value. Safe to
/// call from several threads of one experiment.
/// </summary>
public sealed class CellContext : ICellContext, IDisposable
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(100);

    private readonly CellPlan _plan;
    private readonly string _runId;
    private readonly CellFiles _files;
    private readonly Action<MetricRow, DateTimeOffset> _curvePoint;
    private readonly Action<long, long> _progress;
    private readonly Lock _lock = new();
    private readonly List<MetricRow> _curves = [];
    private readonly List<MetricRow> _finals = [];
    private readonly DataHasher _data = new();
    private readonly StreamWriter _log;
    private readonly StreamWriter _partialCurves;
    private readonly System.Diagnostics.Stopwatch _sinceFlush = System.Diagnostics.Stopwatch.StartNew();
    private readonly System.Diagnostics.Stopwatch _sinceProgress = System.Diagnostics.Stopwatch.StartNew();
    private long _lastStep;

    /// <summary>Opens the cell's log and partial curve file (both are truncated).</summary>
    /// <param name="plan">The cell.</param>
    /// <param name="runId">The run's id, for the rows.</param>
    /// <param name="files">The cell's files.</param>
    /// <param name="cancellation">Signalled when the run is being stopped.</param>
    /// <param name="curvePoint">Called for every curve point, with the time it was logged.</param>
    /// <param name="progress">Called with (step, total) at most every 100 ms and at the last step.</param>
    public CellContext(
        CellPlan plan,
        string runId,
        CellFiles files,
        CancellationToken cancellation,
        Action<MetricRow, DateTimeOffset> curvePoint,
        Action<long, long> progress)
    {
        _plan = plan;
        _runId = runId;
        _files = files;
        _curvePoint = curvePoint;
        _progress = progress;
        CancellationToken = cancellation;
        Directory.CreateDirectory(files.Folder);
        _log = new StreamWriter(files.Log, append: false, new UTF8Encoding(false)) { AutoFlush = true };
        _partialCurves = new StreamWriter(files.PartialCurves, append: false, new UTF8Encoding(false));
        _partialCurves.WriteLine("step,split,metric,value");
    }

    /// <inheritdoc />
    public CellId Cell => _plan.Id;

    /// <inheritdoc />
    public ResolvedConfig Config => _plan.Config;

    /// <inheritdoc />
    public int Seed => _plan.Id.Seed;

    /// <inheritdoc />
    public string Device => _plan.Device;

    /// <inheritdoc />
    public CancellationToken CancellationToken { get; }

    /// <inheritdoc />
    public string ArtifactsDirectory
    {
        get
        {
            Directory.CreateDirectory(_files.Artifacts);
            return _files.Artifacts;
        }
    }

    /// <summary>The curve points logged so far, in order.</summary>
    public IReadOnlyList<MetricRow> Curves
    {
        get
        {
            lock (_lock)
            {
                return _curves.ToList();
            }
        }
    }

    /// <summary>The final metrics recorded so far, in order.</summary>
    public IReadOnlyList<MetricRow> Finals
    {
        get
        {
            lock (_lock)
            {
                return _finals.ToList();
            }
        }
    }

    /// <summary>Why the cell diverged (the first non-finite value), or null.</summary>
    public string? Divergence { get; private set; }

    /// <summary>SHA-256 (hex) over the data pieces added, or <c>none</c> when the experiment added none.</summary>
    public string DataHash
    {
        get
        {
            lock (_lock)
            {
                return _data.Pieces == 0 ? "none" : _data.Current();
            }
        }
    }

    /// <inheritdoc />
    public void Progress(long step, long totalSteps)
    {
        bool report;
        lock (_lock)
        {
            _lastStep = Math.Max(_lastStep, step);
            report = step >= totalSteps || _sinceProgress.Elapsed >= ProgressInterval;
            if (report)
            {
                _sinceProgress.Restart();
            }
        }
        if (report)
        {
            _progress(step, totalSteps);
        }
    }

    /// <inheritdoc />
    public void Log(long step, string split, string metric, double value)
    {
        CheckName(split, nameof(split));
        CheckName(metric, nameof(metric));
        var row = Row(split, metric, value, step);
        lock (_lock)
        {
            _lastStep = Math.Max(_lastStep, step);
            _curves.Add(row);
            _partialCurves.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{step},{split},{metric},{value:R}"));
            if (_sinceFlush.Elapsed >= FlushInterval)
            {
                _partialCurves.Flush();
                _sinceFlush.Restart();
            }
        }
        _curvePoint(row, DateTimeOffset.UtcNow);
        CheckFinite(row, "curve");
    }

    /// <inheritdoc />
    public void Final(string split, string metric, double value)
    {
        CheckName(split, nameof(split));
        CheckName(metric, nameof(metric));
        MetricRow row;
        lock (_lock)
        {
            if (_finals.Any(r => r.Split == split && r.Metric == metric))
            {
                throw new InvalidOperationException(
                    $"Final(\"{split}\", \"{metric}\", …) was called twice; a cell records each final metric once.");
            }
            row = Row(split, metric, value, _lastStep);
            _finals.Add(row);
        }
        CheckFinite(row, "final metric");
    }

    /// <inheritdoc />
    public void AddData(string name, ReadOnlySpan<byte> bytes)
    {
        lock (_lock)
        {
            _data.Add(name, bytes);
        }
    }

    /// <inheritdoc />
    public void Message(string text)
    {
        lock (_lock)
        {
            _log.WriteLine($"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} {text}");
        }
    }

    /// <summary>Flushes the log to the disk (before the cell commits).</summary>
    public void FlushLog()
    {
        lock (_lock)
        {
            _log.Flush();
            ((FileStream)_log.BaseStream).Flush(flushToDisk: true);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            _log.Dispose();
            _partialCurves.Dispose();
            _data.Dispose();
        }
    }

    private MetricRow Row(string split, string metric, double value, long step) =>
        new(_runId, _plan.Id.Suite, _plan.Id.Variant, _plan.Id.Seed, _plan.Profile, split, metric, value, step);

    private void CheckFinite(MetricRow row, string kind)
    {
        if (double.IsFinite(row.Value))
        {
            return;
        }
        var message = $"{row.Split}/{row.Metric} became {row.Value.ToString(CultureInfo.InvariantCulture)} at step {row.Step} ({kind})";
        lock (_lock)
        {
            Divergence ??= message;
        }
        throw new CellDivergedException(message);
    }

    private static void CheckName(string name, string what)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or ','))
        {
            throw new ArgumentException($"A {what} name must be non-empty without spaces, '/' or ',' (got \"{name}\").", what);
        }
    }
}
