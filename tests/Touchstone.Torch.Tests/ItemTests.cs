namespace Touchstone.Torch.Tests;

public sealed class ItemTests
{
    [Fact]
    public void A_float32_value_reads_as_the_exact_double()
    {
        using var scope = DisposeScope.Begin();
        var value = Tensor.Scalar(0.1f);
        Assert.Equal((double)0.1f, value.Item<double>());
        Assert.NotEqual(0.1, value.Item<double>());   // the float32 value, not a re-parsed decimal
    }

    [Theory]
    [InlineData(DType.Float16)]
    [InlineData(DType.BFloat16)]
    [InlineData(DType.Float64)]
    public void Every_floating_dtype_reads_as_float_and_double(DType dtype)
    {
        using var scope = DisposeScope.Begin();
        var value = Tensor.Scalar(-2.5).To(dtype);
        Assert.Equal(-2.5, value.Item<double>());
        Assert.Equal(-2.5f, value.Item<float>());
    }

    [Fact]
    public void Integer_and_bool_dtypes_read_as_wider_integers_and_as_double()
    {
        using var scope = DisposeScope.Begin();
        Assert.Equal(-7L, Tensor.Scalar(-7).Item<long>());
        Assert.Equal(-7.0, Tensor.Scalar(-7).Item<double>());
        Assert.Equal(200, Tensor.Scalar(200L).To(DType.UInt8).Item<int>());
        Assert.Equal(1L, Tensor.Scalar(true).Item<long>());
        Assert.Equal(123456789012L, Tensor.Scalar(123456789012L).Item<long>());
    }

    [Fact]
    public void An_integer_that_does_not_fit_is_refused_with_its_value()
    {
        using var scope = DisposeScope.Begin();
        var error = Assert.Throws<InvalidOperationException>(() => Tensor.Scalar(3_000_000_000L).Item<int>());
        Assert.Contains("3000000000 does not fit", error.Message);
    }

    [Fact]
    public void A_floating_value_is_not_read_as_an_integer_or_bool()
    {
        using var scope = DisposeScope.Begin();
        var error = Assert.Throws<InvalidOperationException>(() => Tensor.Scalar(2.0f).Item<long>());
        Assert.Contains("float32", error.Message);
        Assert.Contains("truncate", error.Message);
        Assert.Throws<InvalidOperationException>(() => Tensor.Scalar(1).Item<bool>());
    }

    [Fact]
    public void A_tensor_of_several_elements_has_no_item()
    {
        using var scope = DisposeScope.Begin();
        var error = Assert.Throws<InvalidOperationException>(() => Tensor.From([1f, 2f]).Item<double>());
        Assert.Contains("shape [2]", error.Message);
    }
}
