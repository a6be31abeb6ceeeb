using Touchstone.Torch.Tests.Support;

namespace Touchstone.Torch.Tests;

public sealed class LinalgTests
{
    private static Tensor A() => Tensor.From(new double[,] { { 2, -1, 0 }, { 1, 3, 1 }, { 0, 1, 4 }, { 1, 0, 1 } });

    [Fact]
    public void Matmul_mm_bmm_dot_outer()
    {
        using var scope = DisposeScope.Begin();
        var a = Tensor.From(new double[,] { { 1, 2 }, { 3, 4 } });
        var b = Tensor.From(new double[,] { { 5, 6 }, { 7, 8 } });
        Values.Equal([19, 22, 43, 50], a.MatMul(b));
        Values.Equal([19, 22, 43, 50], a.Mm(b));
        Values.Equal([19, 22, 43, 50, 19, 22, 43, 50], Tensor.Stack([a, a]).Bmm(Tensor.Stack([b, b])));
        Values.Equal([19, 22, 43, 50, 19, 22, 43, 50], Tensor.Stack([a, a]).MatMul(b));   // broadcast over the batch
        Values.Equal([17, 39], a.MatMul(Tensor.From([5.0, 6])));
        Assert.Equal(11.0, Tensor.From([1.0, 2]).Dot(Tensor.From([3.0, 4])).Item<double>());
        Values.Equal([3, 4, 6, 8], Tensor.From([1.0, 2]).Outer(Tensor.From([3.0, 4])));
    }

    [Fact]
    public void Svd_reconstructs_the_matrix_with_orthonormal_factors()
    {
        using var scope = DisposeScope.Begin();
        var a = A();
        var (u, s, vh) = Linalg.Svd(a);
        Values.Shape([4, 3], u);
        Values.Shape([3], s);
        Assert.True(u.MatMul(s.DiagEmbed()).MatMul(vh).AllClose(a, 1e-10, 1e-10));
        Assert.True(u.MT.MatMul(u).AllClose(Tensor.Eye(3, dtype: DType.Float64), 1e-10, 1e-10));
        var sv = s.ToArray<double>();
        Assert.True(sv[0] >= sv[1] && sv[1] >= sv[2]);
        Values.Shape([4, 4], Linalg.Svd(a, fullMatrices: true).U);
        Assert.Equal(sv[0], Linalg.MatrixNorm(a, 2).Item<double>(), 10);
        Assert.Equal(sv.Sum(), Linalg.MatrixNorm(a, "nuc").Item<double>(), 10);
        Assert.Equal(Math.Sqrt(sv.Sum(v => v * v)), Linalg.MatrixNorm(a).Item<double>(), 10);
    }

    [Fact]
    public void Qr_gives_orthonormal_q_and_upper_triangular_r()
    {
        using var scope = DisposeScope.Begin();
        var a = A();
        var (q, r) = Linalg.Qr(a);
        Assert.True(q.MatMul(r).AllClose(a, 1e-10, 1e-10));
        Assert.True(q.MT.MatMul(q).AllClose(Tensor.Eye(3, dtype: DType.Float64), 1e-10, 1e-10));
        Assert.True(r.Tril(-1).Abs().Max().Item<double>() == 0);
        Values.Shape([4, 4], Linalg.Qr(a, Linalg.QrMode.Complete).Q);
    }

    [Fact]
    public void Pinv_and_lstsq_solve_least_squares_problems()
    {
        using var scope = DisposeScope.Begin();
        var a = A();
        var b = Tensor.From(new double[,] { { 1 }, { 2 }, { 3 }, { 4 } });
        var viaPinv = Linalg.Pinv(a).MatMul(b);
        var viaLstsq = Linalg.Lstsq(a, b);
        var viaNormalEquations = Linalg.Solve(a.MT.MatMul(a), a.MT.MatMul(b));
        Assert.True(viaPinv.AllClose(viaNormalEquations, 1e-9, 1e-9));
        Assert.True(viaLstsq.AllClose(viaNormalEquations, 1e-9, 1e-9));
        Assert.True(a.MatMul(Linalg.Pinv(a)).MatMul(a).AllClose(a, 1e-9, 1e-9));
    }

    [Fact]
    public void Inverse_determinant_cholesky_and_eigh_agree()
    {
        using var scope = DisposeScope.Begin();
        var spd = Tensor.From(new double[,] { { 4, 1 }, { 1, 3 } });
        Assert.True(Linalg.Inv(spd).MatMul(spd).AllClose(Tensor.Eye(2, dtype: DType.Float64), 1e-12, 1e-12));
        Assert.Equal(11.0, Linalg.Det(spd).Item<double>(), 12);
        var l = Linalg.Cholesky(spd);
        Assert.True(l.MatMul(l.MT).AllClose(spd, 1e-12, 1e-12));
        var (values, vectors) = Linalg.Eigh(spd);
        Assert.True(vectors.MatMul(values.DiagEmbed()).MatMul(vectors.MT).AllClose(spd, 1e-12, 1e-12));
        Assert.True(values.AllClose(Linalg.EigvalsH(spd)));
        Values.Equal([Math.E, 0, 0, Math.E], Linalg.MatrixExp(Tensor.Eye(2, dtype: DType.Float64)), 1e-12);
    }
}
