namespace Touchstone.Suites.Analogy;

/// <summary>The seven fact sets of the source's builder, named as its probes' <c>type</c> labels.</summary>
public enum FactSplit
{
    /// <summary>Atomic facts (h, r, t) of E1 trained on, and all their copies in E2.</summary>
    IdAtomic,

    /// <summary>Held-out atomic facts of E1 (empty at atomic_ood_ratio 0).</summary>
    OodAtomic,

    /// <summary>Two-hop facts (e, r1, r2, t) trained on.</summary>
    IdCompositional,

    /// <summary>Two-hop facts over trained atomic facts, held out with probability compositional_ood_ratio.</summary>
    NearOodCompositional,

    /// <summary>Two-hop facts through a held-out atomic fact (empty at atomic_ood_ratio 0).</summary>
    FarOodCompositional,

    /// <summary>Analogical facts (e, &lt;f&gt;, F(e)) trained on.</summary>
    IdAnalogical,

    /// <summary>Held-out analogical facts.</summary>
    OodAnalogical,
}

/// <summary>
/// One fact as a token sequence over <see cref="Vocabulary"/>: <c>[h, r, t]</c>, <c>[e, r1, r2, t]</c> or
/// <c>[e, &lt;f&gt;, F(e)]</c>; the last token is the target, the ones before it the input.
/// </summary>
/// <param name="Tokens">Vocabulary ids.</param>
public sealed record Fact(int[] Tokens)
{
    /// <summary>The token predicted (the last).</summary>
    public int Target => Tokens[^1];
}

/// <summary>
/// The source's vocabulary (toy_model/src/data/builder.py, save_dataset): entities <c>&lt;e_i&gt;</c> first, then
/// relations <c>&lt;r_i&gt;</c>, then <c>&lt;f&gt;</c>.
/// </summary>
/// <param name="Entities">Number of entities.</param>
/// <param name="Relations">Number of base relations (without &lt;f&gt;).</param>
public sealed record Vocabulary(int Entities, int Relations)
{
    /// <summary>Entities + relations + &lt;f&gt; (10 011 at the source's defaults).</summary>
    public int Size => Entities + Relations + 1;

    /// <summary>The id of &lt;f&gt;.</summary>
    public int Functor => Entities + Relations;

    /// <summary>The id of relation <paramref name="relation"/>.</summary>
    public int Relation(int relation) => Entities + relation;

    /// <summary>The token's text as the source writes it.</summary>
    public string Name(int id) =>
        id < Entities ? $"<e_{id}>" : id < Functor ? $"<r_{id - Entities}>" : id == Functor ? "<f>"
        : throw new ArgumentOutOfRangeException(nameof(id), $"token id {id} is outside the vocabulary of {Size}.");
}

/// <summary>A built knowledge graph: E1, E2, the functor F: E1 → E2 and the facts of every split.</summary>
/// <param name="Vocabulary">Token ids and names.</param>
/// <param name="E1">The first category, in the order the builder drew it.</param>
/// <param name="E2">The second category.</param>
/// <param name="Functor">F as pairs (e, F(e)) in E1's order.</param>
/// <param name="Splits">Every split's facts, in the builder's order (atomic and analogical sorted as the source sorts them).</param>
public sealed record KnowledgeGraph(
    Vocabulary Vocabulary,
    IReadOnlyList<int> E1,
    IReadOnlyList<int> E2,
    IReadOnlyList<(int From, int To)> Functor,
    IReadOnlyDictionary<FactSplit, IReadOnlyList<Fact>> Splits)
{
    /// <summary>The training set as the source saves it: ID atomic, then ID compositional, then ID analogical.</summary>
    public IReadOnlyList<Fact> Train =>
        [.. Splits[FactSplit.IdAtomic], .. Splits[FactSplit.IdCompositional], .. Splits[FactSplit.IdAnalogical]];

    /// <summary>A fact as text, e.g. <c>&lt;e_3&gt; &lt;f&gt; &lt;e_4&gt;</c>.</summary>
    public string Text(Fact fact) => string.Join(" ", fact.Tokens.Select(Vocabulary.Name));
}
