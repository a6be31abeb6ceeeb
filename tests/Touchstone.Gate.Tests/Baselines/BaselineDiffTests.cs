using Touchstone.Gate.Baselines;
using Touchstone.Gate.Tests.Support;

namespace Touchstone.Gate.Tests.Baselines;

public sealed class BaselineDiffTests
{
    private static Baseline Make(RunFixture run) =>
        Promotion.Build(run.Build(), "toy", [SuiteBuilder.Lower("mse"), SuiteBuilder.Higher("acc")]);

    [Fact]
    public void First_promotion_creates_and_lists_every_metric_as_added()
    {
        var after = Make(new RunFixture().Seeds("a", "test", "mse", 0.5, 0.4).Seeds("a", "test", "acc", 0.9, 0.8));
        var diff = BaselineDiff.Between(null, after, "results/baselines/toy/smoke.parquet");
        Assert.Equal(
            [
                "toy (smoke): created results/baselines/toy/smoke.parquet from run run-1",
                "  a test/acc: added, 0.85 ± 0.07071 (n=2)",
                "  a test/mse: added, 0.45 ± 0.07071 (n=2)",
            ],
            diff.Describe());
    }

    [Fact]
    public void Replacement_lists_changed_added_removed_and_provenance()
    {
        var before = Make(new RunFixture("run-1").Seeds("a", "test", "mse", 0.5, 0.4).Seeds("a", "test", "acc", 0.9, 0.8)
            .Seeds("old", "test", "mse", 1, 2).Seeds("old", "test", "acc", 1, 2));
        var after = Make(new RunFixture("run-2") { ConfigHash = "beef" }.Seeds("a", "test", "mse", 0.5, 0.45, 0.3).Seeds("a", "test", "acc", 0.9, 0.8, 0.7)
            .Seeds("new", "test", "mse", 1, 2).Seeds("new", "test", "acc", 1, 2));
        var diff = BaselineDiff.Between(before, after, "p.parquet");
        Assert.False(diff.IsUnchanged);
        Assert.Equal(
            [
                "toy (smoke): replaced p.parquet: run run-1 → run run-2",
                "  a test/acc: 0.85 ± 0.07071 (n=2) → 0.8 ± 0.1 (n=3), seeds added: 2",
                "  a test/mse: 0.45 ± 0.07071 (n=2) → 0.4167 ± 0.1041 (n=3), 1 value changed, seeds added: 2",
                "  new test/acc: added, 1.5 ± 0.7071 (n=2)",
                "  new test/mse: added, 1.5 ± 0.7071 (n=2)",
                "  old test/acc: removed (was 1.5 ± 0.7071 (n=2))",
                "  old test/mse: removed (was 1.5 ± 0.7071 (n=2))",
                "  a config hash: c0ffee → beef",
            ],
            diff.Describe());
    }

    [Fact]
    public void Identical_values_are_unchanged()
    {
        var before = Make(new RunFixture("run-1").Seeds("a", "test", "mse", 0.5, 0.4).Seeds("a", "test", "acc", 0.9, 0.8));
        var after = Make(new RunFixture("run-2").Seeds("a", "test", "mse", 0.5, 0.4).Seeds("a", "test", "acc", 0.9, 0.8));
        var diff = BaselineDiff.Between(before, after, "p.parquet");
        Assert.True(diff.IsUnchanged);
        Assert.Equal("toy (smoke): p.parquet unchanged (run run-2 has the same values as run run-1)", diff.Describe()[0]);
    }

    [Fact]
    public void A_change_in_the_last_bit_is_a_change()
    {
        var before = Make(new RunFixture("run-1").Seeds("a", "test", "mse", 0.5, 0.4).Seeds("a", "test", "acc", 0.9, 0.8));
        var after = Make(new RunFixture("run-2").Seeds("a", "test", "mse", 0.5, Math.BitIncrement(0.4)).Seeds("a", "test", "acc", 0.9, 0.8));
        var change = BaselineDiff.Between(before, after, "p.parquet").Metrics.Single(m => m.Key == "test/mse");
        Assert.Equal(ChangeKind.Changed, change.Kind);
        Assert.Equal(1, change.ValuesChanged);
    }
}
