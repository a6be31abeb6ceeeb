using Touchstone.Core.Declarations;
using Touchstone.Core.Results;
using Touchstone.Gate.Tests.Support;
using Touchstone.Gate.Verdicts;
using static Touchstone.Gate.Tests.Support.SuiteBuilder;

namespace Touchstone.Gate.Tests.Verdicts;

// What happens before any test: diverged cells, missing values, stale baselines.
public sealed class GateEngineGuardTests
{
    private static readonly double[] Base = [1.00, 1.10, 0.95, 1.05, 1.02];

    [Fact]
    public void Failed_cell_makes_the_variants_metrics_diverged_and_is_not_averaged_in()
    {
        var result = new SuiteBuilder().Metric(Lower("mse")).Metric(Lower("loss"))
            .Baseline("mse", Base).Baseline("loss", Base)
            .Candidate("mse", Base).Candidate("loss", Base)
            .CandidateCellFailed(3, CellStatus.Diverged, "loss became NaN at step 120")
            .Evaluate();
        Assert.All(result.Verdicts, r => Assert.Equal(Verdict.Diverged, r.Verdict));
        Assert.All(result.Verdicts, r => Assert.Equal(4, r.Candidate.N));
        Assert.Contains("candidate seed 3 diverged: loss became NaN at step 120", result.Verdicts[0].Notes);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void Nan_or_infinite_value_is_diverged()
    {
        var row = new SuiteBuilder().Metric(Lower("mse"))
            .Baseline("mse", Base).Candidate("mse", [1.0, double.NaN, 0.95, double.PositiveInfinity, 1.02]).Evaluate().Verdicts[0];
        Assert.Equal(Verdict.Diverged, row.Verdict);
        Assert.Equal(3, row.Candidate.N);
        Assert.Contains("candidate seed 1: value is NaN", row.Notes);
        Assert.Contains("candidate seed 3: value is Infinity", row.Notes);
    }

    [Fact]
    public void Metric_absent_from_the_candidate_is_missing_and_fails()
    {
        var result = new SuiteBuilder().Metric(Lower("mse")).Metric(Lower("loss"))
            .Baseline("mse", Base).Baseline("loss", Base).Candidate("mse", Base).Evaluate();
        var loss = result.Verdicts.Single(r => r.Metric.Name == "loss");
        Assert.Equal(Verdict.Missing, loss.Verdict);
        Assert.Contains("candidate run has no test/loss", loss.Notes[0]);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void Metric_declared_for_other_variants_is_not_expected_of_this_one()
    {
        var error = Lower("mse") with { Variants = ["base"] };
        var accuracy = Lower("acc") with { Variants = ["listops"] };
        var result = new SuiteBuilder().Metric(error).Metric(accuracy)
            .Baseline("mse", Base).Candidate("mse", Base)
            .Baseline("acc", Base, variant: "listops").Candidate("acc", Base, variant: "listops")
            .Evaluate();

        Assert.Equal(2, result.Verdicts.Count);
        Assert.DoesNotContain(result.Verdicts, r => r.Variant == "base" && r.Metric.Name == "acc");
        Assert.DoesNotContain(result.Verdicts, r => r.Variant == "listops" && r.Metric.Name == "mse");
        Assert.Equal(Verdict.NoChange, result.Verdicts.Single(r => r.Variant == "listops" && r.Metric.Name == "acc").Verdict);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Variant_without_a_baseline_is_missing_and_says_to_promote()
    {
        var row = new SuiteBuilder().Metric(Lower("mse"))
            .Baseline("mse", Base).Candidate("mse", Base).Candidate("mse", Base, variant: "wide").Evaluate()
            .Verdicts.Single(r => r.Variant == "wide");
        Assert.Equal(Verdict.Missing, row.Verdict);
        Assert.Contains("touchstone promote", row.Notes[0]);
    }

    [Fact]
    public void Different_config_hash_is_stale_and_names_the_hashes()
    {
        var changed = DefaultProvenance with { ConfigHash = "beef" + new string('1', 60) };
        var result = new SuiteBuilder().Metric(Lower("mse")).Baseline("mse", Base).Candidate("mse", Base, provenance: changed).Evaluate();
        var row = result.Verdicts[0];
        Assert.Equal(Verdict.Stale, row.Verdict);
        Assert.Equal(
            ["config hash: c0ffee000000… (baseline) vs beef11111111… (candidate)",
             "the difference is shown for information only; promote a run of the new configuration or environment"],
            row.Notes);
        Assert.True(row.FailsGate);
        Assert.Equal(0, row.Comparison!.Difference);
        Assert.Equal(0, result.HolmFamilySize);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void Stale_rows_show_their_numbers_but_stay_out_of_the_holm_family()
    {
        // b is a noisy regression with raw p 0.0473 (reference script); a is stale. Only b is in the family (m = 1).
        var shifted = Base.Zip([0.12, -0.05, 0.31, 0.08, 0.19], (v, d) => v + d).ToArray();
        var changed = DefaultProvenance with { ConfigHash = "other" };
        var result = new SuiteBuilder().Metric(Lower("b"))
            .Baseline("b", Base).Candidate("b", shifted)
            .Baseline("b", Base, variant: "stale").Candidate("b", shifted, variant: "stale", provenance: changed).Evaluate();
        var stale = result.Verdicts.Single(r => r.Variant == "stale");
        Assert.Equal(Verdict.Stale, stale.Verdict);
        Assert.Equal(TestMethod.Paired, stale.Comparison!.Method);
        Assert.Equal(0.0472732709973462673167, stale.Comparison.Worse.Raw, 9);
        Assert.Null(stale.Comparison.SeedsToDecide);
        Assert.Equal(1, result.HolmFamilySize);
        Assert.Equal(Verdict.Regressed, result.Verdicts.Single(r => r.Variant == "base").Verdict);
    }

    [Fact]
    public void Stale_only_warns_under_the_warn_policy()
    {
        var changed = DefaultProvenance with { DataHash = "0123" };
        var result = new SuiteBuilder().Metric(Lower("mse")).Baseline("mse", Base).Candidate("mse", Base, provenance: changed)
            .Evaluate(GatePolicy.Default with { Stale = StalePolicy.Warn });
        Assert.Equal(Verdict.Stale, result.Verdicts[0].Verdict);
        Assert.False(result.Verdicts[0].FailsGate);
        Assert.Equal(0, result.ExitCode);
    }

    [Theory]
    [InlineData("cuda", "1.13.1", "device kind")]
    [InlineData("cpu", "2.4.0+cu121", "libtorch major version")]
    public void Device_kind_or_libtorch_major_change_is_stale(string device, string libtorch, string fact)
    {
        var changed = DefaultProvenance with { DeviceKind = device, LibtorchVersion = libtorch };
        var row = new SuiteBuilder().Metric(Lower("mse")).Baseline("mse", Base).Candidate("mse", Base, provenance: changed).Evaluate().Verdicts[0];
        Assert.Equal(Verdict.Stale, row.Verdict);
        Assert.StartsWith(fact + ":", row.Notes[0]);
        Assert.Equal(2, row.Notes.Count);
    }

    [Fact]
    public void Libtorch_minor_change_is_not_stale()
    {
        var changed = DefaultProvenance with { LibtorchVersion = "1.13.0" };
        var row = new SuiteBuilder().Metric(Lower("mse")).Baseline("mse", Base).Candidate("mse", Base, provenance: changed).Evaluate().Verdicts[0];
        Assert.Equal(Verdict.NoChange, row.Verdict);
    }

    [Fact]
    public void Stale_is_judged_per_variant()
    {
        var changed = DefaultProvenance with { ConfigHash = "other" };
        var result = new SuiteBuilder().Metric(Lower("mse"))
            .Baseline("mse", Base).Baseline("mse", Base, variant: "wide")
            .Candidate("mse", Base).Candidate("mse", Base, variant: "wide", provenance: changed).Evaluate();
        Assert.Equal(Verdict.NoChange, result.Verdicts.Single(r => r.Variant == "base").Verdict);
        Assert.Equal(Verdict.Stale, result.Verdicts.Single(r => r.Variant == "wide").Verdict);
    }

    [Fact]
    public void Seed_dependent_data_hash_is_compared_seed_by_seed()
    {
        var builder = new SuiteBuilder().Metric(Lower("mse"));
        for (var seed = 0; seed < 3; seed++)
        {
            var perSeed = DefaultProvenance with { DataHash = $"data-{seed}" };
            builder.Baseline("mse", [Base[seed]], firstSeed: seed, provenance: perSeed)
                .Candidate("mse", [Base[seed]], firstSeed: seed, provenance: seed == 2 ? perSeed with { DataHash = "changed" } : perSeed);
        }
        var row = builder.Evaluate().Verdicts[0];
        Assert.Equal(Verdict.Stale, row.Verdict);
        Assert.Equal("data hash (seeds 2): data-2 (baseline) vs changed (candidate)", row.Notes[0]);
    }

    [Fact]
    public void Secondary_metrics_are_reported_without_a_verdict_and_never_fail()
    {
        var result = new SuiteBuilder().Metric(Lower("mse")).Metric(Lower("aux", role: MetricRole.Secondary))
            .Metric(Lower("noisy", role: MetricRole.Secondary)).Metric(Lower("better", role: MetricRole.Secondary))
            .Baseline("mse", Base).Baseline("aux", Base).Baseline("noisy", Base).Baseline("better", Base)
            .Candidate("mse", Base).Candidate("aux", Base.Select(v => v + 1).ToArray())
            .Candidate("noisy", Base.Select((v, i) => v + new[] { 0.3, -0.2, 0.5, 0.1, 0.4 }[i % 5]).ToArray()).Candidate("better", Base.Select(v => v - 1).ToArray()).Evaluate();

        // Worse by 1 exactly, noisily worse, better by 1: the numbers are shown, no verdict is drawn from them.
        foreach (var name in new[] { "aux", "noisy", "better" })
        {
            var row = result.Verdicts.Single(r => r.Metric.Name == name);
            Assert.Equal(Verdict.Reported, row.Verdict);
            Assert.Equal("REPORTED", row.Verdict.Label());
            Assert.False(row.FailsGate);
            Assert.NotNull(row.Comparison);
        }
        Assert.Equal(1.0, result.Verdicts.Single(r => r.Metric.Name == "aux").Comparison!.Difference, 12);
        Assert.Equal(0, result.ExitCode);
        Assert.Single(result.Gated);
        Assert.Equal(3, result.Reported.Count);
        Assert.Equal(3, result.ReportedOnly);
    }

    [Fact]
    public void Reported_metrics_keep_the_labels_that_describe_their_data()
    {
        var result = new SuiteBuilder().Metric(Lower("mse")).Metric(Lower("aux", role: MetricRole.Secondary))
            .Baseline("mse", Base).Candidate("mse", Base).Candidate("aux", Base).Evaluate();

        var aux = result.Verdicts.Single(r => r.Metric.Name == "aux");
        Assert.Equal(Verdict.Missing, aux.Verdict);
        Assert.False(aux.FailsGate);
        Assert.Equal(0, result.ReportedOnly);
    }
}
