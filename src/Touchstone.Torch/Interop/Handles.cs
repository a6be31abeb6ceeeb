using System.Runtime.InteropServices;

namespace Touchstone.Torch.Interop;

/// <summary>A pointer to a native object with one owner; zero means "none".</summary>
internal abstract class NativeHandle : SafeHandle
{
    protected NativeHandle(IntPtr handle, bool ownsHandle) : base(IntPtr.Zero, ownsHandle) => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;
}

/// <summary>Owns one native at::Tensor. <see cref="Null"/> stands for "no tensor" in optional arguments.</summary>
internal sealed class TensorHandle(IntPtr handle, bool ownsHandle = true) : NativeHandle(handle, ownsHandle)
{
    internal static readonly TensorHandle Null = new(IntPtr.Zero, ownsHandle: false);

    protected override bool ReleaseHandle()
    {
        NativeMethods.ts_tensor_free(handle);
        return true;
    }
}

/// <summary>Owns one native at::Generator. <see cref="Null"/> stands for "the global generator".</summary>
internal sealed class GeneratorHandle(IntPtr handle, bool ownsHandle = true) : NativeHandle(handle, ownsHandle)
{
    internal static readonly GeneratorHandle Null = new(IntPtr.Zero, ownsHandle: false);

    protected override bool ReleaseHandle()
    {
        NativeMethods.ts_generator_free(handle);
        return true;
    }
}

/// <summary>Owns one native optimizer (its parameter list and state).</summary>
internal sealed class OptimizerHandle(IntPtr handle) : NativeHandle(handle, ownsHandle: true)
{
    protected override bool ReleaseHandle()
    {
        NativeMethods.ts_optim_free(handle);
        return true;
    }
}
