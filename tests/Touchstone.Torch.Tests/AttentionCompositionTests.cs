using Touchstone.Torch.NN;

namespace Touchstone.Torch.Tests;

// Suites compose attention from ops; this is the nanoGPT shape of it, checked for causality and trainability.
public sealed class AttentionCompositionTests
{
    private sealed class CausalSelfAttention : Module<Tensor, Tensor>
    {
        private readonly Linear _qkv, _projection;
        private readonly int _heads;

        public CausalSelfAttention(int width, int heads)
        {
            _heads = heads;
            _qkv = RegisterModule("c_attn", new Linear(width, 3 * width, dtype: DType.Float64));
            _projection = RegisterModule("c_proj", new Linear(width, width, dtype: DType.Float64));
        }

        public override Tensor Forward(Tensor x)
        {
            var (b, t, c) = (x.Size(0), x.Size(1), x.Size(2));
            var parts = _qkv.Forward(x).Split(c, dim: 2);
            var (q, k, v) = (Heads(parts[0]), Heads(parts[1]), Heads(parts[2]));
            var scores = q.MatMul(k.MT) / Math.Sqrt(c / _heads);
            var future = Tensor.Ones([t, t], DType.Bool).Triu(1);
            var attention = scores.MaskedFill(future, double.NegativeInfinity).Softmax(-1);
            var y = attention.MatMul(v).Transpose(1, 2).Contiguous().View(b, t, c);
            return _projection.Forward(y);

            Tensor Heads(Tensor z) => z.View(b, t, _heads, c / _heads).Transpose(1, 2);
        }
    }

    [Fact]
    public void Causal_attention_output_does_not_depend_on_later_positions()
    {
        using var scope = DisposeScope.Begin();
        TorchRuntime.ManualSeed(31);
        using var attention = new CausalSelfAttention(width: 8, heads: 2);
        var x = Tensor.Randn([2, 5, 8], dtype: DType.Float64, requiresGrad: true);
        var y = attention.Forward(x);
        Assert.Equal([2L, 5, 8], y.Shape);
        var grad = Autograd.Grad(y[.., 2].Sum(), [x])[0];
        Assert.Equal(0.0, grad[.., 3..].Abs().Sum().Item<double>());
        Assert.True(grad[.., ..3].Abs().Sum().Item<double>() > 0);
    }
}
