namespace Touchstone.Torch.Tests;

public sealed class DisposeScopeTests
{
    [Fact]
    public void A_scope_frees_every_tensor_created_inside_it()
    {
        Tensor a, b;
        using (var scope = DisposeScope.Begin())
        {
            a = Tensor.Ones([2]);
            b = a * 2 + 1;
            Assert.Equal(3, scope.Count);   // ones, a * 2 and (a * 2) + 1
        }
        Assert.True(a.IsDisposed);
        Assert.True(b.IsDisposed);
    }

    [Fact]
    public void Move_to_outer_scope_hands_a_result_to_the_enclosing_scope()
    {
        using var outer = DisposeScope.Begin();
        Tensor kept, dropped;
        using (DisposeScope.Begin())
        {
            dropped = Tensor.Ones([2]);
            kept = (dropped * 3).MoveToOuterScope();
        }
        Assert.True(dropped.IsDisposed);
        Assert.False(kept.IsDisposed);
        Assert.Equal([3f, 3f], kept.ToArray<float>());
        Assert.Same(outer, kept.OwningScope);
        outer.Dispose();
        Assert.True(kept.IsDisposed);
    }

    [Fact]
    public void Detached_tensors_outlive_every_scope_until_disposed()
    {
        Tensor t;
        using (DisposeScope.Begin())
        {
            t = Tensor.Ones([1]).DetachFromDisposeScope();
        }
        Assert.False(t.IsDisposed);
        t.Dispose();
        Assert.True(t.IsDisposed);
        t.Dispose();   // idempotent
    }

    [Fact]
    public void Disposing_a_tensor_early_removes_it_from_its_scope()
    {
        using var scope = DisposeScope.Begin();
        var a = Tensor.Ones([1]);
        var b = Tensor.Ones([1]);
        var c = Tensor.Ones([1]);
        a.Dispose();
        Assert.Equal(2, scope.Count);
        scope.Dispose();
        Assert.True(b.IsDisposed && c.IsDisposed);
    }

    [Fact]
    public void Disposing_an_outer_scope_closes_inner_scopes_left_open()
    {
        var outer = DisposeScope.Begin();
        var inner = DisposeScope.Begin();
        var t = Tensor.Ones([1]);
        outer.Dispose();
        Assert.True(t.IsDisposed);
        Assert.Null(DisposeScope.Current);
        inner.Dispose();
    }

    [Fact]
    public void Using_a_disposed_tensor_raises_ObjectDisposedException()
    {
        Tensor t;
        using (DisposeScope.Begin())
        {
            t = Tensor.Ones([2]);
        }
        var ex = Assert.Throws<ObjectDisposedException>(() => t.Exp());
        Assert.Contains("DisposeScope", ex.Message);
        Assert.Throws<ObjectDisposedException>(() => t.Shape);
        Assert.Throws<ObjectDisposedException>(() => t.ToArray<float>());
        Assert.Equal("Tensor (disposed)", t.ToString());
    }
}
