using Touchstone.Torch.Interop;

namespace Touchstone.Torch.NN;

/// <summary>Helpers over parameter lists, as torch.nn.utils.</summary>
public static class Utils
{
    /// <summary>Scales the gradients in place so that their joint p-norm is at most maxNorm, and returns the norm
    /// before clipping, as torch.nn.utils.clip_grad_norm_ (same arithmetic).</summary>
    public static Tensor ClipGradNorm(IEnumerable<Tensor> parameters, double maxNorm, double normType = 2)
    {
        var list = parameters as IReadOnlyList<Tensor> ?? parameters.ToList();
        var handles = Native.Handles(list);
        var norm = Native.Wrap(NativeMethods.ts_clip_grad_norm(handles, handles.Length, maxNorm, normType), "clip_grad_norm_");
        GC.KeepAlive(list);
        return norm;
    }
}
