using Touchstone.Torch.Tests.Support;

namespace Touchstone.Torch.Tests;

public sealed class ShapeTests
{
    private static Tensor Range(params long[] shape) =>
        Tensor.Arange(0, shape.Aggregate(1L, (a, b) => a * b), 1, DType.Float64).Reshape(shape);

    [Fact]
    public void Reshape_view_flatten_squeeze_unsqueeze()
    {
        using var scope = DisposeScope.Begin();
        var x = Range(2, 3, 4);
        Values.Shape([6, 4], x.Reshape(6, -1));
        Values.Shape([4, 6], x.View(4, 6));
        Values.Shape([24], x.Flatten());
        Values.Shape([2, 12], x.Flatten(1));
        Values.Shape([2, 1, 3, 4], x.Unsqueeze(1));
        Values.Shape([2, 3, 4], x.Unsqueeze(1).Squeeze());
        Values.Shape([2, 3, 4], x.Unsqueeze(-1).Squeeze(-1));
        Values.Equal([0, 1, 2, 3, 4, 5], Range(2, 3).View(6));
    }

    [Fact]
    public void Permute_transpose_expand_repeat()
    {
        using var scope = DisposeScope.Begin();
        var m = Range(2, 3);
        Values.Equal([0, 3, 1, 4, 2, 5], m.T().Contiguous().View(6));
        Values.Equal([0, 3, 1, 4, 2, 5], m.Transpose(0, 1).Reshape(6));
        Values.Shape([4, 2, 3], Range(2, 3, 4).Permute(2, 0, 1));
        Values.Shape([3, 2], m.MT);
        Values.Equal([0, 1, 0, 1, 0, 1], Range(2).Unsqueeze(0).Expand(3, -1).Reshape(6));
        Values.Equal([0, 1, 0, 1, 0, 1, 0, 1], Range(2).Repeat(2, 2).Reshape(8));
        Values.Equal([1, 0], Range(2).Flip(0));
    }

    [Fact]
    public void Cat_stack_chunk_split()
    {
        using var scope = DisposeScope.Begin();
        var a = Range(2, 2);
        var b = Range(1, 2) + 10;
        Values.Equal([0, 1, 2, 3, 10, 11], Tensor.Cat([a, b]));
        Values.Shape([2, 2, 2], Tensor.Stack([a, a]));
        Values.Shape([2, 2, 2], Tensor.Stack([a, a], 1));
        var pieces = Range(7).Chunk(3);
        Assert.Equal([3L, 3, 1], pieces.Select(p => p.Shape[0]));
        var splits = Range(7).Split(2);
        Assert.Equal([2L, 2, 2, 1], splits.Select(p => p.Shape[0]));
        Values.Equal([6], splits[3]);
    }

    [Fact]
    public void Narrow_slice_select_and_indexing_are_views_that_write_through()
    {
        using var scope = DisposeScope.Begin();
        var x = Range(3, 4);
        Values.Equal([4, 5, 6, 7], x.Select(0, 1));
        Values.Equal([1, 2, 5, 6, 9, 10], x.Narrow(1, 1, 2));
        Values.Equal([0, 2, 4, 6, 8, 10], x.Slice(1, 0, 4, 2));
        Values.Equal([4, 5, 6, 7], x[1]);
        Values.Equal([8, 9, 10, 11], x[-1]);
        Values.Equal([5, 6, 9, 10], x[1.., 1..3]);
        Values.Equal([3, 7, 11], x[TensorIndex.Ellipsis, ^1]);
        Values.Equal([1, 3, 5, 7, 9, 11], x[.., TensorIndex.Sliced(1.., 2)]);
        Values.Shape([1, 3, 4], x[TensorIndex.None]);
        Values.Shape([3, 1, 4], x[.., TensorIndex.None]);
        Assert.Equal(6.0, x[1, 2].Item<double>());

        x[0] = Tensor.Zeros([4], DType.Float64);
        x[.., 3] = Tensor.Full([3], -1, DType.Float64);
        Values.Equal([0, 0, 0, -1, 4, 5, 6, -1, 8, 9, 10, -1], x);
        x.Narrow(0, 2, 1).Fill_(7);
        Values.Equal([7, 7, 7, 7], x[2]);
    }

    [Fact]
    public void Tensor_indices_gather_and_write_like_advanced_indexing()
    {
        using var scope = DisposeScope.Begin();
        var x = Range(3, 2);
        Values.Equal([4, 5, 0, 1], x[Tensor.From([2L, 0])]);
        Values.Equal([1, 4], x[Tensor.From([0L, 2]), Tensor.From([1L, 0])]);
        Values.Equal([1, 3, 5], x[.., Tensor.From([1L])].Flatten());
        Values.Equal([2, 3, 4, 5], x[x.Select(1, 0) > 1]);
        x.IndexPut_([Tensor.From([0L, 0])], Tensor.Ones([2, 2], DType.Float64), accumulate: true);
        Values.Equal([2, 3, 2, 3, 4, 5], x);
        x[Tensor.From([1L])] = Tensor.Zeros([1, 2], DType.Float64);
        Values.Equal([2, 3, 0, 0, 4, 5], x);
    }

    [Fact]
    public void Index_select_gather_scatter_masked_fill()
    {
        using var scope = DisposeScope.Begin();
        var x = Range(3, 3);
        Values.Equal([6, 7, 8, 0, 1, 2], x.IndexSelect(0, Tensor.From([2L, 0])));
        Values.Equal([2, 3, 7], x.Gather(1, Tensor.From(new long[,] { { 2 }, { 0 }, { 1 } })).Flatten());
        var scattered = Tensor.Zeros([2, 3], DType.Float64).Scatter(1, Tensor.From(new long[,] { { 2 }, { 0 } }), Tensor.From(new double[,] { { 5 }, { 6 } }));
        Values.Equal([0, 0, 5, 6, 0, 0], scattered);
        var added = Tensor.Zeros([3], DType.Float64).ScatterAdd(0, Tensor.From([0L, 0, 2]), Tensor.From([1.0, 2, 3]));
        Values.Equal([3, 0, 3], added);
        Values.Equal([0, -1, 2, -1, 4, -1, 6, -1, 8], x.MaskedFill((x % 2L).Eq(1), -1).Flatten());
        Values.Equal([1, 3, 5, 7], x.MaskedSelect((x % 2L).Eq(1)));
    }

    [Fact]
    public void Tril_triu_one_hot_and_diagonals()
    {
        using var scope = DisposeScope.Begin();
        var ones = Tensor.Ones([3, 3], DType.Float64);
        Values.Equal([1, 0, 0, 1, 1, 0, 1, 1, 1], ones.Tril());
        Values.Equal([0, 1, 1, 0, 0, 1, 0, 0, 0], ones.Triu(1));
        var hot = Tensor.From([2L, 0]).OneHot(3);
        Assert.Equal(DType.Int64, hot.DType);
        Assert.Equal([0L, 0, 1, 1, 0, 0], hot.Flatten().ToArray<long>());
        Values.Equal([0, 4, 8], Range(3, 3).Diagonal());
        Values.Equal([1, 0, 0, 2], Tensor.From([1.0, 2]).DiagEmbed());
    }
}
