using Touchstone.Torch.Interop;

namespace Touchstone.Torch;

/// <summary>Linear algebra, as torch.linalg (batched over leading dimensions, differentiable).</summary>
/// <example><code>
/// var (u, s, vh) = Linalg.Svd(a);
/// var x = Linalg.Lstsq(a, b);           // argmin ‖a x − b‖
/// var sigmaMax = Linalg.MatrixNorm(a, "nuc");
/// </code></example>
public static class Linalg
{
    /// <summary>a = U diag(S) Vh, singular values descending; thin unless fullMatrices.</summary>
    public static (Tensor U, Tensor S, Tensor Vh) Svd(Tensor a, bool fullMatrices = false)
    {
        Native.Check(NativeMethods.ts_svd(a.Handle, fullMatrices, out var u, out var s, out var vh), "linalg.svd");
        return (new Tensor(u), new Tensor(s), new Tensor(vh));
    }

    /// <summary>How much of Q and R <see cref="Qr"/> returns.</summary>
    public enum QrMode
    {
        /// <summary>Q (m, k) and R (k, n) with k = min(m, n).</summary>
        Reduced = 0,
        /// <summary>Q (m, m) and R (m, n).</summary>
        Complete = 1,
        /// <summary>R only (Q is empty).</summary>
        R = 2,
    }

    /// <summary>a = Q R with orthonormal Q and upper-triangular R.</summary>
    public static (Tensor Q, Tensor R) Qr(Tensor a, QrMode mode = QrMode.Reduced)
    {
        Native.Check(NativeMethods.ts_qr(a.Handle, (int)mode, out var q, out var r), "linalg.qr");
        return (new Tensor(q), new Tensor(r));
    }

    /// <summary>Eigenvalues (ascending) and eigenvectors of a symmetric matrix.</summary>
    public static (Tensor Values, Tensor Vectors) Eigh(Tensor a)
    {
        Native.Check(NativeMethods.ts_eigh(a.Handle, out var values, out var vectors), "linalg.eigh");
        return (new Tensor(values), new Tensor(vectors));
    }

    /// <summary>The vector p-norm over all elements or the given dimensions.</summary>
    public static Tensor VectorNorm(Tensor x, double ord = 2, long[]? dims = null, bool keepdim = false) =>
        Native.Wrap(NativeMethods.ts_vector_norm(x.Handle, ord, dims ?? [], dims?.Length ?? 0, dims is null, keepdim), "linalg.vector_norm");

    /// <summary>A matrix norm over the last two dimensions: "fro" (Frobenius) or "nuc" (nuclear).</summary>
    public static Tensor MatrixNorm(Tensor a, string ord = "fro", bool keepdim = false) =>
        ord is "fro" or "nuc"
            ? Native.Wrap(NativeMethods.ts_matrix_norm(a.Handle, ord, 0, keepdim), "linalg.matrix_norm")
            : throw new ArgumentException($"matrix norm order '{ord}' is not one of fro, nuc (give a number for the others)", nameof(ord));

    /// <summary>A matrix norm of numeric order: 1, -1, 2 (largest singular value), -2, or ±infinity.</summary>
    public static Tensor MatrixNorm(Tensor a, double ord, bool keepdim = false) =>
        Native.Wrap(NativeMethods.ts_matrix_norm(a.Handle, null, ord, keepdim), "linalg.matrix_norm");

    /// <summary>The Moore–Penrose pseudo-inverse.</summary>
    public static Tensor Pinv(Tensor a) => Unary(a, LinalgOp.Pinv, "linalg.pinv");
    /// <summary>The inverse of a square matrix.</summary>
    public static Tensor Inv(Tensor a) => Unary(a, LinalgOp.Inv, "linalg.inv");
    /// <summary>The determinant.</summary>
    public static Tensor Det(Tensor a) => Unary(a, LinalgOp.Det, "linalg.det");
    /// <summary>The lower Cholesky factor of a symmetric positive-definite matrix.</summary>
    public static Tensor Cholesky(Tensor a) => Unary(a, LinalgOp.Cholesky, "linalg.cholesky");
    /// <summary>Eigenvalues (ascending) of a symmetric matrix.</summary>
    public static Tensor EigvalsH(Tensor a) => Unary(a, LinalgOp.EigvalsH, "linalg.eigvalsh");
    /// <summary>The matrix exponential.</summary>
    public static Tensor MatrixExp(Tensor a) => Unary(a, LinalgOp.MatrixExp, "linalg.matrix_exp");

    /// <summary>x with a x = b for square, invertible a.</summary>
    public static Tensor Solve(Tensor a, Tensor b) => Native.Wrap(NativeMethods.ts_linalg_solve(a.Handle, b.Handle), "linalg.solve");

    /// <summary>The least-squares solution x of a x ≈ b (the solution of torch.linalg.lstsq).</summary>
    public static Tensor Lstsq(Tensor a, Tensor b) => Native.Wrap(NativeMethods.ts_lstsq(a.Handle, b.Handle), "linalg.lstsq");

    private static Tensor Unary(Tensor a, LinalgOp op, string name) => Native.Wrap(NativeMethods.ts_linalg_unary(a.Handle, (int)op), name);
}
