namespace Touchstone.Torch;

/// <summary>Frees every tensor created inside it when disposed, except those moved out, so that a training loop
/// needs no manual disposal. Scopes nest per thread; a tensor belongs to the innermost scope open when it was
/// created. Parameters and module buffers never belong to a scope.</summary>
/// <example><code>
/// for (var step = 0; step &lt; steps; step++)
/// {
///     using var scope = DisposeScope.Begin();
///     var loss = F.MseLoss(model.Forward(x), y);
///     optimizer.ZeroGrad();
///     loss.Backward();
///     optimizer.Step();
/// }   // every tensor of the step is freed here
///
/// Tensor Features(Tensor x)
/// {
///     using var scope = DisposeScope.Begin();
///     return x.Relu().Mean(0).MoveToOuterScope();   // survives this scope, owned by the caller's
/// }
/// </code></example>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic] private static DisposeScope? _current;

    private readonly List<Tensor> _owned = new();
    private readonly int _threadId = Environment.CurrentManagedThreadId;
    private bool _disposed;

    private DisposeScope(DisposeScope? outer) => Outer = outer;

    /// <summary>The innermost open scope of this thread, or null.</summary>
    public static DisposeScope? Current => _current;

    /// <summary>The scope this one is nested in, or null.</summary>
    public DisposeScope? Outer { get; }

    /// <summary>How many tensors this scope will free.</summary>
    public int Count => _owned.Count;

    /// <summary>Opens a scope nested in the current one.</summary>
    public static DisposeScope Begin() => _current = new DisposeScope(_current);

    /// <summary>Frees the tensors this scope still owns and closes it (and any scope still open inside it).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        if (Environment.CurrentManagedThreadId != _threadId)
        {
            throw new InvalidOperationException("a DisposeScope must be disposed on the thread that began it");
        }
        while (_current is { } inner && inner != this && IsInside(inner))
        {
            inner.Dispose();
        }
        _disposed = true;
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            var tensor = _owned[i];
            tensor.Scope = null;
            tensor.Dispose();
        }
        _owned.Clear();
        if (_current == this)
        {
            _current = Outer;
        }
    }

    /// <summary>Moves a tensor from this scope to the enclosing one (or to no scope at the outermost level).</summary>
    public T MoveToOuter<T>(T tensor) where T : Tensor
    {
        if (tensor.Scope != this)
        {
            throw new InvalidOperationException("the tensor does not belong to this dispose scope");
        }
        Forget(tensor);
        Outer?.Add(tensor);
        return tensor;
    }

    /// <summary>Takes a tensor out of this scope: the caller becomes responsible for disposing it.</summary>
    public T Detach<T>(T tensor) where T : Tensor
    {
        if (tensor.Scope == this)
        {
            Forget(tensor);
        }
        return tensor;
    }

    internal static void Adopt(Tensor tensor)
    {
        if (_current is { } scope)
        {
            scope.Add(tensor);
        }
    }

    internal void Forget(Tensor tensor)
    {
        var slot = tensor.ScopeSlot;
        var last = _owned.Count - 1;
        if (slot != last)
        {
            var moved = _owned[last];
            _owned[slot] = moved;
            moved.ScopeSlot = slot;
        }
        _owned.RemoveAt(last);
        tensor.Scope = null;
    }

    private void Add(Tensor tensor)
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(DisposeScope), "the dispose scope was already disposed");
        }
        tensor.Scope = this;
        tensor.ScopeSlot = _owned.Count;
        _owned.Add(tensor);
    }

    private bool IsInside(DisposeScope scope)
    {
        for (var s = scope.Outer; s != null; s = s.Outer)
        {
            if (s == this)
            {
                return true;
            }
        }
        return false;
    }
}
