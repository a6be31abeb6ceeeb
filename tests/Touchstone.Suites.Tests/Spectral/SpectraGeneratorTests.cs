using System.Security.Cryptography;
using Touchstone.Suites.Spectral;

namespace Touchstone.Suites.Tests.Spectral;

public sealed class SpectraGeneratorTests
{
    private static readonly SpectraGenerator Generator = new(SpectralTestConfigs.Data());

    [Fact]
    public void Grid_is_the_sources_linspace_300_to_1200_nm_in_1024_bins()
    {
        Assert.Equal(1024, Generator.Wavelengths.Length);
        Assert.Equal(300.0, Generator.Wavelengths[0]);
        Assert.Equal(1200.0, Generator.Wavelengths[^1], 9);
        Assert.Equal(900.0 / 1023, Generator.Wavelengths[1] - Generator.Wavelengths[0], 9);
    }

    [Theory]
    [InlineData(3000.0)]
    [InlineData(4321.0)]
    [InlineData(7000.0)]
    public void Continuum_peaks_at_exactly_one_where_Wiens_law_puts_the_peak(double temperature)
    {
        var continuum = Generator.Continuum(temperature);

        Assert.Equal(1.0, continuum.Max());
        Assert.All(continuum, v => Assert.InRange(v, 0.0, 1.0));
        // Wien's displacement law, b = hc / (4.965 k) with the source's constants; below 300 nm the peak is the
        // grid's first bin (hot stars), otherwise the bin nearest b / T.
        var wien = 6.626e-34 * 3e8 / (4.965114231744276 * 1.381e-23) / temperature * 1e9;
        var peak = Generator.Wavelengths[Array.IndexOf(continuum, 1.0)];
        Assert.Equal(Math.Max(wien, 300.0), peak, 0.9);
    }

    [Fact]
    public void Continuum_is_hotter_bluer_the_ratio_of_blue_to_red_rises_with_temperature()
    {
        var cool = Generator.Continuum(3000);
        var hot = Generator.Continuum(7000);
        Assert.True(hot[0] / hot[^1] > cool[0] / cool[^1]);
    }

    [Theory]
    [InlineData("comp4", 0.7)]
    [InlineData("comp10", 1.0)]
    [InlineData("comp1", 0.5)]
    [InlineData("comp3", 0.9)]
    public void Isolated_line_has_its_extremum_at_its_centre_with_the_declared_width_and_sign(string label, double abundance)
    {
        var index = Components.IndexOf(label);
        var component = Components.All[index];
        var abundances = new double[Components.Count];
        abundances[index] = abundance;

        var continuum = Generator.Continuum(5000);
        var spectrum = Generator.Render(5000, abundances);
        var excess = spectrum.Select((v, j) => v / continuum[j] - 1).ToArray();

        var extremum = Enumerable.Range(0, excess.Length).MaxBy(j => Math.Abs(excess[j]));
        var spacing = Generator.Wavelengths[1] - Generator.Wavelengths[0];
        Assert.InRange(Math.Abs(Generator.Wavelengths[extremum] - component.CentreNm), 0, spacing / 2);
        Assert.Equal(Math.Sign(component.Strength), Math.Sign(excess[extremum]));
        // Height s·a at the centre (up to the grid's offset from it) and second moment σ² about the centre.
        Assert.Equal(component.Strength * abundance, excess[extremum], 0.01);
        var weights = excess.Select(e => e / (component.Strength * abundance)).ToArray();
        var variance = weights.Select((w, j) => w * Math.Pow(Generator.Wavelengths[j] - component.CentreNm, 2)).Sum() / weights.Sum();
        Assert.Equal(component.WidthNm, Math.Sqrt(variance), component.WidthNm * 0.02);
    }

    [Fact]
    public void Zero_abundances_give_the_bare_continuum()
    {
        Assert.Equal(Generator.Continuum(4000), Generator.Render(4000, new double[Components.Count]));
    }

    [Fact]
    public void Lines_multiply_so_two_lines_give_the_product_of_their_factors()
    {
        var both = new double[Components.Count];
        both[Components.IndexOf("comp10")] = 0.6;
        both[Components.IndexOf("comp4")] = 0.9;
        var only10 = new double[Components.Count];
        only10[Components.IndexOf("comp10")] = 0.6;
        var only4 = new double[Components.Count];
        only4[Components.IndexOf("comp4")] = 0.9;

        var continuum = Generator.Continuum(6000);
        var combined = Generator.Render(6000, both);
        var a = Generator.Render(6000, only10);
        var b = Generator.Render(6000, only4);
        for (var j = 0; j < combined.Length; j++)
        {
            Assert.Equal(a[j] / continuum[j] * (b[j] / continuum[j]), combined[j] / continuum[j], 12);
        }
    }

    [Fact]
    public void Noise_levels_are_log_uniform_on_the_declared_range_and_are_what_the_spectra_carry()
    {
        var split = Generator.Generate("t", [[]], 400, seed: 7);

        Assert.All(split.NoiseLevels, s => Assert.InRange(s, 0.01, 0.15));
        // Kolmogorov–Smirnov against U(ln 0.01, ln 0.15): the 1% critical value for n = 400 is 1.63 / √400.
        var u = split.NoiseLevels.Select(s => (Math.Log(s) - Math.Log(0.01)) / (Math.Log(0.15) - Math.Log(0.01))).Order().ToArray();
        var ks = u.Select((x, i) => Math.Max(Math.Abs((i + 1.0) / u.Length - x), Math.Abs(x - (double)i / u.Length))).Max();
        Assert.True(ks < 1.63 / Math.Sqrt(u.Length), $"KS statistic {ks:F4} rejects log-uniform noise levels");

        // Each spectrum's relative deviation from its noiseless render has the spectrum's own σ as its sd
        // (1024 bins: the sd estimate is within 10% with overwhelming probability).
        for (var i = 0; i < 50; i++)
        {
            var clean = Generator.Render(split.Temperatures[i], new double[Components.Count]);
            var relative = Enumerable.Range(0, 1024).Select(j => split.Spectra[i * 1024 + j] / clean[j] - 1).ToArray();
            var mean = relative.Average();
            var sd = Math.Sqrt(relative.Sum(r => (r - mean) * (r - mean)) / (relative.Length - 1));
            Assert.Equal(split.NoiseLevels[i], sd, split.NoiseLevels[i] * 0.1);
            Assert.InRange(mean, -4 * split.NoiseLevels[i] / 32, 4 * split.NoiseLevels[i] / 32);
        }
    }

    [Fact]
    public void Temperatures_are_uniform_on_the_declared_range()
    {
        var split = Generator.Generate("t", [[]], 400, seed: 8);
        Assert.All(split.Temperatures, t => Assert.InRange(t, 3000, 7000));
        Assert.Equal(5000, split.Temperatures.Average(), 4000 / Math.Sqrt(12 * 400) * 4);
    }

    [Fact]
    public void Abundances_are_drawn_only_for_the_active_components_of_each_spectrums_combination()
    {
        IReadOnlyList<IReadOnlyList<string>> combinations = [[], ["comp10"], ["comp4"], ["comp1", "comp2", "comp3"]];
        var split = Generator.Generate("t", combinations, 600, seed: 9);

        for (var i = 0; i < split.Count; i++)
        {
            var expected = SpectralDataConfig.Indices(combinations[split.Combinations[i]]);
            var row = split.Abundances.AsSpan(i * Components.Count, Components.Count).ToArray();
            var nonZero = Enumerable.Range(0, Components.Count).Where(c => row[c] != 0).ToArray();
            Assert.Equal(expected, nonZero);
            Assert.All(expected, c => Assert.InRange(row[c], 0f, 1f));
        }
        // Combinations are drawn uniformly: each of 4 gets 150 ± 5 sd (sd ≈ 10.6).
        var counts = split.Combinations.GroupBy(c => c).Select(g => g.Count()).ToArray();
        Assert.Equal(4, counts.Length);
        Assert.All(counts, c => Assert.InRange(c, 150 - 53, 150 + 53));
    }

    [Fact]
    public void No_test_combination_appears_in_the_training_or_in_distribution_split()
    {
        var config = SpectralTestConfigs.Data();
        var data = new SpectraGenerator(config).GenerateAll();
        var test = config.TestCombinations.Select(c => string.Join(",", SpectralDataConfig.Indices(c))).ToHashSet();
        var train = config.TrainCombinations.Select(c => string.Join(",", SpectralDataConfig.Indices(c))).ToHashSet();

        foreach (var split in new[] { data.Train, data.Id })
        {
            var patterns = ActivePatterns(split).ToHashSet();
            Assert.Empty(patterns.Intersect(test));
            Assert.Subset(train, patterns);
            Assert.Equal(train, patterns);
        }
        Assert.Equal(test, ActivePatterns(data.Ood).ToHashSet());
    }

    [Fact]
    public void Same_seed_gives_the_same_bytes_and_another_seed_other_bytes()
    {
        var first = new SpectraGenerator(SpectralTestConfigs.Data(nTrain: 64, nHeldOut: 16)).GenerateAll();
        var again = new SpectraGenerator(SpectralTestConfigs.Data(nTrain: 64, nHeldOut: 16)).GenerateAll();
        var other = new SpectraGenerator(SpectralTestConfigs.Data(nTrain: 64, nHeldOut: 16, dataSeed: 43)).GenerateAll();

        foreach (var (a, b) in first.Splits.Zip(again.Splits))
        {
            Assert.True(a.SpectraBytes.SequenceEqual(b.SpectraBytes));
            Assert.True(a.AbundanceBytes.SequenceEqual(b.AbundanceBytes));
        }
        Assert.False(first.Train.SpectraBytes.SequenceEqual(other.Train.SpectraBytes));
        // Seed 43 is the test split's seed under data seed 42: the three splits must never share a stream.
        Assert.False(first.Train.SpectraBytes[..4096].SequenceEqual(first.Ood.SpectraBytes[..4096]));
        Assert.False(first.Id.AbundanceBytes.SequenceEqual(first.Train.AbundanceBytes[..first.Id.AbundanceBytes.Length]));
    }

    [Fact]
    public void Generated_bytes_match_the_pinned_hash_so_a_change_to_the_data_is_never_silent()
    {
        // Regression pin: committed baselines were measured on exactly these bytes. If the generator changes on
        // purpose, update the hash here and re-promote every spectral-gap baseline.
        var split = new SpectraGenerator(SpectralTestConfigs.Data()).Generate("train", [[], ["comp10"], ["comp4"]], 8, seed: 42);
        var hash = Convert.ToHexStringLower(SHA256.HashData([.. split.SpectraBytes, .. split.AbundanceBytes]));
        Assert.Equal("e0d7584a645977b447a2d092a5baf530a16cfa93071528522b071ae97218b80d", hash);
    }

    private static IEnumerable<string> ActivePatterns(SpectralSplit split) =>
        Enumerable.Range(0, split.Count).Select(i => string.Join(",",
            Enumerable.Range(0, Components.Count).Where(c => split.Abundances[i * Components.Count + c] != 0)));
}
