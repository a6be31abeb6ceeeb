namespace Touchstone.Torch;

/// <summary>Element types of tensors, as torch.float32, torch.int64 and so on. The numbers are the native ABI's.</summary>
public enum DType
{
    /// <summary>32-bit float (torch.float32), the default for floating-point factories.</summary>
    Float32 = 0,
    /// <summary>64-bit float (torch.float64).</summary>
    Float64 = 1,
    /// <summary>64-bit signed integer (torch.int64), the dtype of indices.</summary>
    Int64 = 2,
    /// <summary>32-bit signed integer (torch.int32).</summary>
    Int32 = 3,
    /// <summary>Boolean (torch.bool), the result of comparisons.</summary>
    Bool = 4,
    /// <summary>16-bit IEEE float (torch.float16).</summary>
    Float16 = 5,
    /// <summary>16-bit brain float (torch.bfloat16).</summary>
    BFloat16 = 6,
    /// <summary>8-bit unsigned integer (torch.uint8).</summary>
    UInt8 = 7,
    /// <summary>8-bit signed integer (torch.int8).</summary>
    Int8 = 8,
    /// <summary>16-bit signed integer (torch.int16).</summary>
    Int16 = 9,
}

/// <summary>Facts about <see cref="DType"/> values.</summary>
public static class DTypeInfo
{
    /// <summary>Bytes per element.</summary>
    public static int ElementSize(this DType dtype) => dtype switch
    {
        DType.Float32 or DType.Int32 => 4,
        DType.Float64 or DType.Int64 => 8,
        DType.Float16 or DType.BFloat16 or DType.Int16 => 2,
        DType.Bool or DType.UInt8 or DType.Int8 => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "unknown dtype"),
    };

    /// <summary>Whether the dtype holds floating-point numbers.</summary>
    public static bool IsFloatingPoint(this DType dtype) =>
        dtype is DType.Float32 or DType.Float64 or DType.Float16 or DType.BFloat16;

    /// <summary>PyTorch's name, e.g. "float32".</summary>
    public static string Name(this DType dtype) => dtype switch
    {
        DType.Float32 => "float32",
        DType.Float64 => "float64",
        DType.Int64 => "int64",
        DType.Int32 => "int32",
        DType.Bool => "bool",
        DType.Float16 => "float16",
        DType.BFloat16 => "bfloat16",
        DType.UInt8 => "uint8",
        DType.Int8 => "int8",
        DType.Int16 => "int16",
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "unknown dtype"),
    };

    /// <summary>The dtype whose elements are the .NET type T (float → Float32, long → Int64, ...).</summary>
    public static DType Of<T>() where T : unmanaged =>
        typeof(T) == typeof(float) ? DType.Float32
        : typeof(T) == typeof(double) ? DType.Float64
        : typeof(T) == typeof(long) ? DType.Int64
        : typeof(T) == typeof(int) ? DType.Int32
        : typeof(T) == typeof(bool) ? DType.Bool
        : typeof(T) == typeof(Half) ? DType.Float16
        : typeof(T) == typeof(byte) ? DType.UInt8
        : typeof(T) == typeof(sbyte) ? DType.Int8
        : typeof(T) == typeof(short) ? DType.Int16
        : throw new NotSupportedException($"no tensor dtype holds elements of type {typeof(T).Name}");
}
