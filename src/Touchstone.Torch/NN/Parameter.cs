using Touchstone.Torch.Interop;

namespace Touchstone.Torch.NN;

/// <summary>A tensor that a module trains, as torch.nn.Parameter: a leaf that requires grad and never belongs to a
/// dispose scope (its module disposes it).</summary>
public sealed class Parameter : Tensor
{
    /// <summary>Makes a parameter sharing data's storage (cut from any autograd graph).</summary>
    public Parameter(Tensor data, bool requiresGrad = true) : base(DetachedAlias(data))
    {
        DetachFromDisposeScope();
        RequiresGrad = requiresGrad;
    }

    private static IntPtr DetachedAlias(Tensor data)
    {
        var detached = NativeMethods.ts_unary(data.Handle, (int)UnaryOp.Detach);
        return detached != IntPtr.Zero ? detached : throw new TorchException("parameter", Native.LastError());
    }

    /// <summary>Replaces the data in place, keeping this parameter's identity (as param.data = ...).</summary>
    internal void SetData(Tensor data) => Native.Check(NativeMethods.ts_tensor_set_data(Handle, data.Handle), "set data");
}
