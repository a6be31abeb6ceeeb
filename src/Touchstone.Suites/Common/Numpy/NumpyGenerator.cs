namespace Touchstone.Suites.Common.Numpy;

/// <summary>
/// The sampling routines of <c>np.random.Generator</c> (numpy/random/_generator.pyx and
/// numpy/random/src/distributions/distributions.c, NumPy 1.17–2.x) over <see cref="Pcg64"/>, drawn in the same
/// order and by the same algorithms, so that a port of a NumPy data generator reproduces its draws exactly.
/// Two bounded-integer algorithms coexist in NumPy and both are needed: <c>shuffle</c>/<c>permutation</c> use
/// masked rejection (<c>random_interval</c>), while <c>integers</c> and <c>choice</c> use Lemire's
/// multiply-shift rejection (<c>random_bounded_uint64</c>). Ranges beyond 32 bits are not supported.
/// </summary>
public sealed class NumpyGenerator(ulong seed)
{
    private readonly Pcg64 _bits = new(seed);

    /// <summary><c>rng.uniform()</c>: uniform on [0, 1).</summary>
    public double Uniform() => _bits.NextDouble();

    /// <summary><c>rng.integers(low, high)</c>: a uniform integer in [low, high).</summary>
    public long Integers(long low, long high)
    {
        if (high <= low)
        {
            throw new ArgumentOutOfRangeException(nameof(high), $"integers: high ({high}) must exceed low ({low}).");
        }
        return low + (long)Bounded((ulong)(high - low - 1));
    }

    /// <summary><c>rng.choice(items)</c>: one element, drawn as <c>items[rng.integers(0, len(items))]</c>.</summary>
    public T Choice<T>(IReadOnlyList<T> items) => items[(int)Integers(0, items.Count)];

    /// <summary>
    /// <c>rng.choice(population, size, replace=False)</c> (shuffle on): Floyd's algorithm followed by a shuffle of
    /// the sample, or, for populations above 10 000 when size exceeds population // 50, a partial tail shuffle.
    /// </summary>
    public long[] ChoiceWithoutReplacement(long population, long size)
    {
        if (size < 0 || size > population)
        {
            throw new ArgumentOutOfRangeException(nameof(size), $"choice: size {size} must lie in [0, population {population}].");
        }
        if (population > 10000 && size > population / 50)
        {
            var all = new long[population];
            for (var i = 0; i < population; i++)
            {
                all[i] = i;
            }
            ShuffleLemire(all, Math.Max(population - size, 1));
            return all[(int)(population - size)..];
        }
        var sample = new long[size];
        var seen = new HashSet<long>();
        for (var j = population - size; j < population; j++)
        {
            var value = (long)Bounded((ulong)j);
            // Floyd: a value already taken is replaced by j itself, which cannot have been taken yet.
            if (!seen.Add(value))
            {
                value = j;
                seen.Add(j);
            }
            sample[j - population + size] = value;
        }
        ShuffleLemire(sample, 1);
        return sample;
    }

    /// <summary><c>rng.shuffle(items)</c>: Fisher–Yates from the last element down, masked rejection draws.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i >= 1; i--)
        {
            var j = (int)Interval((ulong)i);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary><c>rng.permutation(n)</c>: a shuffled <c>arange(n)</c>.</summary>
    public int[] Permutation(int n)
    {
        var items = Enumerable.Range(0, n).ToArray();
        Shuffle(items);
        return items;
    }

    /// <summary><c>rng.permutation(items)</c>: a shuffled copy.</summary>
    public T[] Permutation<T>(IEnumerable<T> items)
    {
        var copy = items.ToArray();
        Shuffle(copy);
        return copy;
    }

    /// <summary><c>_shuffle_int</c> of <c>choice</c>: like <see cref="Shuffle{T}"/> but with Lemire draws, down to <paramref name="first"/>.</summary>
    private void ShuffleLemire(long[] items, long first)
    {
        for (var i = items.LongLength - 1; i >= first; i--)
        {
            var j = (long)Bounded((ulong)i);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary><c>random_interval(max)</c>: uniform on [0, max] by masking to the next power of two and rejecting.</summary>
    private ulong Interval(ulong max)
    {
        if (max == 0)
        {
            return 0;
        }
        RequireThirtyTwoBits(max);
        var mask = ulong.MaxValue >> (int)ulong.LeadingZeroCount(max);
        ulong value;
        while ((value = _bits.NextUInt32() & mask) > max)
        {
        }
        return value;
    }

    /// <summary><c>random_bounded_uint64(off=0, rng, use_masked=False)</c>: uniform on [0, rng], Lemire's method.</summary>
    private ulong Bounded(ulong range)
    {
        if (range == 0)
        {
            return 0;
        }
        RequireThirtyTwoBits(range);
        if (range == uint.MaxValue)
        {
            return _bits.NextUInt32();
        }
        var exclusive = range + 1;
        var product = _bits.NextUInt32() * exclusive;
        var leftover = product & uint.MaxValue;
        if (leftover < exclusive)
        {
            // 2^32 mod exclusive: the low words below it are the biased ones.
            var threshold = (uint.MaxValue - range) % exclusive;
            while (leftover < threshold)
            {
                product = _bits.NextUInt32() * exclusive;
                leftover = product & uint.MaxValue;
            }
        }
        return product >> 32;
    }

    private static void RequireThirtyTwoBits(ulong range)
    {
        if (range > uint.MaxValue)
        {
            throw new NotSupportedException($"NumpyGenerator: ranges above 2^32 are not ported (got {range}).");
        }
    }
}
