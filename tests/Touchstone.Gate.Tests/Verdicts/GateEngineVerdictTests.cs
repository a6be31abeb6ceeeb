using Touchstone.Gate.Tests.Support;
using Touchstone.Gate.Verdicts;
using static Touchstone.Gate.Tests.Support.SuiteBuilder;

namespace Touchstone.Gate.Tests.Verdicts;

public sealed class GateEngineVerdictTests
{
    private static readonly double[] Base = [1.00, 1.10, 0.95, 1.05, 1.02];

    private static double[] Plus(IReadOnlyList<double> values, params double[] shifts) =>
        values.Select((v, i) => v + shifts[i % shifts.Length]).ToArray();

    [Fact]
    public void Identical_deterministic_rerun_is_no_change_even_with_zero_margin()
    {
        var result = new SuiteBuilder().Metric(Lower("mse")).Baseline("mse", Base).Candidate("mse", Base).Evaluate();
        var row = Assert.Single(result.Verdicts);
        Assert.Equal(Verdict.NoChange, row.Verdict);
        Assert.Equal(TestMethod.Exact, row.Comparison!.Method);
        Assert.Equal(0, row.Comparison.Difference);
        Assert.Equal(0, result.ExitCode);
    }

    [Theory]
    [InlineData(0.05, 0.1, Verdict.NoChange)]    // worse by 0.05, margin 0.1
    [InlineData(0.15, 0.1, Verdict.Regressed)]   // worse by 0.15
    [InlineData(-0.15, 0.1, Verdict.Improved)]   // better by 0.15
    [InlineData(-0.05, 0.1, Verdict.NoChange)]
    [InlineData(0.1, 0.1, Verdict.NoChange)]     // exactly on the margin: not beyond it
    [InlineData(1e-5, 0.0, Verdict.Regressed)]   // margin 0: a shift beyond float noise counts
    [InlineData(8e-8, 0.0, Verdict.NoChange)]    // margin 0: 8e-8 on values of order 1 is float noise (tolerance 1e-6)
    public void Constant_paired_shift_is_decided_exactly_against_the_margin(double shift, double margin, Verdict expected)
    {
        var row = new SuiteBuilder().Metric(Lower("mse", margin)).Baseline("mse", Base).Candidate("mse", Plus(Base, shift)).Evaluate().Verdicts[0];
        Assert.Equal(expected, row.Verdict);
        Assert.Equal(TestMethod.Exact, row.Comparison!.Method);
        Assert.Equal(shift, row.Comparison.Difference, 12);
        Assert.Equal(row.Comparison.Difference, row.Comparison.ConfidenceLow);
    }

    [Fact]
    public void Float_noise_that_varies_by_seed_is_no_change_with_zero_margin_and_a_real_shift_still_regresses()
    {
        // Another machine's rounding: differences of 7e-8…9e-8, consistent in sign, so a t-test against margin 0
        // would call them a highly significant regression.
        var noise = new SuiteBuilder().Metric(Lower("mse")).Baseline("mse", Base).Candidate("mse", Plus(Base, 8e-8, 9e-8, 7e-8, 8.5e-8, 7.5e-8)).Evaluate().Verdicts[0];
        var real = new SuiteBuilder().Metric(Lower("mse")).Baseline("mse", Base).Candidate("mse", Plus(Base, 8e-3, 9e-3, 7e-3, 8.5e-3, 7.5e-3)).Evaluate().Verdicts[0];
        var strict = new SuiteBuilder().Metric(Lower("mse")).Baseline("mse", Base).Candidate("mse", Plus(Base, 8e-8, 9e-8, 7e-8, 8.5e-8, 7.5e-8))
            .Evaluate(GatePolicy.Default with { FloatTolerance = 0 }).Verdicts[0];

        Assert.Equal(Verdict.NoChange, noise.Verdict);
        Assert.Equal(TestMethod.Exact, noise.Comparison!.Method);
        Assert.Equal(Verdict.Regressed, real.Verdict);
        Assert.Equal(Verdict.Regressed, strict.Verdict);
    }

    [Fact]
    public void Each_metric_judges_float_noise_by_its_declared_tolerance_unless_the_gate_overrides_it()
    {
        var noise = Plus(Base, 8e-8, 9e-8, 7e-8, 8.5e-8, 7.5e-8);
        var strict = Lower("mse") with { Tolerance = 1e-9 };
        var byDeclaration = new SuiteBuilder().Metric(strict).Baseline("mse", Base).Candidate("mse", noise).Evaluate().Verdicts[0];
        var byDefault = new SuiteBuilder().Metric(Lower("mse")).Baseline("mse", Base).Candidate("mse", noise).Evaluate().Verdicts[0];
        var overridden = new SuiteBuilder().Metric(strict).Baseline("mse", Base).Candidate("mse", noise)
            .Evaluate(GatePolicy.Default with { FloatTolerance = 1e-6 }).Verdicts[0];

        Assert.Equal(Verdict.Regressed, byDeclaration.Verdict);
        Assert.Equal(Verdict.NoChange, byDefault.Verdict);
        Assert.Equal(Verdict.NoChange, overridden.Verdict);
    }

    [Fact]
    public void Higher_is_better_flips_the_direction()
    {
        var worse = new SuiteBuilder().Metric(Higher("acc", 0.01)).Baseline("acc", Base).Candidate("acc", Plus(Base, -0.05)).Evaluate().Verdicts[0];
        var better = new SuiteBuilder().Metric(Higher("acc", 0.01)).Baseline("acc", Base).Candidate("acc", Plus(Base, 0.05)).Evaluate().Verdicts[0];
        Assert.Equal(Verdict.Regressed, worse.Verdict);
        Assert.Equal(Verdict.Improved, better.Verdict);
        Assert.Equal(-0.05, worse.Comparison!.Difference, 12);
    }

    [Fact]
    public void Constant_sides_with_different_seeds_are_decided_exactly()
    {
        var row = new SuiteBuilder().Metric(Lower("mse", 0.01))
            .Baseline("mse", [2.0, 2.0, 2.0]).Candidate("mse", [2.5, 2.5, 2.5, 2.5], firstSeed: 10).Evaluate().Verdicts[0];
        Assert.Equal(Verdict.Regressed, row.Verdict);
        Assert.Equal(TestMethod.Exact, row.Comparison!.Method);
        Assert.Contains(row.Notes, n => n.Contains("compared unpaired"));
    }

    [Fact]
    public void Noisy_paired_regression_is_regressed_with_paired_test()
    {
        var row = new SuiteBuilder().Metric(Lower("mse", 0.1))
            .Baseline("mse", Base).Candidate("mse", Plus(Base, 0.30, 0.28, 0.35, 0.31, 0.29)).Evaluate().Verdicts[0];
        Assert.Equal(Verdict.Regressed, row.Verdict);
        Assert.Equal(TestMethod.Paired, row.Comparison!.Method);
        Assert.Equal(4, row.Comparison.DegreesOfFreedom);
        Assert.True(row.Comparison.ConfidenceLow > 0.1, "the whole interval lies beyond the margin");
        Assert.True(row.FailsGate);
    }

    [Fact]
    public void Paired_p_matches_reference_through_the_engine()
    {
        // Differences 0.12, −0.05, 0.31, 0.08, 0.19 with margin 0.05: reference p = 0.125252339885867784153
        // (Reference/statistics_reference.py, mpmath). Not significant → neither worse nor equivalent.
        var row = new SuiteBuilder().Metric(Lower("mse", 0.05))
            .Baseline("mse", Base).Candidate("mse", Plus(Base, 0.12, -0.05, 0.31, 0.08, 0.19)).Evaluate().Verdicts[0];
        Assert.Equal(0.125252339885867784153, row.Comparison!.Worse.Raw, 9);
        Assert.Equal(Verdict.Inconclusive, row.Verdict);
    }

    [Fact]
    public void Different_seeds_use_welch_and_say_so()
    {
        var row = new SuiteBuilder().Metric(Lower("mse"))
            .Baseline("mse", [9.1, 9.6, 10.4, 9.9, 9.3, 10.0], firstSeed: 0)
            .Candidate("mse", [10.2, 11.5, 9.8, 12.1, 10.9], firstSeed: 100).Evaluate().Verdicts[0];
        Assert.Equal(TestMethod.Welch, row.Comparison!.Method);
        Assert.Equal(73689605.0 / 12877846.0, row.Comparison.DegreesOfFreedom!.Value, 10);
        Assert.Equal(0.0223136461270799243917, row.Comparison.Worse.Raw, 10);
        Assert.Equal(Verdict.Regressed, row.Verdict);
        Assert.Contains(row.Notes, n => n.Contains("only in the baseline: 0, 1, 2, 3, 4, 5") && n.Contains("only in the candidate: 100"));
    }

    [Fact]
    public void Welch_with_a_deterministic_baseline_uses_the_candidates_variance_only()
    {
        var row = new SuiteBuilder().Metric(Lower("mse"))
            .Baseline("mse", [2.5, 2.5, 2.5, 2.5], firstSeed: 0)
            .Candidate("mse", [2.61, 2.70, 2.58, 2.66, 2.75], firstSeed: 10).Evaluate().Verdicts[0];
        Assert.Equal(TestMethod.Welch, row.Comparison!.Method);
        Assert.Equal(4, row.Comparison.DegreesOfFreedom!.Value, 12);
        Assert.Equal(0.00315588635102189041488, row.Comparison.Worse.Raw, 10);
    }

    [Fact]
    public void Noise_within_a_zero_margin_is_inconclusive_with_seeds_to_decide()
    {
        var row = new SuiteBuilder().Metric(Lower("mse"))
            .Baseline("mse", Base).Candidate("mse", Plus(Base, 0.01, -0.02, 0.015, -0.005, 0.01)).Evaluate().Verdicts[0];
        Assert.Equal(Verdict.Inconclusive, row.Verdict);
        Assert.NotNull(row.Comparison!.SeedsToDecide);
        Assert.True(row.Comparison.SeedsToDecide > 5);
        Assert.False(row.FailsGate);
    }

    [Fact]
    public void A_difference_of_exactly_zero_with_zero_margin_cannot_be_decided_by_any_number_of_seeds()
    {
        // Mean difference (0.01 − 0.02 + 0.015 − 0.005 + 0)/5 = 0: neither worse nor better, and equivalence
        // within ±0 is impossible for a noisy sample.
        var row = new SuiteBuilder().Metric(Lower("mse"))
            .Baseline("mse", Base).Candidate("mse", Plus(Base, 0.01, -0.02, 0.015, -0.005, 0.0)).Evaluate().Verdicts[0];
        Assert.Equal(Verdict.Inconclusive, row.Verdict);
        Assert.Null(row.Comparison!.SeedsToDecide);
    }

    [Fact]
    public void Noise_well_inside_a_margin_is_no_change_by_two_one_sided_tests()
    {
        var row = new SuiteBuilder().Metric(Lower("mse", 0.1, relative: true))
            .Baseline("mse", Base).Candidate("mse", Plus(Base, 0.01, -0.02, 0.015, -0.005, 0.0)).Evaluate().Verdicts[0];
        Assert.Equal(Verdict.NoChange, row.Verdict);
        Assert.Equal(0.1 * 1.024, row.Comparison!.Margin, 12);
        Assert.True(row.Comparison.ConfidenceLow > -row.Comparison.Margin && row.Comparison.ConfidenceHigh < row.Comparison.Margin);
        Assert.Null(row.Comparison.SeedsToDecide);
    }

    [Theory]
    [InlineData(new[] { -0.1, 0.05, -0.08, 0.02, -0.04 }, DecisionTest.Equivalent)] // mean −0.03, inside ±0.05
    [InlineData(new[] { 0.2, -0.05, 0.15, 0.02, 0.08 }, DecisionTest.Worse)]       // mean +0.08, above +0.05
    [InlineData(new[] { -0.2, 0.05, -0.15, -0.02, -0.08 }, DecisionTest.Better)]   // mean −0.08, below −0.05
    public void Inconclusive_row_shows_the_test_it_is_closest_to_deciding(double[] shifts, DecisionTest expected)
    {
        var row = new SuiteBuilder().Metric(Lower("mse", 0.05)).Baseline("mse", Base).Candidate("mse", Plus(Base, shifts)).Evaluate().Verdicts[0];
        Assert.Equal(Verdict.Inconclusive, row.Verdict);
        Assert.Equal(expected, row.DecidingTest);
        var c = row.Comparison!;
        Assert.Equal(expected switch { DecisionTest.Worse => c.Worse, DecisionTest.Better => c.Better, _ => c.Equivalent }, row.DecidingP);
    }

    [Fact]
    public void Inconclusive_fails_only_under_the_fail_policy()
    {
        var builder = new SuiteBuilder().Metric(Lower("mse"))
            .Baseline("mse", Base).Candidate("mse", Plus(Base, 0.01, -0.02, 0.015, -0.005, 0.0));
        Assert.Equal(0, builder.Evaluate().ExitCode);
        Assert.Equal(1, builder.Evaluate(GatePolicy.Default with { Inconclusive = InconclusivePolicy.Fail }).ExitCode);
    }

    [Fact]
    public void Too_few_seeds_is_inconclusive_with_a_reason()
    {
        var row = new SuiteBuilder().Metric(Lower("mse")).Baseline("mse", [1.0]).Candidate("mse", [1.3], firstSeed: 5).Evaluate().Verdicts[0];
        Assert.Equal(Verdict.Inconclusive, row.Verdict);
        Assert.Null(row.Comparison);
        Assert.Contains(row.Notes, n => n.Contains("at least 2 seeds per side"));
    }
}
