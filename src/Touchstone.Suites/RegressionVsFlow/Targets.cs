using Touchstone.Suites.Common.Numpy;

namespace Touchstone.Suites.RegressionVsFlow;

/// <summary>
/// The source's target functions (toyexp/common/datasets.py, TargetFunctionDataset and
/// ProjectedTargetFunctionDataset). Component k of output dimension d is w·trig(ω c + φ) with ω the
/// (2(dK + k))-th prime, φ the next prime ÷ 10, w = 1 (the "uniform" weight strategy) and trig = sin for even k,
/// cos for odd k. The projection task maps f(c) through P_i, the projection onto the column space of a seeded
/// Gaussian A_i (target_dim × low_dim), where i is the interval of c: the first version has one interval, the
/// final version ten.
/// </summary>
public sealed class Targets
{
    private readonly TargetConfig _config;
    private readonly double[] _frequencies;
    private readonly double[] _phases;

    /// <summary>Builds the functions and, for the projection task, one projection matrix per interval.</summary>
    public Targets(TargetConfig config)
    {
        _config = config;
        var count = config.TargetDim * config.NumComponents;
        var primes = Primes(2 * count);
        _frequencies = new double[count];
        _phases = new double[count];
        for (var j = 0; j < count; j++)
        {
            _frequencies[j] = primes[2 * j];
            _phases[j] = primes[2 * j + 1] / 10.0;
        }
        Projections = config.Task == TargetTask.Proj
            ? Enumerable.Range(0, config.NumIntervals).Select(i => ProjectionMatrix(config.TargetDim, config.LowDim, config.ProjSeed + i)).ToArray()
            : [];
    }

    /// <summary>The settings the targets were built from.</summary>
    public TargetConfig Config => _config;

    /// <summary>Output width of the target (1 for reconstruction in the source's configs, 8 for projection).</summary>
    public int Dim => _config.TargetDim;

    /// <summary>The projection matrices P_i (row-major, target_dim × target_dim), one per interval; empty for recon.</summary>
    public IReadOnlyList<double[,]> Projections { get; }

    /// <summary>The first <paramref name="n"/> primes (the source's get_primes).</summary>
    public static int[] Primes(int n)
    {
        var primes = new List<int>(n);
        for (var candidate = 2; primes.Count < n; candidate++)
        {
            if (primes.TakeWhile(p => p * p <= candidate).All(p => candidate % p != 0))
            {
                primes.Add(candidate);
            }
        }
        return [.. primes];
    }

    /// <summary>
    /// P = A (AᵀA + 1e-10 I)⁻¹ Aᵀ with A = np.random.randn(dim, rank) after np.random.seed(seed), as the source
    /// builds it (its 1e-10 regularisation included).
    /// </summary>
    public static double[,] ProjectionMatrix(int dim, int rank, int seed)
    {
        var a = new NumpyLegacyGaussian((uint)seed).NextGaussianMatrix(dim, rank);
        var gram = new double[rank, rank];
        for (var i = 0; i < rank; i++)
        {
            for (var j = 0; j < rank; j++)
            {
                for (var k = 0; k < dim; k++)
                {
                    gram[i, j] += a[k, i] * a[k, j];
                }
            }
            gram[i, i] += 1e-10;
        }
        var inverse = DenseMatrix.Inverse(gram);
        var p = new double[dim, dim];
        for (var r = 0; r < dim; r++)
        {
            for (var c = 0; c < dim; c++)
            {
                for (var i = 0; i < rank; i++)
                {
                    for (var j = 0; j < rank; j++)
                    {
                        p[r, c] += a[r, i] * inverse[i, j] * a[c, j];
                    }
                }
            }
        }
        return p;
    }

    /// <summary>The interval of <paramref name="c"/>: int((c − c_min)/(c_max − c_min) · n), clamped (the source's _get_interval_id).</summary>
    public int IntervalOf(double c)
    {
        var normalized = (c - _config.CMin) / (_config.CMax - _config.CMin);
        return Math.Clamp((int)(normalized * _config.NumIntervals), 0, _config.NumIntervals - 1);
    }

    /// <summary>The unprojected f(c), one value per output dimension.</summary>
    public double[] Base(double c)
    {
        var f = new double[_config.TargetDim];
        for (var d = 0; d < f.Length; d++)
        {
            for (var k = 0; k < _config.NumComponents; k++)
            {
                var j = d * _config.NumComponents + k;
                var argument = _frequencies[j] * c + _phases[j];
                f[d] += k % 2 == 1 ? Math.Cos(argument) : Math.Sin(argument);
            }
        }
        return f;
    }

    /// <summary>The target at c: f(c) for reconstruction, P_{interval(c)} f(c) for projection.</summary>
    public double[] Value(double c)
    {
        var f = Base(c);
        return _config.Task == TargetTask.Proj ? DenseMatrix.Apply(Projections[IntervalOf(c)], f) : f;
    }

    /// <summary>
    /// The source's grid sampling: np.linspace(c_min, c_max, n) cast to float32, with the targets computed from
    /// those float32 values and stored as float32 (row-major, n × target_dim).
    /// </summary>
    public (float[] C, float[] X) Grid(int n)
    {
        var c = new float[n];
        var x = new float[n * Dim];
        for (var i = 0; i < n; i++)
        {
            c[i] = (float)Linspace(_config.CMin, _config.CMax, n, i);
            var value = Value(c[i]);
            for (var d = 0; d < Dim; d++)
            {
                x[i * Dim + d] = (float)value[d];
            }
        }
        return (c, x);
    }

    /// <summary>Point i of np.linspace(start, stop, n) (the last point is exactly stop).</summary>
    public static double Linspace(double start, double stop, int n, int i) =>
        n == 1 ? start : i == n - 1 ? stop : start + i * ((stop - start) / (n - 1));
}
