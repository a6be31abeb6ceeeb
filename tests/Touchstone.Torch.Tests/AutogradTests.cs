using Touchstone.Torch.Tests.Support;

namespace Touchstone.Torch.Tests;

public sealed class AutogradTests
{
    [Fact]
    public void Backward_fills_grad_of_leaves_and_accumulates_across_calls()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.From([1.0, 2, 3], requiresGrad: true);
        Assert.True(x.RequiresGrad);
        Assert.True(x.IsLeaf);
        Assert.Null(x.Grad);
        (x * x).Sum().Backward();
        Values.Equal([2, 4, 6], x.Grad!);
        (x * 3).Sum().Backward();
        Values.Equal([5, 7, 9], x.Grad!);
        x.Grad = null;
        Assert.Null(x.Grad);
    }

    [Fact]
    public void Detach_and_no_grad_stop_recording()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.From([1.0, 2], requiresGrad: true);
        Assert.False(x.Detach().RequiresGrad);
        Assert.True(Autograd.IsGradEnabled);
        using (Autograd.NoGrad())
        {
            Assert.False(Autograd.IsGradEnabled);
            Assert.False((x * 2).RequiresGrad);
            using (Autograd.EnableGrad())
            {
                Assert.True((x * 2).RequiresGrad);
            }
            Assert.False(Autograd.IsGradEnabled);
        }
        Assert.True(Autograd.IsGradEnabled);
        Assert.True((x * 2).RequiresGrad);
    }

    [Fact]
    public void Autograd_grad_returns_gradients_without_touching_grad()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.From([1.0, 2], requiresGrad: true);
        var y = Tensor.From([3.0, -1], requiresGrad: true);
        var f = (x * y).Sum() + x.Pow(3).Sum();
        var grads = Autograd.Grad(f, [x, y]);
        Values.Equal([3 + 3, -1 + 12], grads[0]);
        Values.Equal([1, 2], grads[1]);
        Assert.Null(x.Grad);
    }

    [Fact]
    public void Grad_outputs_give_vector_jacobian_products_and_unused_inputs_may_be_null()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.From([1.0, 2], requiresGrad: true);
        var unused = Tensor.From([5.0], requiresGrad: true);
        var y = x * x;   // Jacobian diag(2x)
        var grads = Autograd.Grad([y], [x, unused], [Tensor.From([10.0, 100])], allowUnused: true);
        Values.Equal([20, 400], grads[0]!);
        Assert.Null(grads[1]);
        var ex = Assert.Throws<TorchException>(() => Autograd.Grad([(x * x).Sum()], [x, unused]));
        Assert.Contains("not have been used", ex.Message);
    }

    [Fact]
    public void Create_graph_allows_second_derivatives()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.From([0.5, -1.5], requiresGrad: true);
        var f = x.Pow(3).Sum();
        var g = Autograd.Grad(f, [x], createGraph: true)[0];      // 3x²
        Assert.True(g.RequiresGrad);
        var h = Autograd.Grad(g.Sum(), [x])[0];                   // 6x
        Values.Equal([3, -9], h);
    }

    [Fact]
    public void Backward_twice_without_retain_graph_fails_with_libtorchs_message()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.From([1.0], requiresGrad: true);
        var y = (x.Exp() * 2).Sum();
        y.Backward(retainGraph: true);
        y.Backward();
        Values.Equal([4 * Math.E], x.Grad!, 1e-12);
        var ex = Assert.Throws<TorchException>(() => y.Backward());
        Assert.Contains("second time", ex.Message);
    }
}
