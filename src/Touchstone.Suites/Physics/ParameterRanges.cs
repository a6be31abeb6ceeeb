namespace Touchstone.Suites.Physics;

/// <summary>A closed interval of one parameter.</summary>
/// <param name="Low">Lower end.</param>
/// <param name="High">Upper end.</param>
public readonly record struct Interval(double Low, double High)
{
    /// <summary>Whether <paramref name="value"/> lies in [Low, High].</summary>
    public bool Contains(double value) => value >= Low && value <= High;

    /// <summary>The midpoint.</summary>
    public double Centre => (Low + High) / 2;
}

/// <summary>
/// The source's parameter ranges (experiments/01_physics_worlds/improved_data_generator.py at 3d0ae4f,
/// TRAIN_RANGES and EXTRAP_TEST_RANGES, and the baseline in _generate_physics_config_extrapolation), in the order
/// gravity, friction, elasticity, damping.
/// </summary>
public static class ParameterRanges
{
    /// <summary>Parameter names in the source's order, as they appear in metric and column names.</summary>
    public static readonly IReadOnlyList<string> Names = ["gravity", "friction", "elasticity", "damping"];

    /// <summary>Training ranges: gravity −1200..−300, friction 0.1–0.8, elasticity 0.2–0.9, damping 0.85–0.98.</summary>
    public static readonly IReadOnlyList<Interval> Train =
        [new(-1200, -300), new(0.1, 0.8), new(0.2, 0.9), new(0.85, 0.98)];

    /// <summary>The two extrapolation bands of each parameter, below and above its training range.</summary>
    public static readonly IReadOnlyList<(Interval Below, Interval Above)> Extrapolation =
    [
        (new(-2000, -1500), new(-200, -50)),
        (new(0.0, 0.05), new(0.9, 1.0)),
        (new(0.05, 0.15), new(0.95, 1.1)),
        (new(0.7, 0.82), new(0.99, 1.0)),
    ];

    /// <summary>
    /// The values the source holds the other parameters at while it moves one (−750, 0.45, 0.55, 0.915, written out
    /// in the source as the "middle of training range"; they are the midpoints of <see cref="Train"/>).
    /// </summary>
    public static readonly PhysicsParameters Centre = new(-750, 0.45, 0.55, 0.915);

    /// <summary>How many of the four parameters lie outside their training range.</summary>
    public static int CountOutsideTraining(PhysicsParameters parameters)
    {
        var values = parameters.ToArray();
        return Enumerable.Range(0, values.Length).Count(i => !Train[i].Contains(values[i]));
    }

    /// <summary>Returns <paramref name="parameters"/> with parameter <paramref name="index"/> set to <paramref name="value"/>.</summary>
    public static PhysicsParameters With(PhysicsParameters parameters, int index, double value) => index switch
    {
        0 => parameters with { Gravity = value },
        1 => parameters with { Friction = value },
        2 => parameters with { Elasticity = value },
        3 => parameters with { Damping = value },
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "A parameter index is 0..3 (gravity, friction, elasticity, damping)."),
    };
}
