namespace Touchstone.Core.Experiments;

/// <summary>The identity of a cell within a profile: suite × variant × seed.</summary>
/// <param name="Suite">Suite name.</param>
/// <param name="Variant">Variant name.</param>
/// <param name="Seed">Training seed.</param>
public sealed record CellId(string Suite, string Variant, int Seed)
{
    /// <summary>The stable textual id, <c>suite/variant/seed-N</c>, also the cell's folder below <c>cells/</c>.</summary>
    public override string ToString() => $"{Suite}/{Variant}/seed-{Seed}";
}
