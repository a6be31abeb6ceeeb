using Touchstone.Core.Declarations;
using Touchstone.Core.Results;
using Touchstone.Core.Running;
using Touchstone.Gate.Baselines;
using Touchstone.Gate.Tests.Support;

namespace Touchstone.Gate.Tests.Baselines;

public sealed class PromotionTests
{
    private static readonly MetricDeclaration Mse = SuiteBuilder.Lower("mse");
    private static readonly MetricDeclaration Acc = SuiteBuilder.Higher("acc");

    [Fact]
    public void Baseline_holds_every_declared_metric_per_seed_with_provenance_sorted()
    {
        var run = new RunFixture().Seeds("b", "test", "mse", 0.3, 0.2).Seeds("a", "test", "mse", 0.5, 0.4)
            .Seeds("a", "test", "acc", 0.9, 0.8).Seeds("b", "test", "acc", 0.7, 0.6)
            .Value("a", 0, "test", "undeclared", 1.0).Build();
        var baseline = Promotion.Build(run, "toy", [Mse, Acc]);
        Assert.Equal(
            ["a/acc/0", "a/acc/1", "a/mse/0", "a/mse/1", "b/acc/0", "b/acc/1", "b/mse/0", "b/mse/1"],
            baseline.Rows.Select(r => $"{r.Variant}/{r.Metric}/{r.Seed}"));
        var row = baseline.Rows[2];
        Assert.Equal(new BaselineRow("toy", "smoke", "a", "test", "mse", 0, 0.5, "c0ffee", "data-0", "fp0001", "cpu", "1.13.1", "run-1"), row);
        Assert.Equal("run-1", baseline.SourceRunId);
        Assert.Equal(RunFixture.Environment, baseline.Fingerprint);
    }

    [Fact]
    public void The_value_at_the_last_step_is_the_final_one()
    {
        var run = new RunFixture().Cell("a", 0).Cell("a", 1)
            .Value("a", 0, "test", "mse", 9.0, step: 50).Value("a", 0, "test", "mse", 0.6, step: 100)
            .Value("a", 1, "test", "mse", 0.4).Build();
        Assert.Equal([0.6, 0.4], Promotion.Build(run, "toy", [Mse]).Rows.Select(r => r.Value));
    }

    [Fact]
    public void Two_values_at_the_last_step_of_one_key_are_refused_naming_it()
    {
        var run = new RunFixture().Cell("a", 0)
            .Value("a", 0, "test", "mse", 0.5, step: 100).Value("a", 0, "test", "mse", 50, step: 100).Build();
        var error = Assert.Throws<GateInputException>(() => Promotion.Build(run, "toy", [Mse]));
        Assert.Contains("has 2 rows for suite toy, variant a, seed 0, test/mse at step 100 (values 0.5, 50)", error.Message);
    }

    [Fact]
    public void Refuses_a_run_with_a_diverged_cell_a_nan_and_a_missing_metric_naming_each()
    {
        var run = new RunFixture().Seeds("a", "test", "mse", 0.5, double.NaN, 0.4).Seeds("a", "test", "acc", 0.9, 0.8)
            .Cell("a", 3, CellStatus.Diverged, "loss became NaN").Build();
        var error = Assert.Throws<GateInputException>(() => Promotion.Build(run, "toy", [Mse, Acc]));
        Assert.Contains("cannot promote suite 'toy' from results/runs/run-1:", error.Message);
        Assert.Contains("cell toy/a/seed-3 diverged (loss became NaN); a baseline must come from a clean run", error.Message);
        Assert.Contains("cell toy/a/seed-1 has test/mse = NaN; a baseline value must be finite", error.Message);
        Assert.Contains("cell toy/a/seed-2 has no final value of test/acc", error.Message);
    }

    [Fact]
    public void Refuses_a_shard_and_an_incomplete_run()
    {
        var fixture = new RunFixture().Seeds("a", "test", "mse", 0.5, 0.4);
        var shard = Assert.Throws<GateInputException>(() => Promotion.Build(fixture.Build(shard: new Shard(1, 2)), "toy", [Mse]));
        Assert.Contains("shard 1/2 only; merge the shards first", shard.Message);
        var incomplete = Assert.Throws<GateInputException>(() =>
            Promotion.Build(fixture.Build(plannedCells: ["toy/a/seed-0", "toy/a/seed-1", "toy/a/seed-2"]), "toy", [Mse]));
        Assert.Contains("the run is incomplete: toy/a/seed-2 have no results; resume the run", incomplete.Message);
    }

    [Fact]
    public void Refuses_a_suite_the_run_does_not_have()
    {
        var run = new RunFixture().Seeds("a", "test", "mse", 0.5, 0.4).Build();
        Assert.Contains("has no cells of suite 'other' (it has: toy)", Assert.Throws<GateInputException>(() => Promotion.Build(run, "other", [Mse])).Message);
    }
}
