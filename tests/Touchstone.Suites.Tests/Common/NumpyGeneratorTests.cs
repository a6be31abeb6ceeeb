using Touchstone.Suites.Common.Numpy;

namespace Touchstone.Suites.Tests.Common;

/// <summary>
/// Every expected value below was printed by Debian's python3-numpy 1.24.2 (<c>np.random.default_rng(seed)</c>
/// and <c>np.random.SeedSequence</c>); the calls are named beside each assertion.
/// </summary>
public sealed class NumpyGeneratorTests
{
    [Fact]
    public void Seed_sequence_gives_numpys_state_words()
    {
        // SeedSequence(42).generate_state(4, np.uint64), (2**40 + 5) and (0).
        Assert.Equal([11465652750463011511UL, 15382171918060459190UL, 9018504550953525431UL, 3703499796004394495UL],
            SeedSequence.GenerateState64(42, 4));
        Assert.Equal([15772757452565124875UL, 9517702402565589804UL, 2676762931694213328UL, 4810540664340266707UL],
            SeedSequence.GenerateState64((1UL << 40) + 5, 4));
        Assert.Equal([15793235383387715774UL, 12390638538380655177UL], SeedSequence.GenerateState64(0, 2));
    }

    [Fact]
    public void Pcg64_gives_numpys_raw_outputs()
    {
        // default_rng(42).bit_generator.random_raw(3)
        var bits = new Pcg64(42);

        Assert.Equal(14276969152011380360UL, bits.NextUInt64());
        Assert.Equal(8095878257575067585UL, bits.NextUInt64());
        Assert.Equal(15838336090824644132UL, bits.NextUInt64());
    }

    [Fact]
    public void Permutation_matches_numpy_for_a_count_and_for_a_list()
    {
        // rng = default_rng(42); rng.permutation(10); rng.permutation([3, 1, 4, 1, 5, 9, 2, 6])
        var rng = new NumpyGenerator(42);

        Assert.Equal([5, 6, 0, 7, 3, 2, 4, 9, 1, 8], rng.Permutation(10));
        Assert.Equal([2, 6, 5, 4, 9, 1, 3, 1], rng.Permutation(new[] { 3, 1, 4, 1, 5, 9, 2, 6 }));
    }

    [Fact]
    public void Integers_use_lemire_draws_and_the_32_bit_buffer_like_numpy()
    {
        // rng = default_rng(7); [rng.integers(0, n) for n in (1, 2, 3, 10, 1000, 9999, 10000, 2**31)]
        var rng = new NumpyGenerator(7);
        long[] highs = [1, 2, 3, 10, 1000, 9999, 10000, 1L << 31];

        Assert.Equal([0L, 1, 1, 6, 897, 5782, 7756, 1790251937], highs.Select(h => rng.Integers(0, h)).ToArray());
    }

    [Fact]
    public void Choice_without_replacement_matches_numpy_on_both_of_its_algorithms()
    {
        // rng = default_rng(7); rng.choice(10000, size=10000, replace=False)[:6] (Floyd + shuffle);
        // rng.choice(20000, size=20000, replace=False)[:6] (tail shuffle); rng.choice(100, size=7, replace=False)
        var rng = new NumpyGenerator(7);

        Assert.Equal([8431L, 1065, 6225, 4851, 1763, 59], rng.ChoiceWithoutReplacement(10000, 10000)[..6]);
        Assert.Equal([30L, 19610, 13507, 6331, 2650, 128], rng.ChoiceWithoutReplacement(20000, 20000)[..6]);
        Assert.Equal([57L, 87, 44, 62, 24, 93, 8], rng.ChoiceWithoutReplacement(100, 7));
    }

    [Fact]
    public void Interleaved_integer_uniform_and_permutation_draws_stay_in_step_with_numpy()
    {
        // rng = default_rng(3); rng.integers(0, 5), rng.uniform(), rng.integers(0, 5), rng.permutation(6):
        // the uniform takes a whole 64-bit output and leaves the buffered upper half for the next 32-bit draw.
        var rng = new NumpyGenerator(3);

        Assert.Equal(4, rng.Integers(0, 5));
        Assert.Equal(0.2368105065960997, rng.Uniform());
        Assert.Equal(0, rng.Integers(0, 5));
        Assert.Equal([3, 5, 0, 2, 1, 4], rng.Permutation(6));
    }

    [Fact]
    public void Ranges_beyond_32_bits_are_refused_rather_than_drawn_differently()
    {
        var rng = new NumpyGenerator(1);

        Assert.Throws<NotSupportedException>(() => rng.Integers(0, 1L << 40));
    }
}
