using Touchstone.Core.Declarations;

namespace Touchstone.Gate;

/// <summary>Suite metric declarations from validated suite declarations (the suite YAML files).</summary>
/// <param name="suites">The declared suites.</param>
/// <param name="source">Where they were read from, for the message about an unknown suite.</param>
public sealed class DeclaredSuites(IEnumerable<SuiteDeclaration> suites, string source) : ISuiteMetrics
{
    private readonly Dictionary<string, SuiteDeclaration> _byName = suites.ToDictionary(s => s.Name, StringComparer.Ordinal);

    /// <inheritdoc />
    public IReadOnlyList<MetricDeclaration> MetricsOf(string suite) =>
        _byName.TryGetValue(suite, out var declaration)
            ? declaration.Metrics
            : throw new GateInputException(
                $"suite '{suite}' has no declaration in {source} (declared: {string.Join(", ", _byName.Keys.Order(StringComparer.Ordinal))}); "
                + "pass --suites-dir with the folder that declares it");
}
