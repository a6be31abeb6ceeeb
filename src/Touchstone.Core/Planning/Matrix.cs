using Touchstone.Core.Declarations;
using Touchstone.Core.Experiments;
using Touchstone.Core.Running;

namespace Touchstone.Core.Planning;

/// <summary>What to run: a profile of some suites, optionally narrowed, with command-line overrides.</summary>
/// <param name="Profile">Profile name (smoke, nightly, full, …).</param>
/// <param name="Suites">Suite names to run; empty for all.</param>
/// <param name="Variants">Variant names to run; empty for each profile's own list.</param>
/// <param name="Seeds">Seeds replacing each profile's list; null to keep it.</param>
/// <param name="Overrides">Command-line overrides, applied last.</param>
/// <param name="Device">Device for every cell.</param>
public sealed record MatrixRequest(
    string Profile,
    IReadOnlyList<string> Suites,
    IReadOnlyList<string> Variants,
    IReadOnlyList<int>? Seeds,
    IReadOnlyList<ConfigOverride> Overrides,
    string Device);

/// <summary>
/// Expands suites into cells: suite × variant × seed for one profile, each with its resolved config. The order is
/// fixed (suites by name, variants as declared, seeds as listed), so every machine computes the same list and the
/// same shards.
/// </summary>
public static class Matrix
{
    /// <summary>Every cell of the request, in matrix order.</summary>
    /// <exception cref="DeclarationException">A suite, profile or variant does not exist, or an override does not fit.</exception>
    public static IReadOnlyList<CellPlan> Expand(IReadOnlyList<LoadedSuite> suites, MatrixRequest request)
    {
        var errors = new List<Diagnostic>();
        var selected = SelectSuites(suites, request.Suites, errors);
        var unmatchedVariants = request.Variants.Where(v => !selected.Any(s => s.Variant(v) is not null)).ToList();
        foreach (var name in unmatchedVariants)
        {
            var known = selected.SelectMany(s => s.Declaration.Variants.Select(v => v.Name)).Distinct().ToList();
            errors.Add(new Diagnostic(null, "--variant",
                $"no selected suite has a variant '{name}'{Suggestions.DidYouMean(name, known)} (variants: {string.Join(", ", known)})"));
        }
        var cells = new List<CellPlan>();
        foreach (var suite in selected)
        {
            if (suite.Profile(request.Profile) is not { } profile)
            {
                var names = suite.Declaration.Profiles.Select(p => p.Name).ToList();
                errors.Add(new Diagnostic(null, "--profile",
                    $"suite '{suite.Name}' has no profile '{request.Profile}'{Suggestions.DidYouMean(request.Profile, names)} " +
                    $"(profiles: {string.Join(", ", names)}); choose another --profile or narrow --suite"));
                continue;
            }
            var commandLine = ConfigResolver.CheckCommandLine(suite, request.Overrides, errors);
            var seeds = request.Seeds ?? profile.Seeds;
            foreach (var variant in Variants(suite, profile, request.Variants))
            {
                var config = ConfigResolver.Resolve(suite, variant, profile, commandLine, errors);
                if (config is null)
                {
                    continue;
                }
                cells.AddRange(seeds.Select(seed =>
                    new CellPlan(new CellId(suite.Name, variant.Name, seed), profile.Name, config, request.Device)));
            }
        }
        if (errors.Count > 0)
        {
            throw new DeclarationException(errors.DistinctBy(e => e.Message).ToList());
        }
        return cells;
    }

    /// <summary>
    /// The plans of the given cells (a run's manifest), resolved against the suites as they are now, for resuming
    /// or checking a run.
    /// </summary>
    /// <exception cref="DeclarationException">A cell's suite, variant or profile no longer exists, or an override no longer fits.</exception>
    public static IReadOnlyList<CellPlan> ForCells(
        IReadOnlyList<LoadedSuite> suites, string profile, IReadOnlyList<CellId> cells, IReadOnlyList<ConfigOverride> overrides, string device)
    {
        var request = new MatrixRequest(
            profile,
            cells.Select(c => c.Suite).Distinct().ToList(),
            cells.Select(c => c.Variant).Distinct().ToList(),
            cells.Select(c => c.Seed).Distinct().ToList(),
            overrides,
            device);
        var expanded = Expand(suites, request).ToDictionary(p => p.Id);
        var missing = cells.Where(c => !expanded.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new DeclarationException("cells",
                $"the suites no longer declare {string.Join(", ", missing)} under profile '{profile}'");
        }
        return cells.Select(c => expanded[c]).ToList();
    }

    /// <summary>
    /// The cells of shard <paramref name="shard"/>: every n-th cell of the matrix order, starting at the i-th. Each
    /// cell is in exactly one shard, shard sizes differ by at most one, and neighbouring cells (the seeds of one
    /// variant) spread over the shards, so shards take about equally long.
    /// </summary>
    public static IReadOnlyList<CellPlan> SelectShard(IReadOnlyList<CellPlan> cells, Shard? shard) =>
        shard is null ? cells : cells.Where((_, index) => index % shard.Count == shard.Index - 1).ToList();

    private static List<LoadedSuite> SelectSuites(IReadOnlyList<LoadedSuite> suites, IReadOnlyList<string> names, List<Diagnostic> errors)
    {
        if (names.Count == 0)
        {
            return suites.ToList();
        }
        var known = suites.Select(s => s.Name).ToList();
        foreach (var name in names.Where(n => !known.Contains(n)))
        {
            errors.Add(new Diagnostic(null, "--suite",
                $"no suite named '{name}'{Suggestions.DidYouMean(name, known)} (suites: {string.Join(", ", known)})"));
        }
        return suites.Where(s => names.Contains(s.Name)).ToList();
    }

    private static IEnumerable<VariantDeclaration> Variants(LoadedSuite suite, ProfileDeclaration profile, IReadOnlyList<string> requested) =>
        suite.Declaration.Variants
            .Where(v => profile.Variants?.Contains(v.Name) ?? true)
            .Where(v => requested.Count == 0 || requested.Contains(v.Name));
}
