namespace Touchstone.Suites.Common.Numpy;

/// <summary>
/// NumPy's PCG64 bit generator (numpy/random/src/pcg64/pcg64.h: 128-bit LCG, XSL-RR output) with its 32-bit
/// buffering: a 32-bit draw takes the low half of a fresh 64-bit output and keeps the high half for the next
/// 32-bit draw, while 64-bit draws and doubles leave that buffer alone — so interleavings match NumPy's.
/// </summary>
public sealed class Pcg64
{
    private static readonly UInt128 Multiplier = new(2549297995355413924UL, 4865540595714422341UL);
    private readonly UInt128 _increment;
    private UInt128 _state;
    private uint? _spare32;

    /// <summary>The generator of <c>np.random.PCG64(seed)</c>, i.e. of <c>np.random.default_rng(seed)</c>.</summary>
    public Pcg64(ulong seed)
    {
        var words = SeedSequence.GenerateState64(seed, 4);
        // pcg64_set_seed: words 0–1 are the initial state (high, low), words 2–3 the stream selector.
        var initState = new UInt128(words[0], words[1]);
        var initSequence = new UInt128(words[2], words[3]);
        _increment = (initSequence << 1) | 1;
        _state = 0;
        Step();
        _state += initState;
        Step();
    }

    /// <summary>The next 64-bit output (<c>next_uint64</c>, also <c>bit_generator.random_raw()</c>).</summary>
    public ulong NextUInt64()
    {
        Step();
        var high = (ulong)(_state >> 64);
        var low = (ulong)_state;
        return ulong.RotateRight(high ^ low, (int)(high >> 58));
    }

    /// <summary>The next 32-bit output (<c>next_uint32</c>): halves of one 64-bit output, low half first.</summary>
    public uint NextUInt32()
    {
        if (_spare32 is { } spare)
        {
            _spare32 = null;
            return spare;
        }
        var next = NextUInt64();
        _spare32 = (uint)(next >> 32);
        return (uint)next;
    }

    /// <summary>Uniform on [0, 1) from the top 53 bits of a 64-bit output (<c>next_double</c>).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

    private void Step() => _state = _state * Multiplier + _increment;
}
