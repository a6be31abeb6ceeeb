namespace Touchstone.Suites.Common;

/// <summary>How a source numbers the steps its evaluation condition tests.</summary>
public enum StepNumbering
{
    /// <summary>
    /// The condition sees the count of optimizer steps done (1, 2, …): "every 250" evaluates after steps 250, 500, ….
    /// </summary>
    FromOne,

    /// <summary>
    /// The condition sees a zero-based loop index after that step's update (<c>for step in range(n): …; if step %
    /// 250 == 0: evaluate()</c>): "every 250" evaluates after optimizer steps 1, 251, 501, ….
    /// </summary>
    FromZero,
}

/// <summary>
/// When a training loop evaluates, in optimizer steps done (1 … <see cref="TotalSteps"/>; step 0 is before the
/// first update). <see cref="Every"/> gives "every N steps", <see cref="Fraction"/> "every 5 % of training";
/// both evaluate at the last step as well unless <see cref="AtLastStep"/> is turned off, and can also evaluate
/// before training (<see cref="AtStart"/>). Curves are logged at the step count <see cref="IsDue"/> was asked
/// about, so a <see cref="StepNumbering.FromZero"/> source's points appear at steps 1, 251, 501, ….
/// </summary>
/// <example><code>
/// var schedule = EvalSchedule.Fraction(0.05, totalSteps);                      // every floor(5 % of steps), and the last
/// var schedule = EvalSchedule.Every(250, steps) with { Numbering = StepNumbering.FromZero };   // after 1, 251, 501, …
/// for (var step = 1; step &lt;= steps; step++) { TrainStep(); if (schedule.IsDue(step)) Evaluate(step); }
/// </code></example>
public sealed record EvalSchedule
{
    private EvalSchedule(long interval, long totalSteps)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(interval);
        ArgumentOutOfRangeException.ThrowIfNegative(totalSteps);
        Interval = interval;
        TotalSteps = totalSteps;
    }

    /// <summary>Steps between evaluations.</summary>
    public long Interval { get; }

    /// <summary>Optimizer steps the loop takes (an upper bound when it may stop early).</summary>
    public long TotalSteps { get; }

    /// <summary>How the source numbers the steps its condition tests. Default <see cref="StepNumbering.FromOne"/>.</summary>
    public StepNumbering Numbering { get; init; } = StepNumbering.FromOne;

    /// <summary>Whether the last step is always evaluated. Default true.</summary>
    public bool AtLastStep { get; init; } = true;

    /// <summary>Whether step 0 (before the first update) is evaluated. Default false.</summary>
    public bool AtStart { get; init; }

    /// <summary>Every <paramref name="interval"/> steps of <paramref name="totalSteps"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The interval is not positive or the total is negative.</exception>
    public static EvalSchedule Every(long interval, long totalSteps) => new(interval, totalSteps);

    /// <summary>Every floor(<paramref name="totalSteps"/> · <paramref name="fraction"/>) steps (at least 1), as a
    /// source's <c>checkpoint_ratio</c>: 0.05 of 384 steps is every 19 steps.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The fraction is not in (0, 1].</exception>
    public static EvalSchedule Fraction(double fraction, long totalSteps)
    {
        if (fraction is not (> 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "the evaluation fraction must be in (0, 1]");
        }
        return new EvalSchedule(Math.Max(1, (long)(totalSteps * fraction)), totalSteps);
    }

    /// <summary>Whether to evaluate after <paramref name="step"/> optimizer steps (0: before training).</summary>
    public bool IsDue(long step)
    {
        if (step <= 0)
        {
            return step == 0 && AtStart;
        }
        if (AtLastStep && step == TotalSteps)
        {
            return true;
        }
        var index = Numbering == StepNumbering.FromZero ? step - 1 : step;
        return index % Interval == 0;
    }

    /// <summary>Every step count at which <see cref="IsDue"/> holds, in order (for messages and tests).</summary>
    public IEnumerable<long> Points()
    {
        for (var step = AtStart ? 0 : 1; step <= TotalSteps; step++)
        {
            if (IsDue(step))
            {
                yield return step;
            }
        }
    }
}
