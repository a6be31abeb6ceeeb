using MathNet.Numerics.Distributions;
using Touchstone.Analysis.Compare;
using Touchstone.Analysis.Sql;
using Touchstone.Analysis.Tests.Support;
using Touchstone.Core.Declarations;
using Touchstone.Gate.Baselines;
using Touchstone.Gate.Runs;
using Touchstone.Gate.Verdicts;
using Touchstone.Testing;

namespace Touchstone.Analysis.Tests;

public sealed class RunComparerTests : IDisposable
{
    private readonly TempDirectory _dir = new("touchstone-compare");

    public void Dispose() => _dir.Dispose();

    private static double T975(double df) => StudentT.InvCDF(0, 1, df, 0.975);

    private string Run(string id, int[] seeds, double[] values, string profile = "smoke", string configHash = "c0ffee") =>
        new RunWriter(id, profile: profile) { ConfigHash = configHash }
            .Seeds("v", "test", "mse", seeds, values)
            .WriteTo(_dir.Combine(id));

    private static ComparisonResult Compare(IEnumerable<string> folders, ComparisonOptions? options = null)
    {
        using var db = ResultsDatabase.Open(folders);
        return RunComparer.Compare(ComparisonSide.FromRuns(db), options ?? ComparisonOptions.Default);
    }

    [Fact]
    public void Matching_seeds_are_paired_with_hand_computed_means_intervals_and_difference()
    {
        var a = Run("a", [0, 1, 2], [1.0, 2.0, 3.0]);
        var b = Run("b", [0, 1, 2], [1.5, 2.0, 4.0]);

        var row = Assert.Single(Assert.Single(Compare([a, b]).Suites).Rows);

        var first = row.Sides[0].Values;
        Assert.Equal(3, first.N);
        Assert.Equal(2.0, first.Mean, 12);
        // sd 1, half-width t(0.975, 2)·1/√3
        Assert.Equal(2.0 - T975(2) / Math.Sqrt(3), first.Low, 9);
        Assert.Equal(2.0 + T975(2) / Math.Sqrt(3), first.High, 9);
        var second = row.Sides[1].Values;
        Assert.Equal(2.5, second.Mean, 12);
        Assert.Equal(2.5 + T975(2) * Math.Sqrt(1.75) / Math.Sqrt(3), second.High, 9);
        // Per-seed differences 0.5, 0, 1: mean 0.5, sd 0.5, 2 degrees of freedom.
        var d = row.Sides[1].Difference!;
        Assert.Equal(TestMethod.Paired, d.Method);
        Assert.Equal(0.5, d.Difference, 12);
        Assert.Equal(2, d.DegreesOfFreedom);
        Assert.Equal(0.5 - T975(2) * 0.5 / Math.Sqrt(3), d.Low, 9);
        Assert.Equal(0.5 + T975(2) * 0.5 / Math.Sqrt(3), d.High, 9);
        Assert.Equal(0.25, d.Relative!.Value, 12);
        Assert.Null(row.Sides[0].Difference);
    }

    [Fact]
    public void Different_seeds_use_welch_with_hand_computed_degrees_of_freedom()
    {
        var a = Run("a", [0, 1, 2], [1.0, 2.0, 3.0]);
        var b = Run("b", [3, 4, 5], [2.0, 4.0, 6.0]);

        var d = Assert.Single(Assert.Single(Compare([a, b]).Suites).Rows).Sides[1].Difference!;

        // Variances 1 and 4 over n = 3: se = √(5/3); ν = (5/3)² / ((1/3)²/2 + (4/3)²/2) = 50/17.
        Assert.Equal(TestMethod.Welch, d.Method);
        Assert.Equal(2.0, d.Difference, 12);
        Assert.Equal(50.0 / 17, d.DegreesOfFreedom!.Value, 9);
        Assert.Equal(2.0 - T975(50.0 / 17) * Math.Sqrt(5.0 / 3), d.Low, 7);
        Assert.Equal(2.0 + T975(50.0 / 17) * Math.Sqrt(5.0 / 3), d.High, 7);
    }

    [Theory]
    [InlineData(Direction.Lower, new[] { 0, 1, 2, 3 })]
    [InlineData(Direction.Higher, new[] { 0, 1, 2, 3 })]
    [InlineData(Direction.Lower, new[] { 4, 5, 6, 7 })]
    [InlineData(Direction.Higher, new[] { 4, 5, 6, 7 })]
    public void The_difference_and_its_interval_are_the_gates_for_the_same_pair(Direction direction, int[] candidateSeeds)
    {
        var a = Run("a", [0, 1, 2, 3], [0.31, 0.27, 0.35, 0.30]);
        var b = Run("b", candidateSeeds, [0.36, 0.29, 0.41, 0.33]);
        var metric = new MetricDeclaration("mse", "test", direction, MetricRole.Primary, new GateMargin(0.1, true));
        var gate = GateEngine.Evaluate(new GateInput(
            [new SuiteGateInput("toy", "smoke", [metric], CandidateSide.Of(RunReader.Read(a), "toy"), CandidateSide.Of(RunReader.Read(b), "toy"))],
            GatePolicy.Default));
        var expected = Assert.Single(gate.Verdicts).Comparison!;

        var options = ComparisonOptions.Default with { Level = GatePolicy.Default.ConfidenceLevel };
        var d = Assert.Single(Assert.Single(Compare([a, b], options).Suites).Rows).Sides[1].Difference!;

        Assert.Equal(expected.Method, d.Method);
        Assert.Equal(expected.Difference, d.Difference);
        Assert.Equal(expected.ConfidenceLow, d.Low);
        Assert.Equal(expected.ConfidenceHigh, d.High);
        Assert.Equal(expected.DegreesOfFreedom, d.DegreesOfFreedom);
    }

    [Fact]
    public void A_run_of_another_config_or_profile_is_compared_but_marked()
    {
        var a = Run("a", [0, 1], [1.0, 2.0]);
        var sameConfig = Run("b", [0, 1], [1.1, 2.1]);
        var otherConfig = Run("c", [0, 1], [1.1, 2.1], configHash: "beef");
        var otherProfile = Run("d", [0, 1], [1.1, 2.1], profile: "nightly");

        var sides = Assert.Single(Assert.Single(Compare([a, sameConfig, otherConfig, otherProfile]).Suites).Rows).Sides;

        Assert.False(sides[1].Marked);
        Assert.True(sides[2].Marked);
        Assert.Contains(sides[2].Notes, n => n.Contains("config hash", StringComparison.Ordinal) && n.Contains("beef", StringComparison.Ordinal));
        Assert.True(sides[3].Marked);
        Assert.Contains(sides[3].Notes, n => n.Contains("profile smoke (first) vs nightly", StringComparison.Ordinal));
        Assert.All(sides.Skip(1), s => Assert.NotNull(s.Difference));
    }

    [Fact]
    public void Metrics_the_suite_declares_primary_are_flagged_gated()
    {
        var folder = new RunWriter("a")
            .Seeds("v", "test", "mse", [0, 1], [1.0, 2.0])
            .Seeds("v", "test", "r2", [0, 1], [0.5, 0.6])
            .WriteTo(_dir.Combine("a"));
        var declared = new MetricDeclaration("mse", "test", Direction.Lower, MetricRole.Primary, GateMargin.Zero);

        var rows = Assert.Single(Compare([folder], ComparisonOptions.Default with { Declarations = _ => [declared] }).Suites).Rows;

        Assert.True(rows.Single(r => r.Metric == "mse").Gated);
        Assert.False(rows.Single(r => r.Metric == "r2").Gated);
    }

    [Fact]
    public void Suite_and_metric_filters_keep_only_what_was_asked_for()
    {
        var folder = new RunWriter("a")
            .Seeds("v", "test", "mse", [0, 1], [1.0, 2.0])
            .Seeds("v", "train", "mse", [0, 1], [0.5, 0.6])
            .Seeds("v", "test", "r2", [0, 1], [0.5, 0.6])
            .WriteTo(_dir.Combine("a"));

        var byKey = Compare([folder], ComparisonOptions.Default with { Metrics = ["test/mse"] });
        var byName = Compare([folder], ComparisonOptions.Default with { Metrics = ["mse"] });
        var otherSuite = Compare([folder], ComparisonOptions.Default with { Suites = ["other"] });

        Assert.Equal(["test/mse"], Assert.Single(byKey.Suites).Rows.Select(r => r.MetricKey));
        Assert.Equal(["test/mse", "train/mse"], Assert.Single(byName.Suites).Rows.Select(r => r.MetricKey));
        Assert.Empty(otherSuite.Suites);
    }

    [Fact]
    public void The_final_value_of_a_seed_is_the_one_at_the_highest_step()
    {
        var a = new RunWriter("a")
            .Cell("v", 0).Cell("v", 1)
            .Value("v", 0, "test", "mse", 100.0, step: 200).Value("v", 0, "test", "mse", 1.0, step: 100)
            .Value("v", 1, "test", "mse", 3.0, step: 200)
            .WriteTo(_dir.Combine("a"));

        var values = Assert.Single(Assert.Single(Compare([a]).Suites).Rows).Sides[0].Values;

        Assert.Equal(51.5, values.Mean, 12);
    }

    [Fact]
    public void NaN_seeds_are_left_out_of_the_statistics_and_named()
    {
        var a = Run("a", [0, 1, 2], [1.0, 2.0, 3.0]);
        var b = Run("b", [0, 1, 2], [1.0, double.NaN, 3.0]);

        var side = Assert.Single(Assert.Single(Compare([a, b]).Suites).Rows).Sides[1];

        Assert.Equal(2, side.Values.N);
        Assert.Equal(1, side.Values.NonFinite);
        Assert.Contains(side.Notes, n => n.Contains("seeds 1 are NaN", StringComparison.Ordinal));
        Assert.Equal(TestMethod.Welch, side.Difference!.Method);
    }

    [Fact]
    public void The_committed_baseline_is_a_side_of_its_own()
    {
        var store = new BaselineStore(_dir.Combine("baselines"));
        store.Write(new Baseline("toy", "smoke", "old", DateTime.UnixEpoch, null,
        [
            new BaselineRow("toy", "smoke", "v", "test", "mse", 0, 1.0, "c0ffee", "data-0", "fp0001", "cpu", "1.13.1", "old"),
            new BaselineRow("toy", "smoke", "v", "test", "mse", 1, 2.0, "c0ffee", "data-1", "fp0001", "cpu", "1.13.1", "old"),
        ]));
        var a = Run("a", [0, 1], [1.5, 2.5]);
        using var db = ResultsDatabase.Open([a]);

        var sides = new[] { ComparisonSide.FromBaseline(store, "toy", "smoke") }.Concat(ComparisonSide.FromRuns(db)).ToList();
        var row = Assert.Single(Assert.Single(RunComparer.Compare(sides, ComparisonOptions.Default).Suites).Rows);

        Assert.Equal("baseline:toy/smoke", sides[0].Run.Label);
        Assert.Equal(0.5, row.Sides[1].Difference!.Difference, 12);
        Assert.False(row.Sides[1].Marked);
        Assert.Throws<QueryException>(() => ComparisonSide.FromBaseline(store, "toy", "nightly"));
    }
}
