using System.Text;
using Touchstone.Tracking.Model;

namespace Touchstone.Tracking.Delivery;

/// <summary>
/// Splits a batch into requests the server accepts: as the official client does, params and tags in pieces of
/// 100 zipped together, each filled with metrics up to 1000 entities, the remaining metrics in pieces of 1000;
/// then any piece whose JSON would pass about 1 MB (MLflow's request limit, and common proxies') is halved.
/// </summary>
public static class BatchChunker
{
    /// <summary>Most metrics in one log-batch.</summary>
    public const int MaxMetrics = 1000;

    /// <summary>Most params in one log-batch.</summary>
    public const int MaxParams = 100;

    /// <summary>Most tags in one log-batch.</summary>
    public const int MaxTags = 100;

    /// <summary>Most entities in one log-batch.</summary>
    public const int MaxEntities = 1000;

    /// <summary>Largest request body aimed at, in bytes (below MLflow's 1,000,000).</summary>
    public const int MaxBodyBytes = 900_000;

    /// <summary>The pieces, in order; an empty batch gives none.</summary>
    public static IReadOnlyList<LogBatch> Split(LogBatch batch, int maxBodyBytes = MaxBodyBytes)
    {
        var pieces = new List<LogBatch>();
        var paramChunks = batch.Params.Chunk(MaxParams).ToList();
        var tagChunks = batch.Tags.Chunk(MaxTags).ToList();
        var metricsUsed = 0;
        for (var i = 0; i < Math.Max(paramChunks.Count, tagChunks.Count); i++)
        {
            var @params = i < paramChunks.Count ? paramChunks[i] : [];
            var tags = i < tagChunks.Count ? tagChunks[i] : [];
            var room = Math.Min(MaxMetrics, MaxEntities - @params.Length - tags.Length);
            var metrics = batch.Metrics.Skip(metricsUsed).Take(room).ToArray();
            metricsUsed += metrics.Length;
            pieces.Add(new LogBatch(metrics, @params, tags));
        }
        pieces.AddRange(batch.Metrics.Skip(metricsUsed).Chunk(MaxMetrics).Select(m => new LogBatch(m, [], [])));
        return pieces.SelectMany(p => HalveUntilSmall(p, maxBodyBytes)).ToList();
    }

    /// <summary>An upper estimate of the JSON size of a batch, in bytes.</summary>
    public static long EstimateBytes(LogBatch batch) =>
        100
        + batch.Metrics.Sum(m => 90L + Encoding.UTF8.GetByteCount(m.Key))
        + batch.Params.Sum(p => 30L + JsonBytes(p.Key) + JsonBytes(p.Value))
        + batch.Tags.Sum(t => 30L + JsonBytes(t.Key) + JsonBytes(t.Value));

    private static IEnumerable<LogBatch> HalveUntilSmall(LogBatch batch, int maxBodyBytes)
    {
        if (batch.Count <= 1 || EstimateBytes(batch) <= maxBodyBytes)
        {
            return [batch];
        }
        // Split the entities (metrics, then params, then tags) at the middle, so both halves are non-empty.
        var half = batch.Count / 2;
        var metricsFirst = Math.Min(half, batch.Metrics.Count);
        var paramsFirst = Math.Min(half - metricsFirst, batch.Params.Count);
        var tagsFirst = half - metricsFirst - paramsFirst;
        var first = new LogBatch(batch.Metrics.Take(metricsFirst).ToArray(), batch.Params.Take(paramsFirst).ToArray(), batch.Tags.Take(tagsFirst).ToArray());
        var second = new LogBatch(batch.Metrics.Skip(metricsFirst).ToArray(), batch.Params.Skip(paramsFirst).ToArray(), batch.Tags.Skip(tagsFirst).ToArray());
        return HalveUntilSmall(first, maxBodyBytes).Concat(HalveUntilSmall(second, maxBodyBytes));
    }

    // Worst case of JSON escaping: control characters become \u00XX (6 bytes each).
    private static long JsonBytes(string text) => Encoding.UTF8.GetByteCount(text) + 5L * text.Count(c => c < ' ' || c is '"' or '\\');
}
