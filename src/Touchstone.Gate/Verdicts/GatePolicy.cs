using Touchstone.Core.Declarations;

namespace Touchstone.Gate.Verdicts;

/// <summary>What a STALE verdict does to the gate.</summary>
public enum StalePolicy
{
    /// <summary>A stale baseline fails the gate (exit 1): promote a new baseline with the change.</summary>
    Fail,

    /// <summary>A stale baseline is reported and does not fail the gate.</summary>
    Warn,
}

/// <summary>What an INCONCLUSIVE verdict does to the gate.</summary>
public enum InconclusivePolicy
{
    /// <summary>Inconclusive metrics are reported and do not fail the gate.</summary>
    Pass,

    /// <summary>Inconclusive metrics fail the gate: only proven equivalence or improvement passes.</summary>
    Fail,
}

/// <summary>The gate's settings.</summary>
/// <param name="Alpha">Family-wise error rate of the gated metrics (Holm), and the level of every one-sided test.</param>
/// <param name="Stale">What a stale baseline does.</param>
/// <param name="Inconclusive">What an inconclusive metric does.</param>
/// <param name="Power">Power used to say how many seeds would decide an inconclusive metric.</param>
/// <param name="MaxPermutationArrangements">Largest number of arrangements the permutation cross-check enumerates.</param>
/// <param name="FloatTolerance">
/// Overrides every metric's declared relative float tolerance (<see cref="MetricDeclaration.Tolerance"/>) when set:
/// per-seed differences all smaller than this fraction of the values' magnitude are float noise (another CPU's BLAS,
/// another summation order): NO-CHANGE whatever the margin, decided exactly. Null: each metric's own.
/// </param>
public sealed record GatePolicy(
    double Alpha = 0.05,
    StalePolicy Stale = StalePolicy.Fail,
    InconclusivePolicy Inconclusive = InconclusivePolicy.Pass,
    double Power = 0.8,
    long MaxPermutationArrangements = 200_000,
    double? FloatTolerance = null)
{
    /// <summary>The default policy: α = 0.05, stale fails, inconclusive passes.</summary>
    public static GatePolicy Default { get; } = new();

    /// <summary>Level of the two-sided confidence interval that matches the one-sided tests: 1 − 2α.</summary>
    public double ConfidenceLevel => 1 - 2 * Alpha;

    /// <summary>Throws <see cref="ArgumentException"/> with a readable message when a setting is out of range.</summary>
    public GatePolicy Validated()
    {
        if (!(Alpha > 0 && Alpha < 0.5))
        {
            throw new ArgumentException($"alpha must be between 0 and 0.5 (exclusive); got {Alpha}");
        }
        if (!(Power > 0.5 && Power < 1))
        {
            throw new ArgumentException($"power must be between 0.5 and 1 (exclusive); got {Power}");
        }
        if (FloatTolerance is { } tolerance && !(tolerance >= 0 && tolerance < SuiteLoader.MaxTolerance))
        {
            throw new ArgumentException($"the float tolerance must be at least 0 and below 0.01 (a relative amount, e.g. 1e-6); got {tolerance}");
        }
        if (MaxPermutationArrangements < 1)
        {
            throw new ArgumentException($"the permutation limit must be positive; got {MaxPermutationArrangements}");
        }
        return this;
    }
}
