using Touchstone.Suites.Common;

namespace Touchstone.Suites.Tests.Common;

public sealed class EvalScheduleTests
{
    [Fact]
    public void Every_n_steps_counts_steps_done_and_adds_the_last_step()
    {
        var schedule = EvalSchedule.Every(250, 1000 + 10);

        Assert.Equal([250L, 500, 750, 1000, 1010], schedule.Points());
    }

    [Fact]
    public void A_zero_based_source_evaluates_after_steps_1_251_501()
    {
        var schedule = EvalSchedule.Every(250, 1000) with { Numbering = StepNumbering.FromZero };

        Assert.Equal([1L, 251, 501, 751, 1000], schedule.Points());
        Assert.Equal([1L, 251, 501, 751], (schedule with { AtLastStep = false }).Points());
    }

    [Fact]
    public void A_fraction_of_training_floors_the_interval_as_the_sources_checkpoint_ratio()
    {
        var schedule = EvalSchedule.Fraction(0.05, 384);   // spectral-gap's shipped config: every 19 steps, 21 points

        Assert.Equal(19, schedule.Interval);
        Assert.Equal(21, schedule.Points().Count());
        Assert.Equal(384, schedule.Points().Last());
        Assert.Equal(1, EvalSchedule.Fraction(0.05, 10).Interval);
    }

    [Fact]
    public void Step_zero_is_evaluated_only_when_asked_for()
    {
        var schedule = EvalSchedule.Every(5, 10);

        Assert.False(schedule.IsDue(0));
        Assert.Equal([0L, 5, 10], (schedule with { AtStart = true }).Points());
    }

    [Fact]
    public void Nonsense_intervals_and_fractions_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EvalSchedule.Every(0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => EvalSchedule.Fraction(0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => EvalSchedule.Fraction(1.5, 10));
    }
}
