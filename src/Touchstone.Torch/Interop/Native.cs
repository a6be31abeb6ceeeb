using System.Runtime.InteropServices;

namespace Touchstone.Torch.Interop;

/// <summary>Turns the native error protocol into exceptions and handles into objects.</summary>
internal static class Native
{
    internal static string LastError() => Marshal.PtrToStringUTF8(NativeMethods.ts_last_error()) ?? "unknown error";

    /// <summary>Throws for a non-zero status.</summary>
    internal static void Check(int status, string operation)
    {
        if (status != 0)
        {
            throw new TorchException(operation, LastError());
        }
    }

    /// <summary>Passes a non-negative result through; a negative one is an error.</summary>
    internal static long NonNegative(long value, string operation) =>
        value >= 0 ? value : throw new TorchException(operation, LastError());

    /// <summary>A native 0/1 flag as a bool; -1 is an error.</summary>
    internal static bool Flag(int value, string operation) => NonNegative(value, operation) != 0;

    /// <summary>Wraps a returned tensor handle, throwing when it is null (an error).</summary>
    internal static Tensor Wrap(IntPtr handle, string operation) =>
        handle == IntPtr.Zero ? throw new TorchException(operation, LastError()) : new Tensor(handle);

    /// <summary>Wraps a returned tensor handle of an op-code family; the op's name is made only on error.</summary>
    internal static Tensor Wrap<TOp>(IntPtr handle, TOp op) where TOp : struct, Enum =>
        handle == IntPtr.Zero ? throw new TorchException(OpName(op), LastError()) : new Tensor(handle);

    /// <summary>Throws for a non-zero status of an op-code family.</summary>
    internal static void Check<TOp>(int status, TOp op, string suffix = "") where TOp : struct, Enum
    {
        if (status != 0)
        {
            throw new TorchException(OpName(op) + suffix, LastError());
        }
    }

    private static string OpName<TOp>(TOp op) where TOp : struct, Enum => op.ToString().ToLowerInvariant();

    /// <summary>Wraps a handle that may legitimately be null ("no tensor").</summary>
    internal static Tensor? WrapOptional(IntPtr handle) => handle == IntPtr.Zero ? null : new Tensor(handle);

    /// <summary>Reads a returned string, throwing when it is null (an error).</summary>
    internal static string String(IntPtr text, string operation) =>
        text == IntPtr.Zero ? throw new TorchException(operation, LastError()) : Marshal.PtrToStringUTF8(text) ?? "";

    /// <summary>The raw handles of a list of tensors, for array arguments. Keep the tensors alive across the call.</summary>
    internal static IntPtr[] Handles(IReadOnlyList<Tensor> tensors)
    {
        var handles = new IntPtr[tensors.Count];
        for (var i = 0; i < handles.Length; i++)
        {
            handles[i] = tensors[i].Handle.DangerousGetHandle();
        }
        return handles;
    }
}
