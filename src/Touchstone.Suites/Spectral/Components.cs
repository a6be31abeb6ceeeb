namespace Touchstone.Suites.Spectral;

/// <summary>
/// One spectral component: a Gaussian line that multiplies the continuum by 1 + strength · abundance · profile.
/// </summary>
/// <param name="Label">The name combinations refer to (<c>comp1</c> … <c>comp20</c>).</param>
/// <param name="CentreNm">Centre wavelength in nm.</param>
/// <param name="WidthNm">Gaussian σ in nm.</param>
/// <param name="Strength">Signed strength: positive lines are emission (the spectrum rises), negative absorption.</param>
public sealed record SpectralComponent(string Label, double CentreNm, double WidthNm, double Strength)
{
    /// <summary>The line's multiplicative factor at <paramref name="wavelengthNm"/> for an abundance.</summary>
    public double Factor(double wavelengthNm, double abundance)
    {
        var z = (wavelengthNm - CentreNm) / WidthNm;
        return 1.0 + Strength * abundance * Math.Exp(-0.5 * z * z);
    }
}

/// <summary>
/// The source's table of 20 components (configs/synthetic_spectra.yaml at every commit). It is part of the
/// generator, not of a suite's config: every variant and profile sees the same physics, and the model always
/// predicts all 20 abundances, of which only the components named in a variant's combinations are ever non-zero.
/// </summary>
public static class Components
{
    /// <summary>The components in the source's order; the index is the output column of the model.</summary>
    public static IReadOnlyList<SpectralComponent> All { get; } =
    [
        new("comp1", 732.0, 3.2, +0.8),
        new("comp2", 1045.0, 4.5, -0.6),
        new("comp3", 340.0, 6.4, +0.9),
        new("comp4", 891.0, 9.0, -0.4),
        new("comp5", 423.0, 12.7, +0.7),
        new("comp6", 1156.0, 18.0, -0.8),
        new("comp7", 567.0, 25.4, +0.5),
        new("comp8", 812.0, 35.9, -0.3),
        new("comp9", 320.0, 50.8, +0.6),
        new("comp10", 956.0, 71.8, -0.7),
        new("comp11", 378.0, 101.6, +0.4),
        new("comp12", 689.0, 250.0, -0.5),
        new("comp13", 1123.0, 3.8, +0.8),
        new("comp14", 445.0, 5.4, -0.9),
        new("comp15", 845.0, 7.6, +0.3),
        new("comp16", 380.0, 10.7, -0.2),
        new("comp17", 1180.0, 15.2, +0.7),
        new("comp18", 512.0, 21.5, -0.6),
        new("comp19", 778.0, 30.3, +0.5),
        new("comp20", 650.0, 350.0, -0.4),
    ];

    /// <summary>The number of components (and of model outputs).</summary>
    public static int Count => All.Count;

    /// <summary>The index of a component by label, or -1 when there is none.</summary>
    public static int IndexOf(string label)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i].Label == label)
            {
                return i;
            }
        }
        return -1;
    }
}
