using Touchstone.Core.Declarations;

namespace Touchstone.Gate;

/// <summary>Where the gate gets each suite's declared metrics (the CLI answers from the suite YAML files).</summary>
public interface ISuiteMetrics
{
    /// <summary>The metrics <paramref name="suite"/> declares.</summary>
    /// <exception cref="GateInputException">The suite is unknown.</exception>
    IReadOnlyList<MetricDeclaration> MetricsOf(string suite);
}
