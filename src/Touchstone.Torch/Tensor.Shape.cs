using Touchstone.Torch.Interop;

namespace Touchstone.Torch;

public partial class Tensor
{
    private Tensor ShapeOp(ShapeOp op, ReadOnlySpan<long> args) =>
        Native.Wrap(NativeMethods.ts_shape_op(Handle, (int)op, args, args.Length), op);

    /// <summary>The same elements in another shape (a view when possible; one size may be -1).</summary>
    public Tensor Reshape(params ReadOnlySpan<long> shape) => ShapeOp(Interop.ShapeOp.Reshape, shape);
    /// <summary>A view with another shape; fails when the memory layout does not allow one.</summary>
    public Tensor View(params ReadOnlySpan<long> shape) => ShapeOp(Interop.ShapeOp.View, shape);
    /// <summary>Reorders the dimensions, as tensor.permute.</summary>
    public Tensor Permute(params ReadOnlySpan<long> dims) => ShapeOp(Interop.ShapeOp.Permute, dims);
    /// <summary>Broadcasts size-1 dimensions to a larger shape without copying (-1 keeps a size).</summary>
    public Tensor Expand(params ReadOnlySpan<long> shape) => ShapeOp(Interop.ShapeOp.Expand, shape);
    /// <summary>Tiles the tensor, as tensor.repeat.</summary>
    public Tensor Repeat(params ReadOnlySpan<long> repeats) => ShapeOp(Interop.ShapeOp.Repeat, repeats);
    /// <summary>Merges dimensions start..end into one, as torch.flatten.</summary>
    public Tensor Flatten(long startDim = 0, long endDim = -1) => ShapeOp(Interop.ShapeOp.Flatten, [startDim, endDim]);
    /// <summary>Removes every dimension of size 1.</summary>
    public Tensor Squeeze() => ShapeOp(Interop.ShapeOp.Squeeze, default);
    /// <summary>Removes a dimension of size 1 (no change when its size is not 1).</summary>
    public Tensor Squeeze(long dim) => ShapeOp(Interop.ShapeOp.Squeeze, [dim]);
    /// <summary>Inserts a dimension of size 1.</summary>
    public Tensor Unsqueeze(long dim) => ShapeOp(Interop.ShapeOp.Unsqueeze, [dim]);
    /// <summary>Swaps two dimensions.</summary>
    public Tensor Transpose(long dim0, long dim1) => ShapeOp(Interop.ShapeOp.Transpose, [dim0, dim1]);
    /// <summary>The transpose of a matrix (dimensions 0 and 1), as tensor.t().</summary>
    public Tensor T() => Unary(UnaryOp.T);
    /// <summary>The transpose of the last two dimensions, as tensor.mT.</summary>
    public Tensor MT => Transpose(-2, -1);
    /// <summary>length elements from start along a dimension (a view), as tensor.narrow.</summary>
    public Tensor Narrow(long dim, long start, long length) => ShapeOp(Interop.ShapeOp.Narrow, [dim, start, length]);
    /// <summary>Elements start..end (exclusive) with a step along a dimension (a view), as x[..., start:end:step].</summary>
    public Tensor Slice(long dim, long start, long end, long step = 1) => ShapeOp(Interop.ShapeOp.Slice, [dim, start, end, step]);
    /// <summary>The sub-tensor at one index of a dimension (the dimension is removed), as tensor.select.</summary>
    public Tensor Select(long dim, long index) => ShapeOp(Interop.ShapeOp.Select, [dim, index]);
    /// <summary>The lower triangle (other elements zero), as torch.tril.</summary>
    public Tensor Tril(long diagonal = 0) => ShapeOp(Interop.ShapeOp.Tril, [diagonal]);
    /// <summary>The upper triangle (other elements zero), as torch.triu.</summary>
    public Tensor Triu(long diagonal = 0) => ShapeOp(Interop.ShapeOp.Triu, [diagonal]);
    /// <summary>One-hot encoding of an int64 tensor of class indices, as F.one_hot (-1 infers the class count).</summary>
    public Tensor OneHot(long numClasses = -1) => ShapeOp(Interop.ShapeOp.OneHot, [numClasses]);
    /// <summary>Reverses the order of elements along dimensions.</summary>
    public Tensor Flip(params ReadOnlySpan<long> dims) => ShapeOp(Interop.ShapeOp.Flip, dims);
    /// <summary>Moves a dimension to another position.</summary>
    public Tensor MoveDim(long source, long destination) => ShapeOp(Interop.ShapeOp.MoveDim, [source, destination]);
    /// <summary>A diagonal of a matrix (or of each matrix in a batch).</summary>
    public Tensor Diagonal(long offset = 0, long dim1 = 0, long dim2 = 1) => ShapeOp(Interop.ShapeOp.Diagonal, [offset, dim1, dim2]);
    /// <summary>Diagonal matrices with the last dimension as their diagonals.</summary>
    public Tensor DiagEmbed() => ShapeOp(Interop.ShapeOp.DiagEmbed, default);

    /// <summary>Concatenates tensors along an existing dimension, as torch.cat.</summary>
    public static Tensor Cat(IReadOnlyList<Tensor> tensors, long dim = 0) => Join(tensors, dim, false, "cat");
    /// <summary>Stacks tensors along a new dimension, as torch.stack.</summary>
    public static Tensor Stack(IReadOnlyList<Tensor> tensors, long dim = 0) => Join(tensors, dim, true, "stack");

    private static Tensor Join(IReadOnlyList<Tensor> tensors, long dim, bool stack, string name)
    {
        var handles = Native.Handles(tensors);
        var result = Native.Wrap(NativeMethods.ts_cat(handles, handles.Length, dim, stack), name);
        GC.KeepAlive(tensors);
        return result;
    }

    /// <summary>Splits into the given number of pieces along a dimension (the last may be smaller), as torch.chunk.</summary>
    public Tensor[] Chunk(long chunks, long dim = 0) => Split(chunks, dim, true, chunks);

    /// <summary>Splits into pieces of splitSize along a dimension, as torch.split.</summary>
    public Tensor[] Split(long splitSize, long dim = 0)
    {
        if (splitSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(splitSize), splitSize, "split size must be positive");
        }
        var length = Size((int)dim);
        return Split(splitSize, dim, false, Math.Max(1, (length + splitSize - 1) / splitSize));
    }

    private Tensor[] Split(long size, long dim, bool isChunk, long capacity)
    {
        var raw = new IntPtr[capacity];
        Native.Check(NativeMethods.ts_split(Handle, size, dim, isChunk, raw, capacity, out var count), isChunk ? "chunk" : "split");
        var parts = new Tensor[count];
        for (var i = 0; i < count; i++)
        {
            parts[i] = new Tensor(raw[i]);
        }
        return parts;
    }

    /// <summary>The entries at the given indices along a dimension, as torch.index_select.</summary>
    public Tensor IndexSelect(long dim, Tensor index) => Native.Wrap(NativeMethods.ts_index_op(Handle, dim, index.Handle, 0), "index_select");
    /// <summary>Gathers values along a dimension by an index tensor of the output's shape, as torch.gather.</summary>
    public Tensor Gather(long dim, Tensor index) => Native.Wrap(NativeMethods.ts_index_op(Handle, dim, index.Handle, 1), "gather");
    /// <summary>A copy with source's values written at index along a dimension, as torch.scatter.</summary>
    public Tensor Scatter(long dim, Tensor index, Tensor source) => Native.Wrap(NativeMethods.ts_scatter(Handle, dim, index.Handle, source.Handle, false), "scatter");
    /// <summary>A copy with source's values added at index along a dimension, as torch.scatter_add.</summary>
    public Tensor ScatterAdd(long dim, Tensor index, Tensor source) => Native.Wrap(NativeMethods.ts_scatter(Handle, dim, index.Handle, source.Handle, true), "scatter_add");
    /// <summary>A copy with value where the (broadcast) mask is true, as tensor.masked_fill.</summary>
    public Tensor MaskedFill(Tensor mask, double value) =>
        Native.Wrap(NativeMethods.ts_masked_fill(Handle, mask.Handle, value, (long)value, !DType.IsFloatingPoint() && value == Math.Floor(value)), "masked_fill");
    /// <summary>The elements where the mask is true, as a 1-d tensor.</summary>
    public Tensor MaskedSelect(Tensor mask) => Native.Wrap(NativeMethods.ts_masked_select(Handle, mask.Handle), "masked_select");

    /// <summary>Indexing as in PyTorch: x[1], x[.., 2], x[1..^1, TensorIndex.Ellipsis], x[TensorIndex.None], x[indexTensor].
    /// Integers select (removing the dimension), ranges slice (views), tensors gather (copies).</summary>
    [System.Runtime.CompilerServices.IndexerName("At")]
    public Tensor this[params TensorIndex[] indices]
    {
        get => TensorIndexing.Get(this, indices);
        set => TensorIndexing.Set(this, indices, value);
    }

    internal Tensor AdvancedIndex(IReadOnlyList<Tensor?> indices)
    {
        var handles = new IntPtr[indices.Count];
        for (var i = 0; i < handles.Length; i++)
        {
            handles[i] = indices[i]?.Handle.DangerousGetHandle() ?? IntPtr.Zero;
        }
        var result = Native.Wrap(NativeMethods.ts_index(Handle, handles, handles.Length), "index");
        GC.KeepAlive(indices);
        return result;
    }

    internal void IndexPut(IReadOnlyList<Tensor?> indices, Tensor values, bool accumulate)
    {
        var handles = new IntPtr[indices.Count];
        for (var i = 0; i < handles.Length; i++)
        {
            handles[i] = indices[i]?.Handle.DangerousGetHandle() ?? IntPtr.Zero;
        }
        Native.Check(NativeMethods.ts_index_put_(Handle, handles, handles.Length, values.Handle, accumulate), "index_put_");
        GC.KeepAlive(indices);
    }

    /// <summary>In place: writes values at the positions given by index tensors (one per leading dimension),
    /// adding instead when accumulate is set, as tensor.index_put_.</summary>
    public Tensor IndexPut_(IReadOnlyList<Tensor?> indices, Tensor values, bool accumulate = false)
    {
        IndexPut(indices, values, accumulate);
        return this;
    }
}
