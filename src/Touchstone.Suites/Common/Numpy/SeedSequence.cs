namespace Touchstone.Suites.Common.Numpy;

/// <summary>
/// NumPy's <c>SeedSequence</c> (numpy/random/bit_generator.pyx, NumPy ≥ 1.17) for a non-negative integer seed
/// without spawn key: the seed's 32-bit words are hashed into a pool of four words, from which any number of
/// state words is drawn. <c>np.random.default_rng(seed)</c> seeds PCG64 with four 64-bit words of it.
/// </summary>
public static class SeedSequence
{
    private const uint InitA = 0x43b0d7e5, MultA = 0x931e8875, InitB = 0x8b51f9dd, MultB = 0x58f38ded;
    private const uint MixMultL = 0xca01f9dd, MixMultR = 0x4973f715;
    private const int XShift = 16, PoolSize = 4;

    /// <summary>The first <paramref name="count"/> 64-bit state words of <c>SeedSequence(seed)</c>.</summary>
    public static ulong[] GenerateState64(ulong seed, int count)
    {
        var pool = Pool(Words(seed));
        var words = new ulong[count];
        var hashConst = InitB;
        for (var i = 0; i < 2 * count; i++)
        {
            var value = pool[i % PoolSize] ^ hashConst;
            hashConst *= MultB;
            value *= hashConst;
            value ^= value >> XShift;
            // NumPy draws 32-bit words and views pairs of them as little-endian 64-bit words.
            words[i / 2] |= (ulong)value << (32 * (i % 2));
        }
        return words;
    }

    /// <summary>The seed as NumPy coerces an integer: its 32-bit words, least significant first; 0 is one word.</summary>
    private static uint[] Words(ulong seed) => seed >> 32 == 0 ? [(uint)seed] : [(uint)seed, (uint)(seed >> 32)];

    private static uint[] Pool(uint[] entropy)
    {
        var pool = new uint[PoolSize];
        var hashConst = InitA;
        for (var i = 0; i < PoolSize; i++)
        {
            pool[i] = HashMix(i < entropy.Length ? entropy[i] : 0, ref hashConst);
        }
        for (var src = 0; src < PoolSize; src++)
        {
            for (var dst = 0; dst < PoolSize; dst++)
            {
                if (src != dst)
                {
                    pool[dst] = Mix(pool[dst], HashMix(pool[src], ref hashConst));
                }
            }
        }
        // Entropy beyond the pool size (never for a 64-bit seed) would be mixed in here.
        return pool;
    }

    private static uint HashMix(uint value, ref uint hashConst)
    {
        value ^= hashConst;
        hashConst *= MultA;
        value *= hashConst;
        return value ^ (value >> XShift);
    }

    private static uint Mix(uint x, uint y)
    {
        var result = MixMultL * x - MixMultR * y;
        return result ^ (result >> XShift);
    }
}
