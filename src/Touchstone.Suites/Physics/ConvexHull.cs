namespace Touchstone.Suites.Physics;

/// <summary>
/// Exact convex-hull membership in any dimension: q lies in the hull of points p_i iff some λ ≥ 0 with Σλ = 1 has
/// Σ λ_i p_i = q, a linear feasibility problem solved here by phase 1 of the simplex method with Bland's rule (so it
/// always terminates). Coordinates are first scaled by the points' ranges, which leaves membership unchanged and
/// makes <see cref="Tolerance"/> relative.
/// </summary>
public sealed class ConvexHull
{
    /// <summary>Residual below which a point counts as inside (in range-scaled units).</summary>
    public const double Tolerance = 1e-9;

    private readonly double[][] _points;
    private readonly double[] _low;
    private readonly double[] _scale;

    /// <summary>Builds the hull of <paramref name="points"/> (each the same length).</summary>
    public ConvexHull(IReadOnlyList<double[]> points)
    {
        if (points.Count == 0)
        {
            throw new ArgumentException("A convex hull needs at least one point.", nameof(points));
        }

        var dims = points[0].Length;
        _low = [.. Enumerable.Range(0, dims).Select(d => points.Min(p => p[d]))];
        _scale = [.. Enumerable.Range(0, dims).Select(d => Math.Max(points.Max(p => p[d]) - _low[d], double.Epsilon))];
        _points = [.. points.Select(Scale)];
    }

    /// <summary>Whether <paramref name="query"/> lies in the hull (boundary included).</summary>
    public bool Contains(double[] query)
    {
        var q = Scale(query);
        var dims = q.Length;
        var n = _points.Length;
        var rows = dims + 1;
        var columns = n + rows + 1; // λ, artificials, right-hand side
        var tableau = new double[rows + 1, columns];
        var basis = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            var rhs = r < dims ? q[r] : 1.0;
            var sign = rhs < 0 ? -1.0 : 1.0;
            for (var j = 0; j < n; j++)
            {
                tableau[r, j] = sign * (r < dims ? _points[j][r] : 1.0);
            }

            tableau[r, n + r] = 1;
            tableau[r, columns - 1] = sign * rhs;
            basis[r] = n + r;
        }

        // Objective row: minimise the sum of artificials, written in terms of the non-basic columns.
        for (var j = 0; j < columns; j++)
        {
            if (j >= n && j < n + rows)
            {
                continue;
            }

            for (var r = 0; r < rows; r++)
            {
                tableau[rows, j] -= tableau[r, j];
            }
        }

        while (true)
        {
            var entering = -1;
            for (var j = 0; j < n + rows; j++)
            {
                if (tableau[rows, j] < -Tolerance)
                {
                    entering = j;
                    break;
                }
            }

            if (entering < 0)
            {
                return -tableau[rows, columns - 1] <= Tolerance;
            }

            var leaving = -1;
            var best = double.PositiveInfinity;
            for (var r = 0; r < rows; r++)
            {
                if (tableau[r, entering] <= Tolerance)
                {
                    continue;
                }

                var ratio = tableau[r, columns - 1] / tableau[r, entering];
                if (ratio < best - Tolerance || (Math.Abs(ratio - best) <= Tolerance && basis[r] < basis[leaving]))
                {
                    best = ratio;
                    leaving = r;
                }
            }

            if (leaving < 0)
            {
                // Phase 1 is bounded below by 0, so this only happens when rounding hides the pivot: stop here.
                return -tableau[rows, columns - 1] <= Tolerance;
            }

            Pivot(tableau, leaving, entering);
            basis[leaving] = entering;
        }
    }

    private static void Pivot(double[,] tableau, int row, int column)
    {
        var columns = tableau.GetLength(1);
        var pivot = tableau[row, column];
        for (var j = 0; j < columns; j++)
        {
            tableau[row, j] /= pivot;
        }

        for (var r = 0; r < tableau.GetLength(0); r++)
        {
            var factor = tableau[r, column];
            if (r == row || factor == 0)
            {
                continue;
            }

            for (var j = 0; j < columns; j++)
            {
                tableau[r, j] -= factor * tableau[row, j];
            }
        }
    }

    private double[] Scale(double[] point) => [.. point.Select((v, d) => (v - _low[d]) / _scale[d])];
}
