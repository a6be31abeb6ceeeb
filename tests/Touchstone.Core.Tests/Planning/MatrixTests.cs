using Touchstone.Core.Declarations;
using Touchstone.Core.Planning;
using Touchstone.Core.Running;
using Touchstone.Core.Tests.Support;

namespace Touchstone.Core.Tests.Planning;

public sealed class MatrixTests
{
    private static readonly LoadedSuite Demo1 = Demo.Load();
    private static readonly LoadedSuite Demo2 = Demo.Load(Demo.Valid.Replace("name: demo", "name: another"));

    private static MatrixRequest Request(string profile = "smoke", string[]? suites = null, string[]? variants = null,
        int[]? seeds = null, string[]? overrides = null) =>
        new(profile, suites ?? [], variants ?? [], seeds, (overrides ?? []).Select(ConfigOverrides.Parse).ToList(), "cpu");

    private static string Message(MatrixRequest request) =>
        Assert.Single(Assert.Throws<DeclarationException>(() => Matrix.Expand([Demo2, Demo1], request)).Diagnostics).Message;

    [Fact]
    public void Cells_are_suite_by_variant_by_seed_in_a_fixed_order()
    {
        var cells = Matrix.Expand([Demo2, Demo1], Request());

        Assert.Equal(
            [
                "another/shipped/seed-0", "another/shipped/seed-1", "another/shipped/seed-2",
                "another/readme/seed-0", "another/readme/seed-1", "another/readme/seed-2",
                "demo/shipped/seed-0", "demo/shipped/seed-1", "demo/shipped/seed-2",
                "demo/readme/seed-0", "demo/readme/seed-1", "demo/readme/seed-2",
            ],
            cells.Select(c => c.Id.ToString()));
        Assert.All(cells, c => Assert.Equal("smoke", c.Profile));
        Assert.All(cells, c => Assert.Equal("cpu", c.Device));
    }

    [Fact]
    public void Seeds_of_a_variant_share_one_config_and_hash_and_variants_differ()
    {
        var cells = Matrix.Expand([Demo1], Request());

        var byVariant = cells.GroupBy(c => c.Id.Variant).ToDictionary(g => g.Key, g => g.Select(c => c.Config.Hash).Distinct().ToList());
        Assert.Single(byVariant["shipped"]);
        Assert.Single(byVariant["readme"]);
        Assert.NotEqual(byVariant["shipped"][0], byVariant["readme"][0]);
    }

    [Fact]
    public void Profile_variant_list_seeds_and_overrides_apply()
    {
        var cells = Matrix.Expand([Demo1], Request("nightly"));

        Assert.Equal(["demo/shipped/seed-0", "demo/shipped/seed-1", "demo/shipped/seed-2", "demo/shipped/seed-3", "demo/shipped/seed-4"],
            cells.Select(c => c.Id.ToString()));
        Assert.Equal(4096, cells[0].Config.ToJsonObject()["data"]!["n_train"]!.GetValue<int>());
        var smoke = Matrix.Expand([Demo1], Request("smoke"));
        Assert.Equal(512, smoke[0].Config.ToJsonObject()["data"]!["n_train"]!.GetValue<int>());
    }

    [Fact]
    public void Suite_variant_and_seed_selections_narrow_the_matrix()
    {
        var cells = Matrix.Expand([Demo2, Demo1], Request(suites: ["demo"], variants: ["readme"], seeds: [7, 3]));

        Assert.Equal(["demo/readme/seed-7", "demo/readme/seed-3"], cells.Select(c => c.Id.ToString()));
    }

    [Fact]
    public void Command_line_override_changes_the_hash_of_every_cell()
    {
        var plain = Matrix.Expand([Demo1], Request());
        var changed = Matrix.Expand([Demo1], Request(overrides: ["training.lr=0.5"]));

        Assert.All(plain.Zip(changed), pair => Assert.NotEqual(pair.First.Config.Hash, pair.Second.Config.Hash));
        Assert.Equal(0.5, changed[0].Config.ToJsonObject()["training"]!["lr"]!.GetValue<double>());
    }

    [Fact]
    public void Expansion_is_deterministic()
    {
        var a = Matrix.Expand([Demo2, Demo1], Request());
        var b = Matrix.Expand([Demo2, Demo1], Request());

        Assert.Equal(a.Select(c => (c.Id, c.Config.Hash)), b.Select(c => (c.Id, c.Config.Hash)));
    }

    [Fact]
    public void Unknown_suite_profile_and_variant_are_named()
    {
        Assert.Equal("no suite named 'dem'; did you mean 'demo'? (suites: another, demo)", Message(Request(suites: ["dem"])));
        Assert.Equal(
            "suite 'another' has no profile 'nighty'; did you mean 'nightly'? (profiles: smoke, nightly); choose another --profile or narrow --suite",
            Message(Request("nighty", suites: ["another"])));
        Assert.Equal("no selected suite has a variant 'readm'; did you mean 'readme'? (variants: shipped, readme)",
            Message(Request(variants: ["readm"])));
    }

    [Fact]
    public void Cells_of_a_manifest_are_planned_again_with_the_same_hashes()
    {
        var cells = Matrix.Expand([Demo2, Demo1], Request(overrides: ["training.lr=0.5"]));
        var some = new[] { cells[7].Id, cells[1].Id };

        var again = Matrix.ForCells([Demo2, Demo1], "smoke", some, [ConfigOverrides.Parse("training.lr=0.5")], "cpu");

        Assert.Equal(some, again.Select(c => c.Id));
        Assert.Equal([cells[7].Config.Hash, cells[1].Config.Hash], again.Select(c => c.Config.Hash));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(12)]
    [InlineData(13)]
    public void Every_cell_is_in_exactly_one_shard_and_shards_are_balanced(int count)
    {
        var cells = Matrix.Expand([Demo2, Demo1], Request());

        var shards = Enumerable.Range(1, count).Select(i => Matrix.SelectShard(cells, new Shard(i, count))).ToList();

        var all = shards.SelectMany(s => s.Select(c => c.Id)).ToList();
        Assert.Equal(cells.Count, all.Count);
        Assert.Equal(cells.Select(c => c.Id).ToHashSet(), all.ToHashSet());
        Assert.True(shards.Max(s => s.Count) - shards.Min(s => s.Count) <= 1);
        Assert.Equal(shards, Enumerable.Range(1, count).Select(i => Matrix.SelectShard(cells, new Shard(i, count))).ToList());
    }

    [Fact]
    public void Seeds_of_one_variant_spread_over_shards()
    {
        var cells = Matrix.Expand([Demo1], Request());

        var first = Matrix.SelectShard(cells, new Shard(1, 3));

        Assert.Equal(["demo/shipped/seed-0", "demo/readme/seed-0"], first.Select(c => c.Id.ToString()));
    }
}
