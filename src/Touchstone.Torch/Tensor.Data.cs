using Touchstone.Torch.Interop;

namespace Touchstone.Torch;

public partial class Tensor
{
    /// <summary>A tensor holding a copy of the data (row-major) with the given shape, as torch.tensor. The dtype
    /// follows T: float → Float32, double → Float64, long → Int64, int → Int32, bool → Bool.</summary>
    public static unsafe Tensor From<T>(ReadOnlySpan<T> data, ReadOnlySpan<long> shape, Device? device = null, bool requiresGrad = false)
        where T : unmanaged
    {
        var d = device ?? Device.Cpu;
        var dtype = DTypeInfo.Of<T>();
        fixed (T* p = data)
        {
            var nbytes = (long)data.Length * sizeof(T);
            return Finish(Native.Wrap(NativeMethods.ts_tensor_from_data(p, nbytes, shape, shape.Length, (int)dtype, (int)d.Type, d.Index), "from data"), requiresGrad);
        }
    }

    /// <summary>A tensor holding a copy of the data with the given shape (<c>Tensor.From(values, [rows, cols])</c>).</summary>
    public static Tensor From<T>(T[] data, ReadOnlySpan<long> shape, Device? device = null, bool requiresGrad = false) where T : unmanaged =>
        From<T>(data.AsSpan(), shape, device, requiresGrad);

    /// <summary>A one-dimensional tensor holding a copy of the data.</summary>
    public static Tensor From<T>(T[] data, Device? device = null, bool requiresGrad = false) where T : unmanaged =>
        From<T>(data.AsSpan(), [data.LongLength], device, requiresGrad);

    /// <summary>A matrix holding a copy of a two-dimensional array.</summary>
    public static unsafe Tensor From<T>(T[,] data, Device? device = null, bool requiresGrad = false) where T : unmanaged
    {
        fixed (T* p = data)
        {
            return From<T>(new ReadOnlySpan<T>(p, data.Length), [data.GetLength(0), data.GetLength(1)], device, requiresGrad);
        }
    }

    /// <summary>A zero-dimensional tensor holding one value, as torch.tensor(3.0).</summary>
    public static Tensor Scalar<T>(T value, Device? device = null, bool requiresGrad = false) where T : unmanaged =>
        From<T>(new ReadOnlySpan<T>(in value), ReadOnlySpan<long>.Empty, device, requiresGrad);

    /// <summary>A tensor of any dtype from its raw little-endian bytes (row-major).</summary>
    internal static unsafe Tensor FromBytes(ReadOnlySpan<byte> data, ReadOnlySpan<long> shape, DType dtype, Device device)
    {
        fixed (byte* p = data)
        {
            return Native.Wrap(NativeMethods.ts_tensor_from_data(p, data.Length, shape, shape.Length, (int)dtype, (int)device.Type, device.Index), "from bytes");
        }
    }

    /// <summary>The raw bytes of the values, row-major, copied to host memory.</summary>
    internal unsafe byte[] ToBytes()
    {
        var bytes = new byte[NumEl * DType.ElementSize()];
        fixed (byte* p = bytes)
        {
            Native.Check(NativeMethods.ts_tensor_copy_to(Handle, p, bytes.LongLength), "to bytes");
        }
        return bytes;
    }

    /// <summary>The values, flattened in row-major order, copied to host memory. T must match the dtype
    /// (convert first with <see cref="To(DType)"/>).</summary>
    public unsafe T[] ToArray<T>() where T : unmanaged
    {
        CheckElementType<T>();
        var result = new T[NumEl];
        fixed (T* p = result)
        {
            Native.Check(NativeMethods.ts_tensor_copy_to(Handle, p, (long)result.Length * sizeof(T)), "to array");
        }
        return result;
    }

    /// <summary>The values of a matrix as a two-dimensional array.</summary>
    public unsafe T[,] ToArray2D<T>() where T : unmanaged
    {
        CheckElementType<T>();
        var shape = Shape;
        if (shape.Length != 2)
        {
            throw new InvalidOperationException($"ToArray2D needs a matrix, but the tensor has shape [{string.Join(", ", shape)}]");
        }
        var result = new T[shape[0], shape[1]];
        fixed (T* p = result)
        {
            Native.Check(NativeMethods.ts_tensor_copy_to(Handle, p, (long)result.Length * sizeof(T)), "to array");
        }
        return result;
    }

    /// <summary>The single value of a one-element tensor, converted to <typeparamref name="T"/> as tensor.item()
    /// and a Python float()/int() would: any dtype reads as a floating-point type (a float32 loss as a double,
    /// exactly), an integer or bool dtype reads as any integer type that holds the value. A floating-point value is
    /// never read as an integer (that would truncate silently) and only a bool tensor reads as bool.</summary>
    /// <exception cref="InvalidOperationException">The tensor has more than one element, or the conversion is one
    /// of the refused ones above, or the integer does not fit <typeparamref name="T"/>.</exception>
    public unsafe T Item<T>() where T : unmanaged
    {
        var count = NumEl;
        if (count != 1)
        {
            throw new InvalidOperationException($"Item needs a tensor with one element, but this one has {count} (shape [{string.Join(", ", Shape)}])");
        }
        var dtype = DType;
        if (DTypeInfo.Of<T>() == dtype)
        {
            T value;
            Native.Check(NativeMethods.ts_tensor_copy_to(Handle, &value, sizeof(T)), "item");
            return value;
        }
        // Read the element in its own dtype (one device-to-host copy of at most 8 bytes), then convert on the host.
        ulong raw = 0;
        Native.Check(NativeMethods.ts_tensor_copy_to(Handle, &raw, dtype.ElementSize()), "item");
        return ScalarConversion.Convert<T>(raw, dtype);
    }

    private void CheckElementType<T>() where T : unmanaged
    {
        var dtype = DType;
        if (DTypeInfo.Of<T>() != dtype)
        {
            throw new InvalidOperationException($"the tensor holds {dtype.Name()}, not {typeof(T).Name}: read it as the matching type or convert it first with To(DType.{DTypeInfo.Of<T>()})");
        }
    }

    /// <summary>This tensor on another device (itself when already there), as tensor.to(device).</summary>
    public Tensor To(Device device) => Native.Wrap(NativeMethods.ts_tensor_to(Handle, -1, (int)device.Type, device.Index, false), "to device");

    /// <summary>This tensor converted to another dtype, as tensor.to(dtype).</summary>
    public Tensor To(DType dtype) => Native.Wrap(NativeMethods.ts_tensor_to(Handle, (int)dtype, -1, 0, false), "to dtype");

    /// <summary>This tensor converted to another dtype on another device.</summary>
    public Tensor To(DType dtype, Device device) => Native.Wrap(NativeMethods.ts_tensor_to(Handle, (int)dtype, (int)device.Type, device.Index, false), "to");

    /// <summary>This tensor in host memory, as tensor.cpu().</summary>
    public Tensor Cpu() => To(Device.Cpu);

    /// <summary>This tensor on a CUDA device, as tensor.cuda(index).</summary>
    public Tensor Cuda(int index = 0) => To(Device.Cuda(index));

    /// <summary>A copy with its own storage, as tensor.clone() (differentiable).</summary>
    public Tensor Clone() => Unary(UnaryOp.Clone);

    /// <summary>This tensor in contiguous memory, as tensor.contiguous().</summary>
    public Tensor Contiguous() => Unary(UnaryOp.Contiguous);

    /// <summary>Copies the values of source (broadcast) into this tensor, as tensor.copy_.</summary>
    public Tensor Copy_(Tensor source)
    {
        Native.Check(NativeMethods.ts_copy_(Handle, source.Handle), "copy_");
        return this;
    }

    /// <summary>Sets every element to a value, as tensor.fill_.</summary>
    public Tensor Fill_(double value)
    {
        Native.Check(NativeMethods.ts_fill_(Handle, value, (long)value, !DType.IsFloatingPoint()), "fill_");
        return this;
    }

    /// <summary>Sets every element to zero, as tensor.zero_.</summary>
    public Tensor Zero_() => Fill_(0);
}
