using Touchstone.Suites.Physics;
using Touchstone.Torch;

namespace Touchstone.Suites.Tests.Physics;

public sealed class TrajectoryTransformerTests
{
    private static readonly TrajectoryTransformerConfig Tiny = new(Width: 16, Blocks: 2, Heads: 4, Dropout: 0.1);

    [Fact]
    public void Positions_are_the_sources_sin_cos_table()
    {
        using var table = TrajectoryTransformer.Sinusoids(10, 256);
        var values = table.ToArray<float>();

        Assert.Equal([10L, 256L], table.Shape);
        Assert.Equal(0f, values[0]);                                              // sin(0)
        Assert.Equal(1f, values[1]);                                              // cos(0)
        Assert.Equal((float)Math.Sin(3), values[3 * 256]);                        // pos 3, channel 0
        Assert.Equal((float)Math.Cos(3 / Math.Pow(10000, 2.0 / 256)), values[(3 * 256) + 3]); // channel 3 shares rate of 2
    }

    [Fact]
    public void Maps_frames_by_features_to_the_same_shape_and_the_same_seed_to_the_same_output()
    {
        using var scope = DisposeScope.Begin();
        var input = Tensor.From(Enumerable.Range(0, 2 * 10 * 25).Select(i => (float)Math.Sin(i)).ToArray(), [2, 10, 25]);

        var first = Predict(seed: 5, input);
        var again = Predict(seed: 5, input);
        var other = Predict(seed: 6, input);

        Assert.Equal([2L, 10L, 25L], first.Shape);
        Assert.Equal(first.ToArray<float>(), again.ToArray<float>());
        Assert.NotEqual(first.ToArray<float>(), other.ToArray<float>());
    }

    [Fact]
    public void Moving_the_model_to_a_device_keeps_its_position_table_usable()
    {
        using var scope = DisposeScope.Begin();
        using var init = new Generator(1);
        using var dropout = new Generator(2);
        using var model = new TrajectoryTransformer(Tiny with { Dropout = 0 }, init, dropout);
        var input = Tensor.From(Enumerable.Range(0, 10 * 25).Select(i => (float)Math.Cos(i)).ToArray(), [1, 10, 25]);
        var before = model.Forward(input).ToArray<float>();

        model.To(Device.Cpu); // replaces the buffer; the model must follow it, not keep the disposed one

        Assert.Equal(before, model.Forward(input).ToArray<float>());
    }

    [Fact]
    public void Width_not_divisible_by_heads_is_refused_naming_both_keys()
    {
        using var init = new Generator(1);
        using var dropout = new Generator(2);
        var error = Assert.Throws<ArgumentException>(() => new TrajectoryTransformer(Tiny with { Heads = 3 }, init, dropout));
        Assert.Contains("model.width", error.Message);
        Assert.Contains("model.heads", error.Message);
    }

    private static Tensor Predict(ulong seed, Tensor input)
    {
        using var init = new Generator(seed);
        using var dropout = new Generator(seed + 100);
        using var model = new TrajectoryTransformer(Tiny, init, dropout);
        model.Eval();
        return model.Forward(input).Detach();
    }
}
