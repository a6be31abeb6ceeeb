using Touchstone.Torch.Interop;

namespace Touchstone.Torch;

/// <summary>An n-dimensional array in libtorch, with autograd: the equivalent of torch.Tensor.</summary>
/// <remarks>
/// A tensor owns one native handle. Dispose it, or create it inside a <see cref="DisposeScope"/> that frees it;
/// a tensor that is neither is freed by its finalizer, late. Operations return new tensors; methods ending in an
/// underscore (<c>Add_</c>, <c>Copy_</c>, ...) work in place as in PyTorch.
/// </remarks>
/// <example><code>
/// using var scope = DisposeScope.Begin();
/// var x = Tensor.Randn([4, 3]);
/// var w = Tensor.Ones([3, 2]).RequiresGrad_();
/// var loss = (x.MatMul(w).Relu() * 2).Sum();
/// loss.Backward();
/// Console.WriteLine(w.Grad);            // a 3x2 tensor
/// float value = loss.Item&lt;float&gt;();
/// </code></example>
public partial class Tensor : IDisposable
{
    private readonly TensorHandle _handle;

    // The dispose scope that owns this tensor and its slot there (swap-remove keeps removal O(1)).
    internal DisposeScope? Scope;
    internal int ScopeSlot;

    internal Tensor(IntPtr nativeHandle)
    {
        _handle = new TensorHandle(nativeHandle);
        DisposeScope.Adopt(this);
    }

    /// <summary>A new tensor object that shares this one's handle target: same storage, same autograd identity.</summary>
    private protected Tensor(Tensor other) : this(Alias(other)) { }

    private static IntPtr Alias(Tensor other)
    {
        var alias = NativeMethods.ts_tensor_alias(other.Handle);
        return alias != IntPtr.Zero ? alias : throw new TorchException("alias", Native.LastError());
    }

    internal TensorHandle Handle =>
        _handle.IsClosed
            ? throw new ObjectDisposedException(nameof(Tensor),
                "This tensor was disposed (directly or by the DisposeScope that owned it). Keep it alive with " +
                "MoveToOuterScope() or DetachFromDisposeScope() if it must outlive its scope.")
            : _handle;

    /// <summary>The dispose scope that will free this tensor, or null.</summary>
    public DisposeScope? OwningScope => Scope;

    /// <summary>Whether the native tensor has been freed.</summary>
    public bool IsDisposed => _handle.IsClosed;

    /// <summary>The sizes of the dimensions, as tensor.shape.</summary>
    public long[] Shape
    {
        get
        {
            var h = Handle;
            var shape = new long[Native.NonNegative(NativeMethods.ts_tensor_dim(h), "dim")];
            Native.Check(NativeMethods.ts_tensor_shape(h, shape), "shape");
            return shape;
        }
    }

    /// <summary>The size of one dimension (negative counts from the end), as tensor.size(dim).</summary>
    public long Size(int dim)
    {
        var shape = Shape;
        var d = dim < 0 ? dim + shape.Length : dim;
        return d >= 0 && d < shape.Length
            ? shape[d]
            : throw new ArgumentOutOfRangeException(nameof(dim), dim, $"the tensor has {shape.Length} dimension(s)");
    }

    /// <summary>The number of dimensions, as tensor.dim().</summary>
    public int Dim => (int)Native.NonNegative(NativeMethods.ts_tensor_dim(Handle), "dim");

    /// <summary>The number of elements, as tensor.numel().</summary>
    public long NumEl => Native.NonNegative(NativeMethods.ts_tensor_numel(Handle), "numel");

    /// <summary>The element type.</summary>
    public DType DType
    {
        get
        {
            var code = NativeMethods.ts_tensor_dtype(Handle);
            return code >= 0 ? (DType)code : throw new TorchException("dtype", Native.LastError());
        }
    }

    /// <summary>The device holding the data.</summary>
    public Device Device
    {
        get
        {
            Native.Check(NativeMethods.ts_tensor_device(Handle, out var type, out var index), "device");
            return new Device((DeviceType)type, index);
        }
    }

    /// <summary>Whether the elements are laid out contiguously in row-major order.</summary>
    public bool IsContiguous => Native.Flag(NativeMethods.ts_tensor_is_contiguous(Handle), "is_contiguous");

    /// <summary>Frees the native tensor now (idempotent).</summary>
    public void Dispose()
    {
        if (Scope is { } scope)
        {
            scope.Forget(this);
        }
        _handle.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Moves this tensor from its dispose scope to the enclosing one (or to none), so that it outlives
    /// the scope it was created in. Returns this tensor.</summary>
    public Tensor MoveToOuterScope()
    {
        Scope?.MoveToOuter(this);
        return this;
    }

    /// <summary>Takes this tensor out of its dispose scope; the caller disposes it (or its finalizer will).</summary>
    public Tensor DetachFromDisposeScope()
    {
        Scope?.Detach(this);
        return this;
    }

    /// <summary>The values, as PyTorch prints them (for debugging).</summary>
    public override string ToString() =>
        IsDisposed ? "Tensor (disposed)" : Native.String(NativeMethods.ts_tensor_to_string(Handle), "print");

    /// <summary>Shape, dtype and device in one line, e.g. "Tensor[4, 3] float32 cpu".</summary>
    public string Describe() =>
        IsDisposed ? "Tensor (disposed)" : $"Tensor[{string.Join(", ", Shape)}] {DType.Name()} {Device}";
}
