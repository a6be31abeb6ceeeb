using Touchstone.Core.Declarations;
using Touchstone.Gate.Statistics;
using Touchstone.Gate.Tests.Support;
using Touchstone.Gate.Verdicts;
using static Touchstone.Gate.Tests.Support.SuiteBuilder;

namespace Touchstone.Gate.Tests.Verdicts;

public sealed class MultiplicityFamilyTests
{
    private static readonly double[] Base = [1.00, 1.10, 0.95, 1.05, 1.02];

    // Differences 0.12, −0.05, 0.31, 0.08, 0.19 give raw p = 0.0473 against margin 0 (reference script): alone it
    // regresses at α = 0.05; with a second identical metric Holm doubles the smaller p to 0.0945 and neither does.
    private static readonly double[] Shifted = Base.Zip([0.12, -0.05, 0.31, 0.08, 0.19], (b, d) => b + d).ToArray();

    [Fact]
    public void Alone_a_p_of_0_047_regresses()
    {
        var row = new SuiteBuilder().Metric(Lower("a")).Baseline("a", Base).Candidate("a", Shifted).Evaluate().Verdicts[0];
        Assert.Equal(0.0472732709973462673167, row.Comparison!.Worse.Adjusted, 9);
        Assert.Equal(Verdict.Regressed, row.Verdict);
    }

    [Fact]
    public void Holm_across_metrics_of_different_suites_holds_two_borderline_regressions_back()
    {
        var first = new SuiteBuilder("one").Metric(Lower("a")).Baseline("a", Base).Candidate("a", Shifted).Build();
        var second = new SuiteBuilder("two").Metric(Lower("b")).Baseline("b", Base).Candidate("b", Shifted).Build();
        var result = GateEngine.Evaluate(new GateInput([first, second], GatePolicy.Default));
        Assert.All(result.Verdicts, r =>
        {
            Assert.Equal(0.0472732709973462673167, r.Comparison!.Worse.Raw, 9);
            Assert.Equal(2 * 0.0472732709973462673167, r.Comparison.Worse.Adjusted, 9);
            Assert.Equal(Verdict.Inconclusive, r.Verdict);
        });
    }

    [Fact]
    public void Adjusted_p_values_are_holm_of_the_gated_rows_and_bh_of_the_reported_rows()
    {
        var builder = new SuiteBuilder()
            .Metric(Lower("a")).Metric(Lower("b")).Metric(Lower("c"))
            .Metric(Lower("x", role: MetricRole.Secondary)).Metric(Lower("y", role: MetricRole.Secondary));
        var shifts = new Dictionary<string, double[]>
        {
            ["a"] = [0.12, -0.05, 0.31, 0.08, 0.19],
            ["b"] = [0.02, -0.05, 0.01, 0.08, 0.03],
            ["c"] = [0.2, 0.25, 0.31, 0.18, 0.19],
            ["x"] = [0.12, -0.05, 0.31, 0.08, 0.19],
            ["y"] = [0.02, -0.05, 0.01, 0.08, 0.03],
        };
        foreach (var (name, shift) in shifts)
        {
            builder.Baseline(name, Base).Candidate(name, Base.Zip(shift, (b, d) => b + d).ToArray());
        }
        var result = builder.Evaluate();
        var gated = result.Gated.Select(r => r.Comparison!.Worse).ToList();
        var reported = result.Reported.Select(r => r.Comparison!.Worse).ToList();
        Assert.Equal(Holm.Adjust(gated.Select(p => p.Raw).ToList()), gated.Select(p => p.Adjusted));
        Assert.Equal(BenjaminiHochberg.Adjust(reported.Select(p => p.Raw).ToList()), reported.Select(p => p.Adjusted));
    }

    [Fact]
    public void Exact_decisions_stay_certain_and_do_not_enlarge_the_family()
    {
        // a is deterministic (constant shift, decided exactly); only b is a statistical test, so Holm's m = 1 and
        // b's p = 0.0473 stays below α.
        var result = new SuiteBuilder().Metric(Lower("a")).Metric(Lower("b"))
            .Baseline("a", Base).Candidate("a", Base.Select(v => v + 0.2).ToArray())
            .Baseline("b", Base).Candidate("b", Shifted).Evaluate();
        Assert.Equal(Verdict.Regressed, result.Verdicts[0].Verdict);
        Assert.Equal(0, result.Verdicts[0].Comparison!.Worse.Adjusted);
        Assert.Equal(0.0472732709973462673167, result.Verdicts[1].Comparison!.Worse.Adjusted, 9);
        Assert.Equal(Verdict.Regressed, result.Verdicts[1].Verdict);
        Assert.Equal(1, result.HolmFamilySize);
    }
}
