using Touchstone.Suites.Analogy;
using Touchstone.Torch;

namespace Touchstone.Suites.Tests.Analogy;

public sealed class AnalogyModelTests
{
    private static readonly AnalogyModelConfig Small = new(DModel: 8, NLayer: 2, NHead: 2, RopeBase: 100);

    [Fact]
    public void Rotary_rotates_dimension_i_with_i_plus_half_by_position_times_base_power()
    {
        // d = 4, base 100: dimensions (0, 2) turn by p·1 rad and (1, 3) by p·100^(-1/2) = p·0.1 rad.
        using var scope = DisposeScope.Begin();
        float[] x = [1, 2, 3, 4];
        var input = Tensor.From([.. x, .. x, .. x], [3, 4]);
        var (cos, sin) = Rotary.Table(3, 4, 100, Device.Cpu);

        var rotated = Rotary.Apply(input, cos, sin).ToArray<float>();

        for (var p = 0; p < 3; p++)
        {
            foreach (var (i, angle) in new[] { (0, p * 1.0), (1, p * 0.1) })
            {
                var (a, b) = (x[i], x[i + 2]);
                Assert.Equal(a * Math.Cos(angle) - b * Math.Sin(angle), rotated[p * 4 + i], 1e-5);
                Assert.Equal(a * Math.Sin(angle) + b * Math.Cos(angle), rotated[p * 4 + i + 2], 1e-5);
            }
        }
    }

    [Fact]
    public void Causal_mask_hides_later_tokens_from_earlier_positions()
    {
        using var scope = DisposeScope.Begin();
        using var init = new Generator(3);
        using var model = new AnalogyModel(20, Small, init);

        var a = model.Forward(Tensor.From(new long[] { 4, 7, 9 }, [1, 3]));
        var b = model.Forward(Tensor.From(new long[] { 4, 7, 15 }, [1, 3]));

        Assert.Equal(a.Narrow(1, 0, 2).ToArray<float>(), b.Narrow(1, 0, 2).ToArray<float>());
        Assert.NotEqual(a.Narrow(1, 2, 1).ToArray<float>(), b.Narrow(1, 2, 1).ToArray<float>());
        Assert.Equal([false, true, true, false, false, true, false, false, false], AnalogyModel.CausalMask(3, Device.Cpu).ToArray<bool>());
    }

    [Fact]
    public void Last_logits_read_only_each_rows_last_input_position_so_padding_is_inert()
    {
        // A two-token input padded to three must score exactly as the same input alone; the loss and the metrics
        // read these logits only.
        using var scope = DisposeScope.Begin();
        using var init = new Generator(3);
        using var model = new AnalogyModel(20, Small, init);

        var alone = model.LastLogits(Tensor.From(new long[] { 4, 7 }, [1, 2]), Tensor.From(new long[] { 1 }, [1])).ToArray<float>();
        var padZero = model.LastLogits(Tensor.From(new long[] { 4, 7, 0 }, [1, 3]), Tensor.From(new long[] { 1 }, [1])).ToArray<float>();
        var padOther = model.LastLogits(Tensor.From(new long[] { 4, 7, 19 }, [1, 3]), Tensor.From(new long[] { 1 }, [1])).ToArray<float>();
        var full = model.LastLogits(Tensor.From(new long[] { 4, 7, 19 }, [1, 3]), Tensor.From(new long[] { 2 }, [1])).ToArray<float>();

        // Same shapes, different padding token: bit-identical. Different shapes: equal up to BLAS rounding.
        Assert.Equal(padZero, padOther);
        Assert.All(alone.Zip(padZero), p => Assert.Equal(p.First, p.Second, 1e-6f));
        Assert.Equal(20, alone.Length);
        Assert.True(full.Zip(padZero).Any(p => Math.Abs(p.First - p.Second) > 1e-4), "the third token must change the third position's logits");
    }

    [Fact]
    public void Weights_are_normal_with_std_0_02_the_head_is_untied_and_has_no_bias()
    {
        using var scope = DisposeScope.Begin();
        using var init = new Generator(1);
        using var model = new AnalogyModel(10011, new AnalogyModelConfig(128, 1, 1, 100), init);

        var parameters = model.NamedParameters().ToDictionary(p => p.Name, p => p.Parameter);
        Assert.Equal(0.02, parameters["tok_emb.weight"].Std().Item<float>(), 3);
        Assert.Equal(0.02, parameters["head.weight"].Std().Item<float>(), 3);
        Assert.Equal(0, parameters["block0.attn.qkv.bias"].Abs().Max().Item<float>());
        Assert.DoesNotContain("head.bias", parameters.Keys);
        Assert.NotEqual(parameters["tok_emb.weight"].ToArray<float>(), parameters["head.weight"].ToArray<float>());
        // Embedding, one block (2 LayerNorms, qkv, out, MLP in and out), final LayerNorm, head.
        Assert.Equal(10011 * 128 * 2 + 128 * 384 + 384 + 128 * 128 + 128 + 128 * 512 + 512 + 512 * 128 + 128 + 3 * 2 * 128,
            parameters.Values.Sum(p => p.Shape.Aggregate(1L, (a, b) => a * b)));
    }
}
