namespace Touchstone.Torch.Tests;

public sealed class ErrorTests
{
    [Fact]
    public void A_shape_mismatch_raises_TorchException_with_libtorchs_message_and_the_process_goes_on()
    {
        using var scope = DisposeScope.Begin();
        var a = Tensor.Ones([2, 3]);
        var b = Tensor.Ones([4, 5]);
        var ex = Assert.Throws<TorchException>(() => a.MatMul(b));
        Assert.Equal("matmul", ex.Operation);
        Assert.Contains("mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)", ex.Message);
        Assert.DoesNotContain("Exception raised from", ex.Message);   // no C++ backtrace
        var broadcast = Assert.Throws<TorchException>(() => a + b);
        Assert.Contains("must match the size", broadcast.Message);
        Assert.Equal([2L, 5], a.MatMul(Tensor.Ones([3, 5])).Shape);   // still working
    }

    [Fact]
    public void Errors_are_reported_for_every_family_of_call()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.Ones([2, 3]);
        Assert.Throws<TorchException>(() => x.View(7));
        Assert.Throws<TorchException>(() => x.Sum(5));
        Assert.Throws<TorchException>(() => Tensor.Cat([x, Tensor.Ones([2, 2])], 0));
        Assert.Throws<TorchException>(() => x.IndexSelect(0, Tensor.From([1.5f])));
        Assert.Throws<TorchException>(() => x.Max(4));
        Assert.Throws<TorchException>(() => Tensor.Zeros([-1]));
        Assert.Throws<TorchException>(() => x.RequiresGrad_().Backward());   // not a scalar
        var wrongSize = Assert.Throws<TorchException>(() => Tensor.From([1f, 2, 3], [2, 2]));
        Assert.Contains("needs 16", wrongSize.Message);
    }
}
