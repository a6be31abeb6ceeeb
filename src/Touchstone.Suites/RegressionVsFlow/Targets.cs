using Touchstone.Suites.Common.Numpy;

namespace Touchstone.Suites.RegressionVsFlow;

/// <summary>
/// The source's target functions (toyexp/common/datasets.py, TargetFunctionDataset and
/// ProjectedTargetFunctionDataset). Component k of output dimension d is w·trig(ω c + φ) with ω the
/// (2(dK + k))-th prime, φ the next prime ÷ 10, w = 1 (the "uniform" weight strategy) and trig = sin for even k,
/// cos for odd k. The projection task maps f(c) through P_i, the projection onto the column space of a seeded
/// Gaussian A_i (target_dim × low_dim), where i is the interval of c: the first version has one interval, the
/// final version ten. The final version's Lie task concatenates K rotating 2-vectors w_i(c) R(α_i c) e₁, whose
/// weights w_i are built like the components of a dimension here (see <see cref="TargetTask.Lie"/>).
/// </summary>
public sealed class Targets
{
    private readonly TargetConfig _config;
    private readonly double[] _frequencies;
    private readonly double[] _phases;
    private readonly LieConfig? _lie;
    private readonly double[] _alphas = [];
    private readonly float[] _start = [];

    /// <summary>
    /// Builds the functions and, for the projection task, one projection matrix per interval; for the Lie task
    /// <paramref name="lie"/> gives the rotations.
    /// </summary>
    public Targets(TargetConfig config, LieConfig? lie = null)
    {
        _config = config;
        if (config.Task == TargetTask.Lie)
        {
            _lie = lie ?? throw new ArgumentException("The lie task needs its rotations (lie:).", nameof(lie));
            _alphas = Enumerable.Range(0, lie.NumRotations).Select(i => Linspace(lie.AlphaMin, lie.AlphaMax, lie.NumRotations, i)).ToArray();
            _start = StartVector(lie.RotationDim, lie.RotationSeed);
        }
        // One weight function per output dimension, or per rotating component in the Lie task.
        var count = (_lie?.NumRotations ?? config.TargetDim) * config.NumComponents;
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
            f[d] = Weight(d, c);
        }
        return f;
    }

    /// <summary>Σ_k trig_k(ω_{d,k} c + φ_{d,k}): output dimension d of f, or the weight w_d of rotation d in the Lie task.</summary>
    private double Weight(int d, double c)
    {
        var sum = 0.0;
        for (var k = 0; k < _config.NumComponents; k++)
        {
            var j = d * _config.NumComponents + k;
            var argument = _frequencies[j] * c + _phases[j];
            sum += k % 2 == 1 ? Math.Cos(argument) : Math.Sin(argument);
        }
        return sum;
    }

    /// <summary>The target at c: f(c) for reconstruction, P_{interval(c)} f(c) for projection, [w_i(c) R(α_i c) e₁]_i for Lie.</summary>
    public double[] Value(double c) => _config.Task switch
    {
        TargetTask.Proj => DenseMatrix.Apply(Projections[IntervalOf(c)], Base(c)),
        TargetTask.Lie => Rotations(c),
        _ => Base(c),
    };

    /// <summary>The Lie task's rotation velocities α_i = linspace(alpha_min, alpha_max, K); empty for the other tasks.</summary>
    public IReadOnlyList<double> Alphas => _alphas;

    /// <summary>The Lie task's unit start vector e₁ (float32, as the source stores it); empty for the other tasks.</summary>
    public IReadOnlyList<float> Start => _start;

    /// <summary>
    /// The manifold direction of rotation i at c, R(α_i c) e₁, in float32 as the source's get_manifold_vectors (its
    /// rotation matrix and e₁ are float32).
    /// </summary>
    public (float X, float Y) Direction(int i, double c)
    {
        var angle = _alphas[i] * c;
        float cos = (float)Math.Cos(angle), sin = (float)Math.Sin(angle);
        return (cos * _start[0] - sin * _start[1], sin * _start[0] + cos * _start[1]);
    }

    private double[] Rotations(double c)
    {
        var f = new double[2 * _alphas.Length];
        for (var i = 0; i < _alphas.Length; i++)
        {
            // The source scales the float32 rotated vector by its float64 weight; NumPy keeps the product float32.
            var (x, y) = Direction(i, c);
            var w = Weight(i, c);
            f[2 * i] = (float)(w * x);
            f[2 * i + 1] = (float)(w * y);
        }
        return f;
    }

    /// <summary>e₁ = randn(n) / ‖randn(n)‖ after np.random.seed(seed), cast to float32 (SO(2): A is fixed, so randn's first draws are e₁).</summary>
    private static float[] StartVector(int n, int seed)
    {
        var gaussian = new NumpyLegacyGaussian((uint)seed);
        var v = new double[n];
        for (var i = 0; i < n; i++)
        {
            v[i] = (float)gaussian.NextGaussian();
        }
        var norm = (float)Math.Sqrt(v.Sum(x => x * x));
        return v.Select(x => (float)x / norm).ToArray();
    }

    /// <summary>
    /// The source's grid sampling: np.linspace(c_min, c_max, n) cast to float32, with the targets computed from
    /// those float32 values and stored as float32 (row-major, n × target_dim).
    /// </summary>
    public (float[] C, float[] X) Grid(int n) => Grid(n, targetsFromFloat32: true);

    /// <summary>
    /// The evaluation grid: as <see cref="Grid(int)"/>, except that the Lie task's generate_eval_data computes the
    /// targets from the float64 linspace before casting c to float32.
    /// </summary>
    public (float[] C, float[] X) EvalGrid(int n) => Grid(n, targetsFromFloat32: _config.Task != TargetTask.Lie);

    private (float[] C, float[] X) Grid(int n, bool targetsFromFloat32)
    {
        var c = new float[n];
        var x = new float[n * Dim];
        for (var i = 0; i < n; i++)
        {
            var exact = Linspace(_config.CMin, _config.CMax, n, i);
            c[i] = (float)exact;
            var value = Value(targetsFromFloat32 ? c[i] : exact);
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
