using Touchstone.Tracking.Delivery;
using Touchstone.Tracking.Model;

namespace Touchstone.Tracking.Tests.Delivery;

public class BatchChunkerTests
{
    private static LogBatch Make(int metrics, int @params, int tags, int valueLength = 5) => new(
        Enumerable.Range(0, metrics).Select(i => new Metric("m", i, i, i)).ToList(),
        Enumerable.Range(0, @params).Select(i => new Param($"p{i}", new string('v', valueLength))).ToList(),
        Enumerable.Range(0, tags).Select(i => new RunTag($"t{i}", new string('v', valueLength))).ToList());

    [Fact]
    public void Params_and_tags_go_in_zipped_pieces_of_100_filled_with_metrics_like_the_official_client()
    {
        var pieces = BatchChunker.Split(Make(3000, 250, 120));
        Assert.Equal(
            [(800, 100, 100), (880, 100, 20), (950, 50, 0), (370, 0, 0)],
            pieces.Select(p => (p.Metrics.Count, p.Params.Count, p.Tags.Count)));
    }

    [Fact]
    public void Every_piece_respects_every_limit_and_nothing_is_lost_or_reordered()
    {
        var batch = Make(3333, 333, 222);
        var pieces = BatchChunker.Split(batch);
        Assert.All(pieces, p =>
        {
            Assert.InRange(p.Metrics.Count, 0, 1000);
            Assert.InRange(p.Params.Count, 0, 100);
            Assert.InRange(p.Tags.Count, 0, 100);
            Assert.InRange(p.Count, 1, 1000);
        });
        Assert.Equal(batch.Metrics, pieces.SelectMany(p => p.Metrics));
        Assert.Equal(batch.Params, pieces.SelectMany(p => p.Params));
        Assert.Equal(batch.Tags, pieces.SelectMany(p => p.Tags));
    }

    [Fact]
    public void Pieces_with_long_values_are_halved_below_the_body_size_limit()
    {
        var batch = Make(0, 100, 100, valueLength: 6000);
        var pieces = BatchChunker.Split(batch);
        Assert.True(pieces.Count >= 2);
        Assert.All(pieces, p => Assert.True(BatchChunker.EstimateBytes(p) <= BatchChunker.MaxBodyBytes));
        Assert.Equal(batch.Params, pieces.SelectMany(p => p.Params));
    }

    [Fact]
    public void Empty_batch_needs_no_request()
    {
        Assert.Empty(BatchChunker.Split(LogBatch.Empty));
    }
}
