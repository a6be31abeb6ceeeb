using Touchstone.Suites.Common;
using Touchstone.Torch;

namespace Touchstone.Suites.Tests.Common;

public sealed class RandomStreamsTests
{
    private static double[] Draw(Generator generator)
    {
        using var scope = DisposeScope.Begin();
        return Tensor.Randn([4], generator, DType.Float64).ToArray<double>();
    }

    [Fact]
    public void Every_purpose_draws_its_own_stream_and_the_same_seed_repeats_it()
    {
        using var a = new RandomStreams(3, Device.Cpu);
        using var b = new RandomStreams(3, Device.Cpu);

        var draws = new[] { Draw(a.Init), Draw(a.Dropout), Draw(a.Noise), Draw(a.EvalNoise) };

        Assert.Equal(4, draws.Select(d => string.Join(",", d)).Distinct().Count());
        Assert.Equal(draws[2], Draw(b.Noise));   // b's noise, asked for first, is a's noise: no purpose shifts another
        Assert.Equal(draws[0], Draw(b.Init));
        Assert.NotEqual(a.Batches.NextUInt64(), a.Choices.NextUInt64());
    }

    [Fact]
    public void A_stream_is_the_same_instance_each_time_it_is_asked_for()
    {
        using var streams = new RandomStreams(0, Device.Cpu);

        Assert.Same(streams.Batches, streams.Batches);
        Assert.Same(streams.Init, streams.Init);
        Assert.Same(streams.Host("replay"), streams.Host("replay"));
        Assert.Equal(Device.Cpu, streams.Init.Device);
    }

    [Fact]
    public void Scopes_are_independent_and_a_scoped_constructor_equals_For()
    {
        using var cell = new RandomStreams(5, Device.Cpu);
        using var ebt = cell.For("ebt/add");
        using var ffn = cell.For("ffn/add");
        using var direct = new RandomStreams(5, "ebt/add", Device.Cpu);

        Assert.NotEqual(Draw(ebt.Init), Draw(ffn.Init));
        Assert.Equal(Draw(cell.For("ebt/add").Init), Draw(direct.Init));
        Assert.NotEqual(new RandomStreams(6, "ebt/add", Device.Cpu).Batches.NextUInt64(), new RandomStreams(5, "ebt/add", Device.Cpu).Batches.NextUInt64());
    }

    [Fact]
    public void The_streams_are_pinned_to_the_seed_derivation_baselines_depend_on()
    {
        // SeededRandom(seed as uint).Fork(purpose): changing this derivation changes every committed number.
        using var streams = new RandomStreams(123, Device.Cpu);
        var expected = new SeededRandom(123).Fork("batches").NextUInt64();

        Assert.Equal(expected, streams.Batches.NextUInt64());
        using var scoped = new RandomStreams(0, "ffn/add", Device.Cpu);
        Assert.Equal(new SeededRandom(0).Fork("ffn/add").Fork("choices").NextUInt64(), scoped.Choices.NextUInt64());
    }
}
