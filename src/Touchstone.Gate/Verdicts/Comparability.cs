namespace Touchstone.Gate.Verdicts;

/// <summary>One fact that differs between the baseline and the candidate.</summary>
/// <param name="Fact">What differs: <c>config hash</c>, <c>data hash</c>, <c>device kind</c>, <c>libtorch major version</c>.</param>
/// <param name="Baseline">The baseline's value(s).</param>
/// <param name="Candidate">The candidate's value(s).</param>
public sealed record FactDifference(string Fact, string Baseline, string Candidate)
{
    /// <summary><c>config hash: 3fa2c1… (baseline) vs 9b1e07… (candidate)</c>.</summary>
    public override string ToString() => $"{Fact}: {Baseline} (baseline) vs {Candidate} (candidate)";
}

/// <summary>
/// Decides whether a baseline's cells and a candidate's cells of one variant may be compared at all: same resolved
/// config, same data, same device kind and libtorch major version. Other environment details (CPU model, BLAS,
/// commit) are allowed to differ.
/// </summary>
public static class Comparability
{
    /// <summary>The facts that differ; empty when the two sides are comparable.</summary>
    public static IReadOnlyList<FactDifference> Compare(IReadOnlyList<CellFacts> baseline, IReadOnlyList<CellFacts> candidate)
    {
        var differences = new List<FactDifference>();
        CompareBySeed("config hash", baseline, candidate, c => c.Provenance.ConfigHash, differences);
        CompareBySeed("data hash", baseline, candidate, c => c.Provenance.DataHash, differences);
        CompareSets("device kind", baseline, candidate, c => c.Provenance.DeviceKind, differences);
        CompareSets("libtorch major version", baseline, candidate, c => MajorVersion(c.Provenance.LibtorchVersion), differences);
        return differences;
    }

    /// <summary>The part of a version before the first dot: <c>1.13.1</c> → <c>1</c>, <c>2.4.0+cu121</c> → <c>2</c>.</summary>
    public static string MajorVersion(string version)
    {
        var dot = version.IndexOf('.');
        return dot < 0 ? version : version[..dot];
    }

    // Hashes may depend on the seed (data generated per seed), so compare seed by seed where both sides have the
    // seed, and compare the sets of values only when no seed is shared. Empty hashes (a cell that failed before
    // reporting data) say nothing.
    private static void CompareBySeed(
        string fact,
        IReadOnlyList<CellFacts> baseline,
        IReadOnlyList<CellFacts> candidate,
        Func<CellFacts, string> value,
        List<FactDifference> differences)
    {
        var baseBySeed = baseline.Where(c => value(c).Length > 0).GroupBy(c => c.Seed).ToDictionary(g => g.Key, g => value(g.First()));
        var candBySeed = candidate.Where(c => value(c).Length > 0).GroupBy(c => c.Seed).ToDictionary(g => g.Key, g => value(g.First()));
        var shared = baseBySeed.Keys.Intersect(candBySeed.Keys).Order().ToList();
        if (shared.Count == 0)
        {
            CompareSets(fact, baseline, candidate, value, differences);
            return;
        }
        var differing = shared.Where(seed => baseBySeed[seed] != candBySeed[seed]).ToList();
        if (differing.Count > 0)
        {
            var seedList = differing.Count == shared.Count ? "" : $" (seeds {string.Join(", ", differing)})";
            differences.Add(new FactDifference(
                fact + seedList,
                Describe(differing.Select(s => baseBySeed[s])),
                Describe(differing.Select(s => candBySeed[s]))));
        }
    }

    private static void CompareSets(
        string fact,
        IReadOnlyList<CellFacts> baseline,
        IReadOnlyList<CellFacts> candidate,
        Func<CellFacts, string> value,
        List<FactDifference> differences)
    {
        var baseValues = baseline.Select(value).Where(v => v.Length > 0).ToHashSet();
        var candValues = candidate.Select(value).Where(v => v.Length > 0).ToHashSet();
        if (baseValues.Count > 0 && candValues.Count > 0 && !baseValues.SetEquals(candValues))
        {
            differences.Add(new FactDifference(fact, Describe(baseValues), Describe(candValues)));
        }
    }

    private static string Describe(IEnumerable<string> values)
    {
        var distinct = values.Distinct().Order(StringComparer.Ordinal).Select(Shorten).ToList();
        return distinct.Count <= 3 ? string.Join(", ", distinct) : $"{string.Join(", ", distinct.Take(3))} and {distinct.Count - 3} more";
    }

    // Hex hashes are 64 characters; twelve identify them in a report.
    private static string Shorten(string value) =>
        value.Length > 16 && value.All(char.IsAsciiHexDigit) ? value[..12] + "…" : value;
}
