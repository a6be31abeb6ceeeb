namespace Touchstone.Suites.RegressionVsFlow;

/// <summary>
/// The few dense double-precision operations the targets and the subspace metrics need on matrices no larger than
/// the output width (8 × 8): done on the CPU in plain loops, so they are exact to the last bit on every machine.
/// </summary>
public static class DenseMatrix
{
    /// <summary>y = M x.</summary>
    public static double[] Apply(double[,] m, ReadOnlySpan<double> x)
    {
        var y = new double[m.GetLength(0)];
        for (var r = 0; r < y.Length; r++)
        {
            for (var c = 0; c < x.Length; c++)
            {
                y[r] += m[r, c] * x[c];
            }
        }
        return y;
    }

    /// <summary>The inverse of a small square matrix by Gauss–Jordan elimination with partial pivoting.</summary>
    public static double[,] Inverse(double[,] m)
    {
        var n = m.GetLength(0);
        var a = (double[,])m.Clone();
        var inv = Identity(n);
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = r;
                }
            }
            if (a[pivot, col] == 0)
            {
                throw new ArgumentException("DenseMatrix.Inverse: the matrix is singular.");
            }
            SwapRows(a, col, pivot);
            SwapRows(inv, col, pivot);
            var scale = 1 / a[col, col];
            for (var c = 0; c < n; c++)
            {
                a[col, c] *= scale;
                inv[col, c] *= scale;
            }
            for (var r = 0; r < n; r++)
            {
                if (r != col && a[r, col] != 0)
                {
                    var factor = a[r, col];
                    for (var c = 0; c < n; c++)
                    {
                        a[r, c] -= factor * a[col, c];
                        inv[r, c] -= factor * inv[col, c];
                    }
                }
            }
        }
        return inv;
    }

    /// <summary>The n × n identity.</summary>
    public static double[,] Identity(int n)
    {
        var m = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            m[i, i] = 1;
        }
        return m;
    }

    /// <summary>
    /// Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations: eigenvalues in descending order and
    /// the matching unit eigenvectors as the columns of the second result.
    /// </summary>
    public static (double[] Values, double[,] Vectors) SymmetricEigen(double[,] symmetric)
    {
        var n = symmetric.GetLength(0);
        var a = (double[,])symmetric.Clone();
        var v = Identity(n);
        for (var sweep = 0; sweep < 100 && OffDiagonal(a) > 1e-30 * Math.Max(1, Diagonal(a)); sweep++)
        {
            for (var p = 0; p < n - 1; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    if (a[p, q] == 0)
                    {
                        continue;
                    }
                    var theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
                    var t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    var cos = 1 / Math.Sqrt(t * t + 1);
                    var sin = t * cos;
                    Rotate(a, v, p, q, cos, sin);
                }
            }
        }
        var order = Enumerable.Range(0, n).OrderByDescending(i => a[i, i]).ToArray();
        var values = order.Select(i => a[i, i]).ToArray();
        var vectors = new double[n, n];
        for (var k = 0; k < n; k++)
        {
            for (var r = 0; r < n; r++)
            {
                vectors[r, k] = v[r, order[k]];
            }
        }
        return (values, vectors);
    }

    /// <summary>V_k V_kᵀ for the first <paramref name="k"/> columns of <paramref name="vectors"/>.</summary>
    public static double[,] ProjectorOnColumns(double[,] vectors, int k)
    {
        var n = vectors.GetLength(0);
        var p = new double[n, n];
        for (var r = 0; r < n; r++)
        {
            for (var c = 0; c < n; c++)
            {
                for (var i = 0; i < k; i++)
                {
                    p[r, c] += vectors[r, i] * vectors[c, i];
                }
            }
        }
        return p;
    }

    private static void Rotate(double[,] a, double[,] v, int p, int q, double cos, double sin)
    {
        var n = a.GetLength(0);
        for (var k = 0; k < n; k++)
        {
            var akp = a[k, p];
            var akq = a[k, q];
            a[k, p] = cos * akp - sin * akq;
            a[k, q] = sin * akp + cos * akq;
        }
        for (var k = 0; k < n; k++)
        {
            var apk = a[p, k];
            var aqk = a[q, k];
            a[p, k] = cos * apk - sin * aqk;
            a[q, k] = sin * apk + cos * aqk;
        }
        for (var k = 0; k < n; k++)
        {
            var vkp = v[k, p];
            var vkq = v[k, q];
            v[k, p] = cos * vkp - sin * vkq;
            v[k, q] = sin * vkp + cos * vkq;
        }
    }

    private static double OffDiagonal(double[,] a)
    {
        var sum = 0.0;
        for (var r = 0; r < a.GetLength(0); r++)
        {
            for (var c = 0; c < a.GetLength(1); c++)
            {
                sum += r == c ? 0 : a[r, c] * a[r, c];
            }
        }
        return sum;
    }

    private static double Diagonal(double[,] a)
    {
        var sum = 0.0;
        for (var r = 0; r < a.GetLength(0); r++)
        {
            sum += a[r, r] * a[r, r];
        }
        return sum;
    }

    private static void SwapRows(double[,] m, int i, int j)
    {
        if (i == j)
        {
            return;
        }
        for (var c = 0; c < m.GetLength(1); c++)
        {
            (m[i, c], m[j, c]) = (m[j, c], m[i, c]);
        }
    }
}
