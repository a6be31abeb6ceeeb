using System.Security.Cryptography;
using System.Text;

namespace Touchstone.Suites.Common;

/// <summary>
/// The random source of every data generator: xoshiro256** seeded through SplitMix64. Written out here rather
/// than taken from System.Random (whose seeded algorithm is not promised to stay the same across .NET versions) or
/// from libtorch (whose streams differ between versions and devices), so a data set and its hash depend on the
/// seed alone. Streams for separate purposes come from <see cref="Fork"/>, never from sharing one instance.
/// </summary>
public sealed class SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;
    private double? _spareNormal;

    /// <summary>A stream determined by <paramref name="seed"/>.</summary>
    public SeededRandom(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>
    /// An independent stream for a named purpose (e.g. <c>"train"</c>, <c>"noise"</c>), derived from this stream's
    /// seed material and the name, without advancing this stream.
    /// </summary>
    public SeededRandom Fork(string purpose)
    {
        Span<byte> material = stackalloc byte[32];
        BitConverter.TryWriteBytes(material[..8], _s0);
        BitConverter.TryWriteBytes(material[8..16], _s1);
        BitConverter.TryWriteBytes(material[16..24], _s2);
        BitConverter.TryWriteBytes(material[24..], _s3);
        var name = Encoding.UTF8.GetBytes(purpose);
        var hash = SHA256.HashData([.. material, .. name]);
        return new SeededRandom(BitConverter.ToUInt64(hash, 0));
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform on [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public double Uniform(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>Log-uniform on [<paramref name="low"/>, <paramref name="high"/>): uniform in log space.</summary>
    public double LogUniform(double low, double high) => Math.Exp(Uniform(Math.Log(low), Math.Log(high)));

    /// <summary>Uniform integer in [0, <paramref name="count"/>), without modulo bias.</summary>
    public int NextInt(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var bound = (ulong)count;
        var limit = ulong.MaxValue - ulong.MaxValue % bound;
        ulong draw;
        do
        {
            draw = NextUInt64();
        }
        while (draw >= limit);
        return (int)(draw % bound);
    }

    /// <summary>Uniform integer in [<paramref name="low"/>, <paramref name="high"/>] (both ends included).</summary>
    public int NextInt(int low, int high) => low + NextInt(high - low + 1);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Bernoulli(double p) => NextDouble() < p;

    /// <summary>Standard normal, by the Box–Muller transform (pairs are used in turn).</summary>
    public double Normal()
    {
        if (_spareNormal is { } spare)
        {
            _spareNormal = null;
            return spare;
        }
        // 1 - U keeps the logarithm's argument in (0, 1].
        var radius = Math.Sqrt(-2.0 * Math.Log(1.0 - NextDouble()));
        var angle = 2.0 * Math.PI * NextDouble();
        _spareNormal = radius * Math.Sin(angle);
        return radius * Math.Cos(angle);
    }

    /// <summary>Normal with the given mean and standard deviation.</summary>
    public double Normal(double mean, double sd) => mean + sd * Normal();

    /// <summary>Shuffles <paramref name="items"/> in place (Fisher–Yates).</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
