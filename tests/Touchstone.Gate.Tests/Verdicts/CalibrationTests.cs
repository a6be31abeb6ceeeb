using Touchstone.Gate.Tests.Support;
using Touchstone.Gate.Verdicts;
using Xunit.Abstractions;
using static Touchstone.Gate.Tests.Support.SuiteBuilder;

namespace Touchstone.Gate.Tests.Verdicts;

// Calibration by simulation: 10,000 seeded comparisons of 5 seeds per side through the whole engine. Per-seed values
// are normal with sd σ = 1 around 10 (lower is better). Paired: the candidate's seed i shares a seed effect with the
// baseline's seed i with correlation ρ (ρ = 0 is the worst case for pairing); Welch: seeds 0–4 against 5–9.
// Bounds: a false-alarm rate must stay below α + 3·√(α(1−α)/N) = 0.0565 (α within simulation error); at the
// boundary of the null it must also use most of its α, at least 0.8·α = 0.04, or a gate that never fires would pass.
// (The paired t-test is exact and measured 0.0499 over 100,000 runs; Welch's test at equal variances and 5 v 5 is
// known to be slightly conservative and measured 0.0459 over 100,000, so the lower bound is not α − 3·SE.)
// Power must reach 0.8. Expected values from exact noncentral-t integration (Reference/statistics_reference.py):
// power 0.826 paired at ρ = 0, 0.975 paired at ρ = 0.5, 0.892 for the pooled t with 8 df (Welch's is a little less).
public sealed class CalibrationTests(ITestOutputHelper output)
{
    private const int Comparisons = 10_000;
    private const int Seeds = 5;
    private const double Alpha = 0.05;
    private static readonly double SimulationError = Math.Sqrt(Alpha * (1 - Alpha) / Comparisons);

    public static TheoryData<bool, double> Paths => new() { { true, 0.0 }, { true, 0.5 }, { false, 0.0 } };

    [Theory]
    [MemberData(nameof(Paths))]
    public void False_alarm_rate_with_no_true_change_and_zero_margin_is_at_most_alpha(bool paired, double rho)
    {
        var rate = RegressedRate(paired, rho, trueDegradation: 0, margin: 0, seed: 1);
        Report("false alarms, no change, margin 0", paired, rho, rate);
        Assert.InRange(rate, 0.8 * Alpha, Alpha + 3 * SimulationError);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void False_alarm_rate_with_a_true_change_equal_to_the_margin_is_at_most_alpha(bool paired, double rho)
    {
        // The least favourable null: the candidate is worse by exactly the margin (0.5 σ, absolute).
        var rate = RegressedRate(paired, rho, trueDegradation: 0.5, margin: 0.5, seed: 2);
        Report("false alarms, change = margin", paired, rho, rate);
        Assert.InRange(rate, 0.8 * Alpha, Alpha + 3 * SimulationError);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void False_alarm_rate_with_no_change_inside_a_margin_is_far_below_alpha(bool paired, double rho)
    {
        var rate = RegressedRate(paired, rho, trueDegradation: 0, margin: 0.5, seed: 3);
        Report("false alarms, no change, margin 0.5 σ", paired, rho, rate);
        Assert.True(rate <= Alpha + 3 * SimulationError);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Detects_a_degradation_two_seed_sd_beyond_the_margin_at_least_80_percent(bool paired, double rho)
    {
        var rate = RegressedRate(paired, rho, trueDegradation: 0.5 + 2.0, margin: 0.5, seed: 4);
        Report("power, 2 σ beyond margin", paired, rho, rate);
        Assert.True(rate >= 0.8, $"detected {rate:P1}");
    }

    [Fact]
    public void Welch_false_alarm_rate_stays_at_most_alpha_when_the_candidate_is_twice_as_noisy()
    {
        var rate = RegressedRate(paired: false, rho: 0, trueDegradation: 0, margin: 0, seed: 6, candidateSd: 2);
        Report("false alarms, no change, margin 0, candidate sd 2σ", paired: false, rho: 0, rate);
        Assert.InRange(rate, 0.8 * Alpha, Alpha + 3 * SimulationError);
    }

    [Fact]
    public void Family_wise_false_alarm_rate_over_three_gated_metrics_is_at_most_alpha()
    {
        var random = new Random(5);
        var alarms = 0;
        for (var i = 0; i < Comparisons; i++)
        {
            var builder = new SuiteBuilder();
            foreach (var name in new[] { "a", "b", "c" })
            {
                var (baseline, candidate) = Draw(random, paired: true, rho: 0, trueDegradation: 0);
                builder.Metric(Lower(name)).Baseline(name, baseline).Candidate(name, candidate);
            }
            alarms += builder.Evaluate().Verdicts.Any(v => v.Verdict == Verdict.Regressed) ? 1 : 0;
        }
        var rate = (double)alarms / Comparisons;
        output.WriteLine($"family-wise false alarms, 3 metrics, Holm: {rate:0.0000}");
        Assert.True(rate <= Alpha + 3 * SimulationError, $"family-wise rate {rate}");
    }

    private double RegressedRate(bool paired, double rho, double trueDegradation, double margin, int seed, double candidateSd = 1)
    {
        var random = new Random(seed);
        var regressed = 0;
        var method = paired ? TestMethod.Paired : TestMethod.Welch;
        for (var i = 0; i < Comparisons; i++)
        {
            var (baseline, candidate) = Draw(random, paired, rho, trueDegradation, candidateSd);
            var row = new SuiteBuilder().Metric(Lower("mse", margin))
                .Baseline("mse", baseline).Candidate("mse", candidate, firstSeed: paired ? 0 : Seeds).Evaluate().Verdicts[0];
            Assert.Equal(method, row.Comparison!.Method);
            regressed += row.Verdict == Verdict.Regressed ? 1 : 0;
        }
        return (double)regressed / Comparisons;
    }

    private static (double[] Baseline, double[] Candidate) Draw(
        Random random, bool paired, double rho, double trueDegradation, double candidateSd = 1)
    {
        // Seed effect s (shared by the pair when paired) plus own noise e; Var(s) + Var(e) = 1.
        var shared = Math.Sqrt(rho);
        var own = Math.Sqrt(1 - rho);
        var baseline = new double[Seeds];
        var candidate = new double[Seeds];
        for (var i = 0; i < Seeds; i++)
        {
            var seedEffect = Gaussian(random);
            baseline[i] = 10 + shared * seedEffect + own * Gaussian(random);
            var candidateSeedEffect = paired ? seedEffect : Gaussian(random);
            candidate[i] = 10 + trueDegradation + candidateSd * (shared * candidateSeedEffect + own * Gaussian(random));
        }
        return (baseline, candidate);
    }

    // Box–Muller on System.Random: fixed by the seed, independent of any library's sampler.
    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private void Report(string what, bool paired, double rho, double rate) =>
        output.WriteLine($"{what}, {(paired ? $"paired ρ={rho}" : "Welch")}: {rate:0.0000} over {Comparisons}");
}
