using Touchstone.Torch.Interop;

namespace Touchstone.Torch;

/// <summary>Gradient mode and functional gradients, as torch.no_grad and torch.autograd.grad.</summary>
/// <example><code>
/// using (Autograd.NoGrad()) { weights.Sub_(grad, alpha: lr); }   // not recorded
///
/// // A Hessian-vector product: differentiate a gradient again.
/// var g = Autograd.Grad([energy], parameters, createGraph: true);
/// var dot = g.Zip(v, (gi, vi) =&gt; (gi * vi).Sum()).Aggregate((a, b) =&gt; a + b);
/// var hvp = Autograd.Grad([dot], parameters);
/// </code></example>
public static class Autograd
{
    /// <summary>Whether operations on this thread are recorded for autograd.</summary>
    public static bool IsGradEnabled => NativeMethods.ts_grad_enabled() != 0;

    /// <summary>Turns gradient recording off on this thread until the returned scope is disposed, as
    /// torch.no_grad().</summary>
    public static GradModeScope NoGrad() => new(NativeMethods.ts_set_grad_enabled(false) != 0);

    /// <summary>Turns gradient recording on (inside a no-grad region) until disposed, as torch.enable_grad().</summary>
    public static GradModeScope EnableGrad() => new(NativeMethods.ts_set_grad_enabled(true) != 0);

    /// <summary>The gradients of outputs with respect to inputs, without touching any <see cref="Tensor.Grad"/>,
    /// as torch.autograd.grad.</summary>
    /// <param name="outputs">Tensors to differentiate (scalars, or with gradOutputs).</param>
    /// <param name="inputs">Tensors to differentiate with respect to.</param>
    /// <param name="gradOutputs">The vector in the vector-Jacobian product for each output (null entries or a
    /// null list for scalar outputs, meaning ones).</param>
    /// <param name="retainGraph">Keep the graph for later passes (defaults to createGraph).</param>
    /// <param name="createGraph">Record this computation so that its results can be differentiated again
    /// (double backward).</param>
    /// <param name="allowUnused">Return null for inputs the outputs do not depend on instead of failing.</param>
    public static Tensor?[] Grad(IReadOnlyList<Tensor> outputs, IReadOnlyList<Tensor> inputs,
        IReadOnlyList<Tensor?>? gradOutputs = null, bool? retainGraph = null, bool createGraph = false, bool allowUnused = false)
    {
        if (gradOutputs != null && gradOutputs.Count != outputs.Count)
        {
            throw new ArgumentException($"gradOutputs has {gradOutputs.Count} entries but there are {outputs.Count} outputs", nameof(gradOutputs));
        }
        var outs = Native.Handles(outputs);
        var ins = Native.Handles(inputs);
        var grads = gradOutputs?.Select(g => g?.Handle.DangerousGetHandle() ?? IntPtr.Zero).ToArray();
        var results = new IntPtr[ins.Length];
        Native.Check(NativeMethods.ts_autograd_grad(outs, outs.Length, ins, ins.Length, grads, retainGraph is null ? -1 : retainGraph.Value ? 1 : 0, createGraph, allowUnused, results), "autograd.grad");
        GC.KeepAlive(outputs);
        GC.KeepAlive(inputs);
        GC.KeepAlive(gradOutputs);
        return results.Select(Native.WrapOptional).ToArray();
    }

    /// <summary>The gradient of one scalar output with respect to inputs (every input must be used).</summary>
    public static Tensor[] Grad(Tensor output, IReadOnlyList<Tensor> inputs, bool? retainGraph = null, bool createGraph = false) =>
        Grad([output], inputs, null, retainGraph, createGraph).Select(g => g!).ToArray();
}

/// <summary>Restores the previous gradient mode when disposed.</summary>
public readonly struct GradModeScope : IDisposable
{
    private readonly bool _previous;

    internal GradModeScope(bool previous) => _previous = previous;

    /// <summary>Restores the gradient mode that was in force before this scope.</summary>
    public void Dispose() => NativeMethods.ts_set_grad_enabled(_previous);
}
