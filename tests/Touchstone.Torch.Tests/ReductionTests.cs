using Touchstone.Torch.Tests.Support;

namespace Touchstone.Torch.Tests;

public sealed class ReductionTests
{
    private static Tensor Matrix() => Tensor.From(new double[,] { { 1, 5, 3 }, { 4, 2, 6 } });

    [Fact]
    public void Sum_mean_prod_over_all_and_over_dimensions()
    {
        using var scope = DisposeScope.Begin();
        var x = Matrix();
        Assert.Equal(21.0, x.Sum().Item<double>());
        Assert.Equal(3.5, x.Mean().Item<double>());
        Assert.Equal(720.0, x.Prod().Item<double>());
        Values.Equal([5, 7, 9], x.Sum(0));
        Values.Equal([3, 4], x.Mean(1));
        Values.Equal([9, 12], x.Sum(-1));
        Values.Shape([2, 1], x.Sum(1, keepdim: true));
        Values.Equal([21], x.Sum([0, 1]));
        Values.Equal([15, 48], x.Prod(1));
    }

    [Fact]
    public void Max_and_min_with_indices_and_argmax()
    {
        using var scope = DisposeScope.Begin();
        var x = Matrix();
        Assert.Equal(6.0, x.Max().Item<double>());
        Assert.Equal(1.0, x.Min().Item<double>());
        var (values, indices) = x.Max(1);
        Values.Equal([5, 6], values);
        Assert.Equal([1L, 2], indices.ToArray<long>());
        var (minValues, minIndices) = x.Min(0, keepdim: true);
        Values.Equal([1, 2, 3], minValues);
        Values.Shape([1, 3], minIndices);
        Assert.Equal([0L, 1, 0], minIndices.ToArray<long>());
        Assert.Equal(5L, x.ArgMax().Item<long>());
        Assert.Equal([1L, 2], x.ArgMax(1).ToArray<long>());
        Assert.Equal([0L, 1, 0], x.ArgMin(0).ToArray<long>());
        Values.Equal([5, 6], x.Amax([1]));
    }

    [Fact]
    public void Var_and_std_are_bessel_corrected_unless_asked_otherwise()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.From([2.0, 4, 4, 4, 5, 5, 7, 9]);
        Assert.Equal(32.0 / 7, x.Var().Item<double>(), 12);
        Assert.Equal(4.0, x.Var(unbiased: false).Item<double>(), 12);
        Assert.Equal(2.0, x.Std(unbiased: false).Item<double>(), 12);
        Values.Equal([4, 4], Matrix().Var([1]), 1e-12);                        // rows 1 5 3 and 4 2 6
        Values.Equal([4.5, 4.5, 4.5], Matrix().Var([0]), 1e-12);
        Values.Equal([Math.Sqrt(8.0 / 3), Math.Sqrt(8.0 / 3)], Matrix().Std([1], unbiased: false, keepdim: true), 1e-12);
    }

    [Fact]
    public void Logical_reductions_cumsum_sort_and_topk()
    {
        using var scope = DisposeScope.Begin();
        var mask = Tensor.From([true, false, true, true], [2, 2]);
        Assert.False(mask.All().Item<bool>());
        Assert.True(mask.Any().Item<bool>());
        Assert.Equal([true, false], mask.All(0).ToArray<bool>());
        Values.Equal([1, 6, 9, 4, 6, 12], Matrix().CumSum(1));
        var (sorted, order) = Tensor.From([3.0, 1, 2]).Sort(descending: true);
        Values.Equal([3, 2, 1], sorted);
        Assert.Equal([0L, 2, 1], order.ToArray<long>());
        var (top, where) = Tensor.From([3.0, 9, 1, 7]).TopK(2);
        Values.Equal([9, 7], top);
        Assert.Equal([1L, 3], where.ToArray<long>());
    }

    [Fact]
    public void Norms_match_their_definitions()
    {
        using var scope = DisposeScope.Begin();
        var x = Tensor.From([3.0, -4]);
        Assert.Equal(5.0, x.Norm().Item<double>(), 12);
        Assert.Equal(7.0, x.Norm(1).Item<double>(), 12);
        Assert.Equal(4.0, x.Norm(double.PositiveInfinity).Item<double>(), 12);
        Values.Equal([Math.Sqrt(35), Math.Sqrt(56)], Matrix().Norm(2, [1]), 1e-12);
    }
}
