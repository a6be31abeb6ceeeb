using System.Runtime.InteropServices;
using Touchstone.Suites.Common;

namespace Touchstone.Suites.Spectral;

/// <summary>
/// One generated split: spectra and the abundances to predict, row-major float32 exactly as they go into the
/// tensors (and into the data hash), with the per-spectrum draws kept for inspection.
/// </summary>
/// <param name="Name">train, id or ood.</param>
/// <param name="Spectra">Count × bins.</param>
/// <param name="Abundances">Count × <see cref="Components.Count"/>; zero for inactive components.</param>
/// <param name="Combinations">Per spectrum, the index of its combination in the list it was drawn from.</param>
/// <param name="Temperatures">Per spectrum, the blackbody temperature in K.</param>
/// <param name="NoiseLevels">Per spectrum, the multiplicative noise σ.</param>
public sealed record SpectralSplit(
    string Name,
    float[] Spectra,
    float[] Abundances,
    int[] Combinations,
    double[] Temperatures,
    double[] NoiseLevels)
{
    /// <summary>Number of spectra.</summary>
    public int Count => Combinations.Length;

    /// <summary>Bins per spectrum.</summary>
    public int Bins => Spectra.Length / Count;

    /// <summary>The spectra's bytes, as hashed.</summary>
    public ReadOnlySpan<byte> SpectraBytes => MemoryMarshal.AsBytes(Spectra.AsSpan());

    /// <summary>The abundances' bytes, as hashed.</summary>
    public ReadOnlySpan<byte> AbundanceBytes => MemoryMarshal.AsBytes(Abundances.AsSpan());
}

/// <summary>The three splits of a cell.</summary>
/// <param name="Train">Training spectra, drawn from the training combinations.</param>
/// <param name="Id">Held-out spectra from the same distribution as training.</param>
/// <param name="Ood">Spectra of the unseen combinations (the source's test split).</param>
public sealed record SpectralDataset(SpectralSplit Train, SpectralSplit Id, SpectralSplit Ood)
{
    /// <summary>The splits in reporting order.</summary>
    public IEnumerable<SpectralSplit> Splits => [Train, Id, Ood];
}

/// <summary>
/// The source's generator (src/spectra_generator.py): spectrum = continuum(T) × Π_i (1 + s_i a_i g_i(λ)) ×
/// (1 + σ ε), with the continuum Planck's law divided by its maximum over the grid, g_i a unit-height Gaussian,
/// ε ~ N(0, 1) independently per bin, T ~ U, σ ~ log-U, and a_i ~ U only for the components of the spectrum's
/// combination, which is drawn uniformly from the split's list. Computed in double from <see cref="SeededRandom"/>
/// streams, then stored as float32, so the bytes depend on the config alone (not on libtorch or the device).
/// </summary>
public sealed class SpectraGenerator
{
    // The source's constants (SI units; λ in metres inside Planck's law).
    private const double Planck = 6.626e-34;
    private const double LightSpeed = 3e8;
    private const double Boltzmann = 1.381e-23;

    private readonly SpectralDataConfig _config;

    /// <summary>A generator for the grid and distributions of <paramref name="config"/>.</summary>
    public SpectraGenerator(SpectralDataConfig config)
    {
        _config = config;
        Wavelengths = new double[config.NBins];
        var spacing = (config.WavelengthMaxNm - config.WavelengthMinNm) / (config.NBins - 1);
        for (var j = 0; j < config.NBins; j++)
        {
            Wavelengths[j] = config.WavelengthMinNm + j * spacing;
        }
    }

    /// <summary>The grid in nm: linspace(min, max, n_bins).</summary>
    public double[] Wavelengths { get; }

    /// <summary>Generates train (data_seed + 0), ood (the source's test split, + 1) and id (+ 2).</summary>
    public SpectralDataset GenerateAll() => new(
        Train: Generate("train", _config.TrainCombinations, _config.NTrain, _config.DataSeed),
        Id: Generate("id", _config.TrainCombinations, _config.NId, _config.DataSeed + 2),
        Ood: Generate("ood", _config.TestCombinations, _config.NTest, _config.DataSeed + 1));

    /// <summary>
    /// Draws <paramref name="count"/> spectra. As in the source, the combinations and abundances of all spectra
    /// are drawn first, then each spectrum's temperature and noise level, and the per-bin noise comes from a
    /// stream of its own.
    /// </summary>
    public SpectralSplit Generate(string name, IReadOnlyList<IReadOnlyList<string>> combinations, int count, int seed)
    {
        var random = new SeededRandom((ulong)seed);
        var abundanceStream = random.Fork("abundances");
        var conditionStream = random.Fork("conditions");
        var noiseStream = random.Fork("noise");
        var components = Components.Count;
        var active = combinations.Select(SpectralDataConfig.Indices).ToArray();

        var chosen = new int[count];
        var abundances = new double[count * components];
        for (var i = 0; i < count; i++)
        {
            chosen[i] = abundanceStream.NextInt(active.Length);
            foreach (var c in active[chosen[i]])
            {
                abundances[i * components + c] = abundanceStream.Uniform(_config.Abundance.Min, _config.Abundance.Max);
            }
        }

        var bins = _config.NBins;
        var spectra = new float[count * bins];
        var temperatures = new double[count];
        var noiseLevels = new double[count];
        for (var i = 0; i < count; i++)
        {
            temperatures[i] = conditionStream.Uniform(_config.TemperatureK.Min, _config.TemperatureK.Max);
            noiseLevels[i] = conditionStream.LogUniform(_config.NoiseLevel.Min, _config.NoiseLevel.Max);
            var spectrum = Render(temperatures[i], abundances.AsSpan(i * components, components));
            var row = spectra.AsSpan(i * bins, bins);
            for (var j = 0; j < bins; j++)
            {
                row[j] = (float)(spectrum[j] * (1.0 + noiseLevels[i] * noiseStream.Normal()));
            }
        }
        return new SpectralSplit(name, spectra, abundances.Select(a => (float)a).ToArray(), chosen, temperatures, noiseLevels);
    }

    /// <summary>The noiseless spectrum: the continuum times every line's factor (a zero abundance gives 1).</summary>
    public double[] Render(double temperatureK, ReadOnlySpan<double> abundances)
    {
        var spectrum = Continuum(temperatureK);
        for (var c = 0; c < abundances.Length; c++)
        {
            if (abundances[c] == 0)
            {
                continue;
            }
            var component = Components.All[c];
            for (var j = 0; j < spectrum.Length; j++)
            {
                spectrum[j] *= component.Factor(Wavelengths[j], abundances[c]);
            }
        }
        return spectrum;
    }

    /// <summary>Planck's law B(λ, T) over the grid, divided by its maximum there (so it peaks at exactly 1).</summary>
    public double[] Continuum(double temperatureK)
    {
        var intensity = new double[Wavelengths.Length];
        var max = 0.0;
        for (var j = 0; j < intensity.Length; j++)
        {
            var metres = Wavelengths[j] * 1e-9;
            var exponent = Planck * LightSpeed / (metres * Boltzmann * temperatureK);
            intensity[j] = 2 * Planck * LightSpeed * LightSpeed / (Math.Pow(metres, 5) * (Math.Exp(exponent) - 1));
            max = Math.Max(max, intensity[j]);
        }
        for (var j = 0; j < intensity.Length; j++)
        {
            intensity[j] /= max;
        }
        return intensity;
    }
}
