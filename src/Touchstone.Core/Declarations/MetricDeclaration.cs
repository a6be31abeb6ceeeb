namespace Touchstone.Core.Declarations;

/// <summary>Which way a metric improves.</summary>
public enum Direction
{
    /// <summary>Smaller is better (losses, errors).</summary>
    Lower,

    /// <summary>Larger is better (accuracies).</summary>
    Higher,
}

/// <summary>Whether a metric gates CI.</summary>
public enum MetricRole
{
    /// <summary>Gated: a significant regression beyond the margin fails the gate (Holm-corrected family).</summary>
    Primary,

    /// <summary>Reported and compared, never fails CI.</summary>
    Secondary,
}

/// <summary>The practical margin of a gated metric: relative (<c>10%</c>) or absolute (<c>0.01</c>).</summary>
/// <param name="Amount">The fraction (0.1 for 10%) or the absolute amount.</param>
/// <param name="IsRelative">True for a percentage of the baseline mean.</param>
public readonly record struct GateMargin(double Amount, bool IsRelative)
{
    /// <summary>No margin: any significant change counts.</summary>
    public static GateMargin Zero => new(0, false);

    /// <summary>The margin in the metric's units, given the baseline mean.</summary>
    public double Absolute(double baselineMean) => IsRelative ? Amount * Math.Abs(baselineMean) : Amount;

    /// <summary>The text form: <c>10%</c> or <c>0.01</c>.</summary>
    public override string ToString() =>
        IsRelative
            ? (Amount * 100).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + "%"
            : Amount.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A metric a suite declares: what it is, which way is better and how it is gated.</summary>
/// <param name="Name">Metric name as the experiment logs it.</param>
/// <param name="Split">Split it is measured on.</param>
/// <param name="Direction">Which way is better.</param>
/// <param name="Role">Primary (gated) or secondary (reported).</param>
/// <param name="Margin">Practical margin for the gate.</param>
public sealed record MetricDeclaration(string Name, string Split, Direction Direction, MetricRole Role, GateMargin Margin)
{
    /// <summary><c>split/name</c>, the key used in MLflow and reports.</summary>
    public string Key => $"{Split}/{Name}";

    /// <summary>The float tolerance when none is declared: one part in a million.</summary>
    public const double DefaultTolerance = 1e-6;

    /// <summary>
    /// Relative float tolerance: per-seed differences all within this fraction of the values' magnitude are
    /// floating-point noise (another CPU's BLAS, another summation order), NO-CHANGE whatever the margin.
    /// </summary>
    public double Tolerance { get; init; } = DefaultTolerance;

    /// <summary>Variants that report this metric; null for every variant of the suite.</summary>
    public IReadOnlyList<string>? Variants { get; init; }

    /// <summary>Whether cells of <paramref name="variant"/> are expected to report this metric.</summary>
    public bool AppliesTo(string variant) => Variants is null || Variants.Contains(variant);
}
