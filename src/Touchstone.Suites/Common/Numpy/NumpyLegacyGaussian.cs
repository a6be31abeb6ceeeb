namespace Touchstone.Suites.Common.Numpy;

/// <summary>
/// NumPy's legacy global generator as the source uses it: <c>np.random.seed(s)</c> (MT19937 seeded with
/// init_genrand) followed by <c>np.random.randn(...)</c> (the polar Box–Muller method over 53-bit doubles, which
/// returns the second of each pair first and keeps the other for the next call). Written out so that the
/// projection matrices are the source's own for its proj_seed, not merely matrices of the same kind.
/// </summary>
public sealed class NumpyLegacyGaussian
{
    private const int N = 624, M = 397;
    private readonly uint[] _mt = new uint[N];
    private int _index = N;
    private double? _spare;

    /// <summary>The stream <c>np.random.seed(<paramref name="seed"/>)</c> starts.</summary>
    public NumpyLegacyGaussian(uint seed)
    {
        _mt[0] = seed;
        for (var i = 1; i < N; i++)
        {
            _mt[i] = unchecked(1812433253u * (_mt[i - 1] ^ (_mt[i - 1] >> 30)) + (uint)i);
        }
    }

    /// <summary>The next standard normal draw, as <c>np.random.randn()</c> gives it.</summary>
    public double NextGaussian()
    {
        if (_spare is { } spare)
        {
            _spare = null;
            return spare;
        }
        double x1, x2, r2;
        do
        {
            x1 = 2.0 * NextDouble() - 1.0;
            x2 = 2.0 * NextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        }
        while (r2 >= 1.0 || r2 == 0.0);
        var f = Math.Sqrt(-2.0 * Math.Log(r2) / r2);
        _spare = f * x1;
        return f * x2;
    }

    /// <summary><c>np.random.randn(rows, cols)</c>: row-major draws.</summary>
    public double[,] NextGaussianMatrix(int rows, int cols)
    {
        var a = new double[rows, cols];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < cols; j++)
            {
                a[i, j] = NextGaussian();
            }
        }
        return a;
    }

    private double NextDouble()
    {
        var a = NextUInt32() >> 5;
        var b = NextUInt32() >> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    private uint NextUInt32()
    {
        if (_index >= N)
        {
            Twist();
        }
        var y = _mt[_index++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    private void Twist()
    {
        for (var i = 0; i < N; i++)
        {
            var y = (_mt[i] & 0x80000000u) | (_mt[(i + 1) % N] & 0x7fffffffu);
            _mt[i] = _mt[(i + M) % N] ^ (y >> 1) ^ ((y & 1u) != 0 ? 0x9908b0dfu : 0u);
        }
        _index = 0;
    }
}
