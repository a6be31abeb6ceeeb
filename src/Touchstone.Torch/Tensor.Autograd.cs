using Touchstone.Torch.Interop;

namespace Touchstone.Torch;

public partial class Tensor
{
    /// <summary>Whether autograd records operations on this tensor, as tensor.requires_grad.</summary>
    public bool RequiresGrad
    {
        get => Native.Flag(NativeMethods.ts_requires_grad(Handle), "requires_grad");
        set => Native.Check(NativeMethods.ts_set_requires_grad(Handle, value), "requires_grad_");
    }

    /// <summary>Sets <see cref="RequiresGrad"/> and returns this tensor, as tensor.requires_grad_().</summary>
    public Tensor RequiresGrad_(bool requiresGrad = true)
    {
        RequiresGrad = requiresGrad;
        return this;
    }

    /// <summary>Whether this is a leaf of the autograd graph (created by the user, not by an operation).</summary>
    public bool IsLeaf => Native.Flag(NativeMethods.ts_is_leaf(Handle), "is_leaf");

    /// <summary>The gradient accumulated by backward passes, or null, as tensor.grad. Each read returns a new
    /// handle to the same gradient (owned by the current dispose scope). Setting null clears it.</summary>
    public Tensor? Grad
    {
        get
        {
            Native.Check(NativeMethods.ts_grad(Handle, out var grad), "grad");
            return Native.WrapOptional(grad);
        }
        set => Native.Check(NativeMethods.ts_set_grad(Handle, value?.Handle ?? TensorHandle.Null), "set grad");
    }

    /// <summary>Keeps the gradient of a non-leaf tensor after backward, as tensor.retain_grad().</summary>
    public void RetainGrad() => Native.Check(NativeMethods.ts_retain_grad(Handle), "retain_grad");

    /// <summary>Computes the gradients of this tensor (a scalar, or with an explicit gradient) with respect to the
    /// graph's leaves and accumulates them into their <see cref="Grad"/>, as tensor.backward().</summary>
    /// <param name="gradient">The gradient of some scalar with respect to this tensor; omit for a scalar.</param>
    /// <param name="retainGraph">Keep the graph for another backward pass (defaults to createGraph).</param>
    /// <param name="createGraph">Record the backward pass itself, for higher-order derivatives.</param>
    public void Backward(Tensor? gradient = null, bool? retainGraph = null, bool createGraph = false) =>
        Native.Check(NativeMethods.ts_backward(Handle, gradient?.Handle ?? TensorHandle.Null, retainGraph is null ? -1 : retainGraph.Value ? 1 : 0, createGraph), "backward");

    /// <summary>The same data cut from the autograd graph, as tensor.detach().</summary>
    public Tensor Detach() => Unary(UnaryOp.Detach);

    /// <summary>Cuts this tensor from the autograd graph in place, as tensor.detach_().</summary>
    public Tensor Detach_()
    {
        Native.Check(NativeMethods.ts_detach_(Handle), "detach_");
        return this;
    }
}
