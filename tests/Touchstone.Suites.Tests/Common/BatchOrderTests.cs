using Touchstone.Suites.Common;

namespace Touchstone.Suites.Tests.Common;

public sealed class BatchOrderTests
{
    [Fact]
    public void Drop_last_skips_the_incomplete_tail_and_reshuffles_every_epoch()
    {
        var order = new BatchOrder(count: 10, batchSize: 4, dropLast: true, new SeededRandom(0));

        var epoch1 = new[] { order.Next(), order.Next() };
        var epoch2 = new[] { order.Next(), order.Next() };

        Assert.Equal(2, order.BatchesPerEpoch);
        Assert.All(epoch1.Concat(epoch2), b => Assert.Equal(4, b.Length));
        Assert.Equal(8, epoch1.SelectMany(b => b).Distinct().Count());
        Assert.NotEqual(epoch1.SelectMany(b => b), epoch2.SelectMany(b => b));
    }

    [Fact]
    public void Keeping_the_last_batch_covers_every_example_once_per_epoch()
    {
        var order = new BatchOrder(count: 10, batchSize: 4, dropLast: false, new SeededRandom(1));

        var epoch = Enumerable.Range(0, order.BatchesPerEpoch).Select(_ => order.Next()).ToList();

        Assert.Equal(new[] { 4, 4, 2 }, epoch.Select(b => b.Length));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), epoch.SelectMany(b => b).Order());
        Assert.True(order.AtEpochStart);
    }

    [Fact]
    public void Too_few_examples_for_one_batch_is_an_error_naming_both_numbers()
    {
        var error = Assert.Throws<ArgumentException>(() => new BatchOrder(count: 3, batchSize: 4, dropLast: true, new SeededRandom(0)));

        Assert.Contains("3 training examples", error.Message);
        Assert.Contains("batch of 4", error.Message);
    }

    [Fact]
    public void Epoch_yields_one_whole_epoch_and_refuses_to_start_mid_epoch()
    {
        var order = new BatchOrder(count: 10, batchSize: 4, dropLast: false, new SeededRandom(2));

        var first = order.Epoch().ToList();
        var second = order.Epoch().ToList();
        order.Next();

        Assert.Equal(3, first.Count);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), first.SelectMany(b => b).Order());
        Assert.NotEqual(first.SelectMany(b => b), second.SelectMany(b => b));
        Assert.Throws<InvalidOperationException>(() => order.Epoch().ToList());
    }

    [Fact]
    public void The_same_seed_gives_the_same_order()
    {
        var a = new BatchOrder(count: 50, batchSize: 8, dropLast: true, new SeededRandom(7));
        var b = new BatchOrder(count: 50, batchSize: 8, dropLast: true, new SeededRandom(7));

        Assert.Equal(Enumerable.Range(0, 20).SelectMany(_ => a.Next()), Enumerable.Range(0, 20).SelectMany(_ => b.Next()));
    }
}
