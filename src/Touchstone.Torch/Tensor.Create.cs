using Touchstone.Torch.Interop;

namespace Touchstone.Torch;

public partial class Tensor
{
    private static Tensor Finish(Tensor tensor, bool requiresGrad) => requiresGrad ? tensor.RequiresGrad_() : tensor;

    private static Tensor Filled(ReadOnlySpan<long> shape, int kind, DType dtype, Device? device, bool requiresGrad, string name)
    {
        var d = device ?? Device.Cpu;
        return Finish(Native.Wrap(NativeMethods.ts_tensor_filled(shape, shape.Length, kind, (int)dtype, (int)d.Type, d.Index), name), requiresGrad);
    }

    /// <summary>A tensor of zeros, as torch.zeros.</summary>
    public static Tensor Zeros(ReadOnlySpan<long> shape, DType dtype = DType.Float32, Device? device = null, bool requiresGrad = false) =>
        Filled(shape, 0, dtype, device, requiresGrad, "zeros");

    /// <summary>A tensor of ones, as torch.ones.</summary>
    public static Tensor Ones(ReadOnlySpan<long> shape, DType dtype = DType.Float32, Device? device = null, bool requiresGrad = false) =>
        Filled(shape, 1, dtype, device, requiresGrad, "ones");

    /// <summary>An uninitialised tensor, as torch.empty.</summary>
    public static Tensor Empty(ReadOnlySpan<long> shape, DType dtype = DType.Float32, Device? device = null) =>
        Filled(shape, 2, dtype, device, false, "empty");

    /// <summary>A tensor filled with one value, as torch.full.</summary>
    public static Tensor Full(ReadOnlySpan<long> shape, double value, DType dtype = DType.Float32, Device? device = null, bool requiresGrad = false)
    {
        var d = device ?? Device.Cpu;
        var isInt = !dtype.IsFloatingPoint();
        return Finish(Native.Wrap(NativeMethods.ts_tensor_full(shape, shape.Length, value, (long)value, isInt, (int)dtype, (int)d.Type, d.Index), "full"), requiresGrad);
    }

    /// <summary>Values from start (inclusive) to end (exclusive) in steps, as torch.arange.</summary>
    public static Tensor Arange(double start, double end, double step = 1, DType dtype = DType.Int64, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        return Native.Wrap(NativeMethods.ts_tensor_arange(start, end, step, (int)dtype, (int)d.Type, d.Index), "arange");
    }

    /// <summary>0, 1, ..., end - 1, as torch.arange(end).</summary>
    public static Tensor Arange(long end, DType dtype = DType.Int64, Device? device = null) => Arange(0, end, 1, dtype, device);

    /// <summary>steps evenly spaced values from start to end inclusive, as torch.linspace.</summary>
    public static Tensor Linspace(double start, double end, long steps, DType dtype = DType.Float32, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        return Native.Wrap(NativeMethods.ts_tensor_linspace(start, end, steps, (int)dtype, (int)d.Type, d.Index), "linspace");
    }

    /// <summary>An identity matrix (rows x cols, square by default), as torch.eye.</summary>
    public static Tensor Eye(long rows, long? cols = null, DType dtype = DType.Float32, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        return Native.Wrap(NativeMethods.ts_tensor_eye(rows, cols ?? rows, (int)dtype, (int)d.Type, d.Index), "eye");
    }

    private static Tensor Random(ReadOnlySpan<long> shape, int kind, Generator? generator, DType dtype, Device? device, bool requiresGrad, string name)
    {
        var d = device ?? generator?.Device ?? Device.Cpu;
        var g = generator?.Handle ?? GeneratorHandle.Null;
        return Finish(Native.Wrap(NativeMethods.ts_tensor_random(shape, shape.Length, kind, g, (int)dtype, (int)d.Type, d.Index), name), requiresGrad);
    }

    /// <summary>Uniform samples from [0, 1), as torch.rand; from the global generator unless one is given.</summary>
    public static Tensor Rand(ReadOnlySpan<long> shape, Generator? generator = null, DType dtype = DType.Float32, Device? device = null, bool requiresGrad = false) =>
        Random(shape, 0, generator, dtype, device, requiresGrad, "rand");

    /// <summary>Standard normal samples, as torch.randn; from the global generator unless one is given.</summary>
    public static Tensor Randn(ReadOnlySpan<long> shape, Generator? generator = null, DType dtype = DType.Float32, Device? device = null, bool requiresGrad = false) =>
        Random(shape, 1, generator, dtype, device, requiresGrad, "randn");

    /// <summary>Uniform integers from low (inclusive) to high (exclusive), as torch.randint.</summary>
    public static Tensor Randint(long low, long high, ReadOnlySpan<long> shape, Generator? generator = null, DType dtype = DType.Int64, Device? device = null)
    {
        var d = device ?? generator?.Device ?? Device.Cpu;
        return Native.Wrap(NativeMethods.ts_tensor_randint(low, high, shape, shape.Length, generator?.Handle ?? GeneratorHandle.Null, (int)dtype, (int)d.Type, d.Index), "randint");
    }

    /// <summary>A random permutation of 0 .. n-1, as torch.randperm.</summary>
    public static Tensor Randperm(long n, Generator? generator = null, DType dtype = DType.Int64, Device? device = null)
    {
        var d = device ?? generator?.Device ?? Device.Cpu;
        return Native.Wrap(NativeMethods.ts_tensor_randperm(n, generator?.Handle ?? GeneratorHandle.Null, (int)dtype, (int)d.Type, d.Index), "randperm");
    }

    /// <summary>Draws samples indices from each row of probabilities, as torch.multinomial.</summary>
    public Tensor Multinomial(long samples, bool replacement = false, Generator? generator = null) =>
        Native.Wrap(NativeMethods.ts_tensor_multinomial(Handle, samples, replacement, generator?.Handle ?? GeneratorHandle.Null), "multinomial");

    /// <summary>Zeros with this tensor's shape, dtype and device (or the given dtype), as torch.zeros_like.</summary>
    public static Tensor ZerosLike(Tensor other, DType? dtype = null) => Zeros(other.Shape, dtype ?? other.DType, other.Device);

    /// <summary>Ones with this tensor's shape, dtype and device, as torch.ones_like.</summary>
    public static Tensor OnesLike(Tensor other, DType? dtype = null) => Ones(other.Shape, dtype ?? other.DType, other.Device);

    /// <summary>A constant with this tensor's shape, dtype and device, as torch.full_like.</summary>
    public static Tensor FullLike(Tensor other, double value, DType? dtype = null) => Full(other.Shape, value, dtype ?? other.DType, other.Device);

    /// <summary>Uniform [0, 1) samples shaped like another tensor, as torch.rand_like.</summary>
    public static Tensor RandLike(Tensor other, Generator? generator = null) => Rand(other.Shape, generator, other.DType, other.Device);

    /// <summary>Standard normal samples shaped like another tensor, as torch.randn_like.</summary>
    public static Tensor RandnLike(Tensor other, Generator? generator = null) => Randn(other.Shape, generator, other.DType, other.Device);

    /// <summary>An uninitialised tensor shaped like another, as torch.empty_like.</summary>
    public static Tensor EmptyLike(Tensor other) => Empty(other.Shape, other.DType, other.Device);

    /// <summary>Fills in place with uniform samples from [low, high), as tensor.uniform_.</summary>
    public Tensor Uniform_(double low = 0, double high = 1, Generator? generator = null) => RandomFill(0, low, high, generator, "uniform_");

    /// <summary>Fills in place with normal samples, as tensor.normal_.</summary>
    public Tensor Normal_(double mean = 0, double std = 1, Generator? generator = null) => RandomFill(1, mean, std, generator, "normal_");

    /// <summary>Fills in place with Bernoulli(p) samples (0 or 1), as tensor.bernoulli_.</summary>
    public Tensor Bernoulli_(double p = 0.5, Generator? generator = null) => RandomFill(2, p, 0, generator, "bernoulli_");

    private Tensor RandomFill(int kind, double a, double b, Generator? generator, string name)
    {
        Native.Check(NativeMethods.ts_tensor_random_(Handle, kind, a, b, generator?.Handle ?? GeneratorHandle.Null), name);
        return this;
    }
}
