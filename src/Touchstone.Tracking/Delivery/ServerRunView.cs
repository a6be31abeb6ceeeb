using Touchstone.Tracking.Errors;
using Touchstone.Tracking.Model;

namespace Touchstone.Tracking.Delivery;

/// <summary>
/// What a store already holds for one run, loaded lazily: params, tags, and per metric key the set of logged
/// points. Used to resend only what is missing when an earlier request may or may not have been applied
/// (a timeout, a 500, a crash before the acknowledgement was journaled). This client is assumed to be the only
/// writer of the run, so once loaded the view is kept current by <see cref="Record"/> instead of re-reading.
/// </summary>
internal sealed class ServerRunView(ITrackingStore store, RunInfo run)
{
    private Dictionary<string, string>? _params;
    private Dictionary<string, string>? _tags;
    private HashSet<string>? _metricKeys;
    private readonly Dictionary<string, HashSet<(string, long, long, long)>> _points = new(StringComparer.Ordinal);

    /// <summary>Forgets everything: the next question reads the store again.</summary>
    public void Invalidate()
    {
        _params = null;
        _tags = null;
        _metricKeys = null;
        _points.Clear();
    }

    /// <summary>
    /// The part of <paramref name="batch"/> the store does not hold yet. A param the run already has with another
    /// value is a <see cref="ParamConflictException"/>: sending it can never succeed.
    /// </summary>
    public async Task<LogBatch> RemainingAsync(LogBatch batch, CancellationToken cancellationToken)
    {
        await LoadRunAsync(cancellationToken);
        var @params = new List<Param>();
        foreach (var param in batch.Params)
        {
            if (!_params!.TryGetValue(param.Key, out var existing))
            {
                @params.Add(param);
            }
            else if (existing != param.Value)
            {
                throw new ParamConflictException(run.RunName, run.RunId, param.Key, existing, param.Value);
            }
        }
        var tags = batch.Tags.Where(t => !_tags!.TryGetValue(t.Key, out var existing) || existing != t.Value).ToList();
        var metrics = new List<Metric>();
        foreach (var metric in batch.Metrics)
        {
            var points = await PointsAsync(metric.Key, cancellationToken);
            if (points is null || !points.Contains(metric.Identity))
            {
                metrics.Add(metric);
            }
        }
        return new LogBatch(metrics, @params, tags);
    }

    /// <summary>Notes that <paramref name="sent"/> is now in the store.</summary>
    public void Record(LogBatch sent)
    {
        if (_params is null)
        {
            return;
        }
        foreach (var param in sent.Params)
        {
            _params.TryAdd(param.Key, param.Value);
        }
        foreach (var tag in sent.Tags)
        {
            _tags![tag.Key] = tag.Value;
        }
        foreach (var metric in sent.Metrics)
        {
            _metricKeys!.Add(metric.Key);
            if (_points.TryGetValue(metric.Key, out var points))
            {
                points.Add(metric.Identity);
            }
            else
            {
                _points[metric.Key] = [metric.Identity];
            }
        }
    }

    private async Task LoadRunAsync(CancellationToken cancellationToken)
    {
        if (_params is not null)
        {
            return;
        }
        var snapshot = await store.GetRunAsync(run.RunId, cancellationToken)
            ?? throw new TrackingException($"run '{run.RunName}' ({run.RunId}) no longer exists in {store.Target}; it may have been deleted");
        _params = new Dictionary<string, string>(snapshot.Params, StringComparer.Ordinal);
        _tags = new Dictionary<string, string>(snapshot.Tags, StringComparer.Ordinal);
        _metricKeys = new HashSet<string>(snapshot.MetricKeys, StringComparer.Ordinal);
        _points.Clear();
    }

    // Null when the run has no value of this metric at all (no need to ask for its history).
    private async Task<HashSet<(string, long, long, long)>?> PointsAsync(string key, CancellationToken cancellationToken)
    {
        if (_points.TryGetValue(key, out var known))
        {
            return known;
        }
        if (!_metricKeys!.Contains(key))
        {
            return null;
        }
        var history = await store.GetMetricHistoryAsync(run.RunId, key, cancellationToken);
        var points = history.Select(m => m.Identity).ToHashSet();
        _points[key] = points;
        return points;
    }
}
