using System.Security.Cryptography;
using System.Text;
using Touchstone.Suites.Analogy;
using Touchstone.Suites.Common;

namespace Touchstone.Suites.Tests.Analogy;

public sealed class KnowledgeGraphBuilderTests
{
    private static readonly string[] SourceSplitNames =
    [
        "id_atomic", "ood_atomic", "id_compositional", "near_ood_compositional", "far_ood_compositional",
        "id_analogical", "ood_analogical",
    ];

    /// <summary>
    /// Counts per split (in <see cref="FactSplit"/> order) and the SHA-256 of the sorted lines
    /// "split\ttokens" of every fact, printed by the source's own builder.py (@291dc97, run with Debian's
    /// python3-numpy 1.24.2). The first row is the README's default; its counts (40/0/106/14/0/3/2) are also the
    /// ones recorded in the source's notebooks/training_dynamics.ipynb, and the second row's (analogical ratio
    /// 0.1: 4/1) those in notebooks/dirichlet_energy_analysis.ipynb. The other rows reach the builder's other
    /// paths: held-out atomic facts and far-OOD paths, entities outside E1 and E2, duplicate relations, more than
    /// 10 000 relations (NumPy's other choice algorithm) and heads that run out of distinct relations.
    /// </summary>
    [Theory]
    [InlineData(10, 10000, 5, 0.0, 0.1, 0.4, false, 42, new[] { 40, 0, 106, 14, 0, 3, 2 }, "84fe9bc520be2c35ed5195980caf89e1cbbce171726baa5007aca3ffa217b3ef")]
    [InlineData(10, 10000, 5, 0.0, 0.1, 0.1, false, 42, new[] { 40, 0, 106, 14, 0, 4, 1 }, "838ed4a5833cafd2907647e5acf8232169e48284c671a6048e37088e97aacbc5")]
    [InlineData(10, 10000, 5, 0.2, 0.1, 0.4, false, 42, new[] { 32, 4, 70, 6, 22, 3, 2 }, "7f3997a9a16111e32eb41c11988eca597e1182245eab0e585f4374bf3c3a3709")]
    [InlineData(30, 10000, 15, 0.0, 0.3, 0.5, false, 2, new[] { 420, 0, 3824, 1636, 0, 8, 7 }, "b26396a08f640f367c3dbfc07e615abee52baf672a1a99dd33c3424624667b53")]
    [InlineData(12, 50, 4, 0.3, 0.5, 0.4, false, 7, new[] { 27, 7, 21, 21, 23, 2, 2 }, "fa1532a252f8c3bac07f3695e39d3ca06ebc1f8a1f7aa527646ee5e96213cad2")]
    [InlineData(20, 20000, 10, 0.1, 0.1, 0.4, false, 0, new[] { 162, 9, 1040, 124, 138, 6, 4 }, "b8c59deb5b2129f9afa223f22ee37fe81323014423c363d527f29c4fcaa82761")]
    [InlineData(11, 30, 3, 0.25, 0.2, 0.5, true, 5, new[] { 25, 6, 33, 8, 29, 2, 1 }, "86b6f8949147403e88fcf0201dbe6f75c69a599963d4740bbf1e84a6fe959e58")]
    [InlineData(9, 6, 4, 0.5, 0.3, 0.4, false, 123, new[] { 12, 6, 8, 2, 19, 2, 2 }, "dc02e52d59392b305264d47aac58e1184de777691f65e16ae61f1dd3ff7389a9")]
    [InlineData(8, 2, 4, 0.0, 0.5, 0.5, false, 1, new[] { 16, 0, 9, 11, 0, 2, 2 }, "4651081f3b18377f4bbbf709d818a161da9b44809806a533167ae27192954e87")]
    [InlineData(10, 10000, 5, 0.0, 0.1, 0.4, true, 42, new[] { 40, 0, 106, 14, 0, 3, 2 }, "9b8d241e8795bd4f38810b875a36cc5f60e774048017ce04763edf656d621f64")]
    public void Facts_are_the_sources_facts(int entities, int relations, int subSize, double atomicOod, double compositionalOod,
        double analogicalOod, bool duplicate, int seed, int[] counts, string sha256)
    {
        var graph = KnowledgeGraphBuilder.Build(new KnowledgeGraphConfig(entities, relations, subSize, atomicOod, compositionalOod,
            analogicalOod, duplicate, seed));

        Assert.Equal(counts, Enum.GetValues<FactSplit>().Select(s => graph.Splits[s].Count).ToArray());
        Assert.Equal(sha256, SortedFactsHash(graph));
    }

    [Fact]
    public void Default_graph_has_the_sources_categories_and_functor()
    {
        // f_map_dict as recorded in notebooks/dirichlet_energy_analysis.ipynb (same seed, same draws before it).
        var graph = Build();

        Assert.Equal([5, 6, 0, 7, 3], graph.E1);
        Assert.Equal([(5, 9), (6, 8), (0, 2), (7, 1), (3, 4)], graph.Functor);
        Assert.Equal(10011, graph.Vocabulary.Size);
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(0.5)]
    public void Every_invariant_of_the_builder_holds(double atomicOod)
    {
        var graph = Build(atomicOod);
        var f = graph.Functor.ToDictionary(p => p.From, p => p.To);

        // E1 and E2 are disjoint and F is a bijection between them.
        Assert.Empty(graph.E1.Intersect(graph.E2));
        Assert.Equal(graph.E1.Order(), f.Keys.Order());
        Assert.Equal(graph.E2.Order(), f.Values.Order());

        // One relation per ordered pair of E1, distinct within each head (ID and held-out together).
        var e1Atomic = graph.Splits[FactSplit.IdAtomic].Concat(graph.Splits[FactSplit.OodAtomic])
            .Where(a => graph.E1.Contains(a.Tokens[0])).ToArray();
        Assert.Equal(graph.E1.Count * (graph.E1.Count - 1), e1Atomic.Length);
        Assert.All(e1Atomic.GroupBy(a => a.Tokens[0]), head => Assert.Equal(head.Count(), head.Select(a => a.Tokens[1]).Distinct().Count()));

        // Each ID fact of E1 is copied to E2 with the same relation, and E2 has nothing else.
        var idAtomic = graph.Splits[FactSplit.IdAtomic].Select(a => (a.Tokens[0], a.Tokens[1], a.Tokens[2])).ToHashSet();
        var idE1 = idAtomic.Where(a => f.ContainsKey(a.Item1)).ToArray();
        Assert.All(idE1, a => Assert.Contains((f[a.Item1], a.Item2, f[a.Item3]), idAtomic));
        Assert.Equal(idE1.Length, idAtomic.Count(a => graph.E2.Contains(a.Item1)));

        // No held-out fact is trained on.
        var train = graph.Train.Select(graph.Text).ToHashSet();
        foreach (var split in new[] { FactSplit.OodAtomic, FactSplit.NearOodCompositional, FactSplit.FarOodCompositional, FactSplit.OodAnalogical })
        {
            Assert.DoesNotContain(graph.Splits[split], fact => train.Contains(graph.Text(fact)));
        }

        // Far-OOD is exactly the two-hop paths (t != e) through a held-out atomic fact.
        var ood = graph.Splits[FactSplit.OodAtomic].Select(a => (a.Tokens[0], a.Tokens[1], a.Tokens[2])).ToHashSet();
        var all = idAtomic.Concat(ood).ToArray();
        var expectedFar = all.SelectMany(s1 => all.Where(s2 => s2.Item1 == s1.Item3 && s2.Item3 != s1.Item1)
                .Where(s2 => ood.Contains(s1) || ood.Contains(s2))
                .Select(s2 => $"{s1.Item1} {s1.Item2} {s2.Item2} {s2.Item3}"))
            .Order().ToArray();
        Assert.NotEmpty(expectedFar);
        Assert.Equal(expectedFar, graph.Splits[FactSplit.FarOodCompositional].Select(c => string.Join(" ", c.Tokens)).Order().ToArray());

        // Analogical facts are (e, <f>, F(e)) for every e in E1, split between ID and OOD.
        var analogical = graph.Splits[FactSplit.IdAnalogical].Concat(graph.Splits[FactSplit.OodAnalogical]).ToArray();
        Assert.Equal(graph.E1.Order(), analogical.Select(a => a.Tokens[0]).Order());
        Assert.All(analogical, a => Assert.Equal((graph.Vocabulary.Functor, f[a.Tokens[0]]), (a.Tokens[1], a.Tokens[2])));
    }

    [Fact]
    public void An_impossible_sub_size_is_refused_naming_the_key()
    {
        var error = Assert.Throws<ConfigException>(() => KnowledgeGraphBuilder.Build(new KnowledgeGraphConfig(10, 100, 6, 0, 0.1, 0.4, false, 42)));

        Assert.Contains("data.sub_size", error.Message);
    }

    private static KnowledgeGraph Build(double atomicOod = 0) =>
        KnowledgeGraphBuilder.Build(new KnowledgeGraphConfig(10, 10000, 5, atomicOod, 0.1, 0.4, false, 42));

    private static string SortedFactsHash(KnowledgeGraph graph)
    {
        var lines = Enum.GetValues<FactSplit>()
            .SelectMany(s => graph.Splits[s].Select(fact => SourceSplitNames[(int)s] + "\t" + graph.Text(fact)))
            .Order(StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lines))));
    }
}
