using Touchstone.Torch.Interop;

namespace Touchstone.Torch;

public partial class Tensor
{
    private Tensor Reduce(ReduceOp op, ReadOnlySpan<long> dims, bool all, bool keepdim) =>
        Native.Wrap(NativeMethods.ts_reduce(Handle, (int)op, dims, dims.Length, all, keepdim), op);

    /// <summary>Sum of all elements (a 0-d tensor).</summary>
    public Tensor Sum() => Reduce(ReduceOp.Sum, default, true, false);
    /// <summary>Sum over the given dimensions.</summary>
    public Tensor Sum(ReadOnlySpan<long> dims, bool keepdim = false) => Reduce(ReduceOp.Sum, dims, false, keepdim);
    /// <summary>Sum over one dimension.</summary>
    public Tensor Sum(long dim, bool keepdim = false) => Reduce(ReduceOp.Sum, [dim], false, keepdim);
    /// <summary>Mean of all elements.</summary>
    public Tensor Mean() => Reduce(ReduceOp.Mean, default, true, false);
    /// <summary>Mean over the given dimensions.</summary>
    public Tensor Mean(ReadOnlySpan<long> dims, bool keepdim = false) => Reduce(ReduceOp.Mean, dims, false, keepdim);
    /// <summary>Mean over one dimension.</summary>
    public Tensor Mean(long dim, bool keepdim = false) => Reduce(ReduceOp.Mean, [dim], false, keepdim);
    /// <summary>Product of all elements.</summary>
    public Tensor Prod() => Reduce(ReduceOp.Prod, default, true, false);
    /// <summary>Product over one dimension.</summary>
    public Tensor Prod(long dim, bool keepdim = false) => Reduce(ReduceOp.Prod, [dim], false, keepdim);
    /// <summary>Largest element (a 0-d tensor), as tensor.max().</summary>
    public Tensor Max() => Reduce(ReduceOp.Amax, default, true, false);
    /// <summary>Smallest element, as tensor.min().</summary>
    public Tensor Min() => Reduce(ReduceOp.Amin, default, true, false);
    /// <summary>Maxima over dimensions without indices, as torch.amax.</summary>
    public Tensor Amax(ReadOnlySpan<long> dims, bool keepdim = false) => Reduce(ReduceOp.Amax, dims, false, keepdim);
    /// <summary>Minima over dimensions without indices, as torch.amin.</summary>
    public Tensor Amin(ReadOnlySpan<long> dims, bool keepdim = false) => Reduce(ReduceOp.Amin, dims, false, keepdim);
    /// <summary>log(sum(exp(x))) over dimensions, computed stably.</summary>
    public Tensor LogSumExp(ReadOnlySpan<long> dims, bool keepdim = false) => Reduce(ReduceOp.LogSumExp, dims, false, keepdim);
    /// <summary>log(sum(exp(x))) over one dimension.</summary>
    public Tensor LogSumExp(long dim, bool keepdim = false) => Reduce(ReduceOp.LogSumExp, [dim], false, keepdim);
    /// <summary>Whether every element is true (non-zero).</summary>
    public Tensor All() => Reduce(ReduceOp.All, default, true, false);
    /// <summary>Whether every element along a dimension is true.</summary>
    public Tensor All(long dim, bool keepdim = false) => Reduce(ReduceOp.All, [dim], false, keepdim);
    /// <summary>Whether any element is true (non-zero).</summary>
    public Tensor Any() => Reduce(ReduceOp.Any, default, true, false);
    /// <summary>Whether any element along a dimension is true.</summary>
    public Tensor Any(long dim, bool keepdim = false) => Reduce(ReduceOp.Any, [dim], false, keepdim);

    /// <summary>Maxima along a dimension and where they occur, as torch.max(x, dim).</summary>
    public (Tensor Values, Tensor Indices) Max(long dim, bool keepdim = false) => MaxMin(dim, keepdim, false);
    /// <summary>Minima along a dimension and where they occur, as torch.min(x, dim).</summary>
    public (Tensor Values, Tensor Indices) Min(long dim, bool keepdim = false) => MaxMin(dim, keepdim, true);

    private (Tensor, Tensor) MaxMin(long dim, bool keepdim, bool isMin)
    {
        Native.Check(NativeMethods.ts_max_dim(Handle, dim, keepdim, isMin, out var values, out var indices), isMin ? "min" : "max");
        return (new Tensor(values), new Tensor(indices));
    }

    /// <summary>Index of the largest element of the flattened tensor.</summary>
    public Tensor ArgMax() => Native.Wrap(NativeMethods.ts_argmax(Handle, 0, false, false, false), "argmax");
    /// <summary>Indices of the largest elements along a dimension.</summary>
    public Tensor ArgMax(long dim, bool keepdim = false) => Native.Wrap(NativeMethods.ts_argmax(Handle, dim, true, keepdim, false), "argmax");
    /// <summary>Index of the smallest element of the flattened tensor.</summary>
    public Tensor ArgMin() => Native.Wrap(NativeMethods.ts_argmax(Handle, 0, false, false, true), "argmin");
    /// <summary>Indices of the smallest elements along a dimension.</summary>
    public Tensor ArgMin(long dim, bool keepdim = false) => Native.Wrap(NativeMethods.ts_argmax(Handle, dim, true, keepdim, true), "argmin");

    /// <summary>Variance of all elements (Bessel-corrected unless unbiased is false).</summary>
    public Tensor Var(bool unbiased = true) => Native.Wrap(NativeMethods.ts_var(Handle, default, 0, true, unbiased, false, false), "var");
    /// <summary>Variance over dimensions.</summary>
    public Tensor Var(ReadOnlySpan<long> dims, bool unbiased = true, bool keepdim = false) =>
        Native.Wrap(NativeMethods.ts_var(Handle, dims, dims.Length, false, unbiased, keepdim, false), "var");
    /// <summary>Standard deviation of all elements.</summary>
    public Tensor Std(bool unbiased = true) => Native.Wrap(NativeMethods.ts_var(Handle, default, 0, true, unbiased, false, true), "std");
    /// <summary>Standard deviation over dimensions.</summary>
    public Tensor Std(ReadOnlySpan<long> dims, bool unbiased = true, bool keepdim = false) =>
        Native.Wrap(NativeMethods.ts_var(Handle, dims, dims.Length, false, unbiased, keepdim, true), "std");

    /// <summary>Cumulative sum along a dimension.</summary>
    public Tensor CumSum(long dim) => Native.Wrap(NativeMethods.ts_cumsum(Handle, dim), "cumsum");

    /// <summary>Sorted values along a dimension and their original indices.</summary>
    public (Tensor Values, Tensor Indices) Sort(long dim = -1, bool descending = false)
    {
        Native.Check(NativeMethods.ts_sort(Handle, dim, descending, out var values, out var indices), "sort");
        return (new Tensor(values), new Tensor(indices));
    }

    /// <summary>The k largest (or smallest) values along a dimension and their indices.</summary>
    public (Tensor Values, Tensor Indices) TopK(long k, long dim = -1, bool largest = true, bool sorted = true)
    {
        Native.Check(NativeMethods.ts_topk(Handle, k, dim, largest, sorted, out var values, out var indices), "topk");
        return (new Tensor(values), new Tensor(indices));
    }

    /// <summary>The p-norm of all elements (2 by default), as torch.linalg.vector_norm / tensor.norm().</summary>
    public Tensor Norm(double p = 2) => Native.Wrap(NativeMethods.ts_vector_norm(Handle, p, default, 0, true, false), "norm");
    /// <summary>The p-norm over dimensions.</summary>
    public Tensor Norm(double p, ReadOnlySpan<long> dims, bool keepdim = false) =>
        Native.Wrap(NativeMethods.ts_vector_norm(Handle, p, dims, dims.Length, false, keepdim), "norm");
}
