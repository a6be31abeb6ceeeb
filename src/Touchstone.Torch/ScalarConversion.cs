namespace Touchstone.Torch;

/// <summary>Converts one element read in its own dtype to the .NET type <see cref="Tensor.Item{T}"/> asks for.</summary>
internal static class ScalarConversion
{
    /// <summary>Converts the little-endian bytes of one <paramref name="dtype"/> element, held in the low bytes of
    /// <paramref name="raw"/>, to <typeparamref name="T"/>.</summary>
    public static T Convert<T>(ulong raw, DType dtype) where T : unmanaged
    {
        var target = DTypeInfo.Of<T>();
        if (target.IsFloatingPoint())
        {
            var value = dtype.IsFloatingPoint() ? AsDouble(raw, dtype) : AsLong(raw, dtype);
            return target switch
            {
                DType.Float64 => (T)(object)value,
                DType.Float32 => (T)(object)(float)value,
                _ => (T)(object)(Half)value,
            };
        }
        if (target == DType.Bool)
        {
            throw Refused<T>(dtype, "only a bool tensor reads as bool: compare it first (e.g. t.Ne(0))");
        }
        if (dtype.IsFloatingPoint())
        {
            throw Refused<T>(dtype, "reading a floating-point value as an integer would truncate it: read it as double and round it explicitly");
        }
        var integer = AsLong(raw, dtype);
        try
        {
            return target switch
            {
                DType.Int64 => (T)(object)integer,
                DType.Int32 => (T)(object)checked((int)integer),
                DType.Int16 => (T)(object)checked((short)integer),
                DType.Int8 => (T)(object)checked((sbyte)integer),
                _ => (T)(object)checked((byte)integer),
            };
        }
        catch (OverflowException)
        {
            throw Refused<T>(dtype, $"its value {integer} does not fit");
        }
    }

    private static double AsDouble(ulong raw, DType dtype) => dtype switch
    {
        DType.Float64 => BitConverter.UInt64BitsToDouble(raw),
        DType.Float32 => BitConverter.UInt32BitsToSingle((uint)raw),
        DType.Float16 => (double)BitConverter.UInt16BitsToHalf((ushort)raw),
        // bfloat16 is the upper half of a float32.
        _ => BitConverter.UInt32BitsToSingle((uint)(ushort)raw << 16),
    };

    private static long AsLong(ulong raw, DType dtype) => dtype switch
    {
        DType.Int64 => (long)raw,
        DType.Int32 => (int)(uint)raw,
        DType.Int16 => (short)(ushort)raw,
        DType.Int8 => (sbyte)(byte)raw,
        DType.UInt8 => (byte)raw,
        DType.Bool => (byte)raw != 0 ? 1 : 0,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "not an integer dtype"),
    };

    private static InvalidOperationException Refused<T>(DType dtype, string why) =>
        new($"the tensor holds {dtype.Name()}, which Item<{typeof(T).Name}> does not read: {why}");
}
