using Touchstone.Suites.Common.Numpy;

namespace Touchstone.Suites.Analogy;

/// <summary>
/// A port of the source's <c>build_dataset_with_functor</c> (gouki510/Analogy_in_Transformer @291dc97,
/// toy_model/src/data/builder.py) with <c>include_f_inverse=False</c>, drawing from NumPy's
/// <c>default_rng(seed)</c> stream in the source's order, so the same configuration gives the same facts.
/// </summary>
public static class KnowledgeGraphBuilder
{
    /// <summary>Builds the graph of <paramref name="config"/>.</summary>
    public static KnowledgeGraph Build(KnowledgeGraphConfig config)
    {
        config.Validate();
        var rng = new NumpyGenerator((ulong)config.Seed);
        var vocabulary = new Vocabulary(config.NumEntities, config.NumRelations);
        var sub = config.SubSize;

        var perm = rng.Permutation(config.NumEntities);
        var e1 = perm[..sub];
        var e2 = perm[sub..(2 * sub)];
        var other = perm[(2 * sub)..];
        var functor = e1.Zip(rng.Permutation(e2)).ToArray();
        var f = functor.ToDictionary(p => p.First, p => p.Second);
        // The source draws "a subset" of all relations, of size num_relations: a permutation of them.
        var relations = rng.ChoiceWithoutReplacement(config.NumRelations, config.NumRelations).Select(r => (int)r).ToArray();

        var atomics = new List<Triple>();
        var outgoing = new Dictionary<int, List<(int Relation, int Tail)>>();
        void Add(List<Triple> into, Triple fact)
        {
            into.Add(fact);
            Edges(outgoing, fact.Head).Add((fact.Relation, fact.Tail));
        }
        foreach (var head in e1)
        {
            var used = new HashSet<int>();
            foreach (var tail in e1.Where(t => t != head))
            {
                int relation;
                if (config.DuplicateRelation)
                {
                    relation = rng.Choice(relations);
                }
                else
                {
                    var available = relations.Where(r => !used.Contains(r)).ToArray();
                    if (available.Length == 0)
                    {
                        break;
                    }
                    relation = rng.Choice(available);
                    used.Add(relation);
                }
                Add(atomics, new Triple(head, vocabulary.Relation(relation), tail));
            }
        }
        // Entities outside E1 and E2 get random relations among themselves (duplicates allowed), as in the source.
        foreach (var head in other)
        {
            foreach (var tail in other.Where(t => t != head))
            {
                Add(atomics, new Triple(head, vocabulary.Relation(rng.Choice(relations)), tail));
            }
        }

        var (idAtomicList, oodAtomicList) = Split(rng, atomics, (int)Math.Round(atomics.Count * (1 - config.AtomicOodRatio)));
        var idAtomic = idAtomicList.ToHashSet();
        var oodAtomic = oodAtomicList.ToHashSet();
        foreach (var fact in idAtomicList)
        {
            if (f.TryGetValue(fact.Head, out var head) && f.TryGetValue(fact.Tail, out var tail))
            {
                var copy = fact with { Head = head, Tail = tail };
                idAtomic.Add(copy);
                Edges(outgoing, head).Add((copy.Relation, copy.Tail));
            }
        }

        var idComp = new List<Fact>();
        var nearComp = new List<Fact>();
        var farComp = new List<Fact>();
        for (var entity = 0; entity < config.NumEntities; entity++)
        {
            foreach (var (r1, bridge) in Edges(outgoing, entity))
            {
                foreach (var (r2, tail) in Edges(outgoing, bridge))
                {
                    if (tail == entity)
                    {
                        continue;
                    }
                    var fact = new Fact([entity, r1, r2, tail]);
                    if (oodAtomic.Contains(new Triple(entity, r1, bridge)) || oodAtomic.Contains(new Triple(bridge, r2, tail)))
                    {
                        farComp.Add(fact);
                    }
                    else
                    {
                        (rng.Uniform() > config.CompositionalOodRatio ? idComp : nearComp).Add(fact);
                    }
                }
            }
        }

        var analogical = e1.Select(e => new Triple(e, vocabulary.Functor, f[e])).ToList();
        var (idAnalogical, oodAnalogical) = Split(rng, analogical, (int)Math.Round(analogical.Count * (1 - config.AnalogicalOodRatio)));

        var splits = new Dictionary<FactSplit, IReadOnlyList<Fact>>
        {
            [FactSplit.IdAtomic] = Sorted(idAtomic, vocabulary),
            [FactSplit.OodAtomic] = Sorted(oodAtomic, vocabulary),
            [FactSplit.IdCompositional] = idComp,
            [FactSplit.NearOodCompositional] = nearComp,
            [FactSplit.FarOodCompositional] = farComp,
            [FactSplit.IdAnalogical] = Sorted(idAnalogical, vocabulary),
            [FactSplit.OodAnalogical] = Sorted(oodAnalogical, vocabulary),
        };
        return new KnowledgeGraph(vocabulary, e1, e2, functor, splits);
    }

    /// <summary>
    /// The source's <c>split(items, n)</c>: shuffle a copy and cut after n. The builder passes
    /// n = round(count · (1 − ratio)) and names the first part "ID", so the ratio is the held-out fraction.
    /// </summary>
    private static (List<Triple> Head, List<Triple> Tail) Split(NumpyGenerator rng, List<Triple> items, int n)
    {
        var shuffled = items.ToList();
        rng.Shuffle(shuffled);
        n = Math.Clamp(n, 0, shuffled.Count);
        return (shuffled[..n], shuffled[n..]);
    }

    /// <summary>Python's <c>sorted</c> of string tuples: by the tokens' text, ordinal.</summary>
    private static Fact[] Sorted(IEnumerable<Triple> facts, Vocabulary vocabulary) =>
        facts.OrderBy(t => (vocabulary.Name(t.Head), vocabulary.Name(t.Relation), vocabulary.Name(t.Tail)), TupleOrdinal.Instance)
            .Select(t => new Fact([t.Head, t.Relation, t.Tail]))
            .ToArray();

    private static List<(int Relation, int Tail)> Edges(Dictionary<int, List<(int, int)>> outgoing, int head)
    {
        if (!outgoing.TryGetValue(head, out var edges))
        {
            outgoing[head] = edges = [];
        }
        return edges;
    }

    /// <summary>A one-hop fact with the relation already a vocabulary id.</summary>
    private readonly record struct Triple(int Head, int Relation, int Tail);

    private sealed class TupleOrdinal : IComparer<(string, string, string)>
    {
        public static TupleOrdinal Instance { get; } = new();

        public int Compare((string, string, string) x, (string, string, string) y)
        {
            var c = string.CompareOrdinal(x.Item1, y.Item1);
            if (c == 0)
            {
                c = string.CompareOrdinal(x.Item2, y.Item2);
            }
            return c != 0 ? c : string.CompareOrdinal(x.Item3, y.Item3);
        }
    }
}
