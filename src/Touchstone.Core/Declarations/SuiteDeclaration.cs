using System.Text.Json.Nodes;

namespace Touchstone.Core.Declarations;

/// <summary>A place in a source file, for error messages.</summary>
/// <param name="File">Path of the file.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <summary><c>file:line:column</c>.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}";
}

/// <summary>One <c>key.path=value</c> override of the config.</summary>
/// <param name="Path">Dotted path into the config, e.g. <c>training.epochs</c>.</param>
/// <param name="Value">The new value.</param>
/// <param name="Location">Where the override was written (null for the command line).</param>
public sealed record ConfigOverride(string Path, JsonNode? Value, SourceLocation? Location);

/// <summary>A named variant: a set of overrides of the defaults.</summary>
/// <param name="Name">Variant name.</param>
/// <param name="Description">What the variant is (e.g. which reading of the source).</param>
/// <param name="Overrides">Its overrides.</param>
public sealed record VariantDeclaration(string Name, string? Description, IReadOnlyList<ConfigOverride> Overrides)
{
    /// <summary>The experiment key the variant names with its key <c>experiment</c>, or null for the suite's.</summary>
    public string? Experiment { get; init; }
}

/// <summary>A profile: which seeds and variants to run, and overrides that size the run.</summary>
/// <param name="Name">smoke, nightly, full, …</param>
/// <param name="Seeds">Seeds to run.</param>
/// <param name="Variants">Variants to run; null for all.</param>
/// <param name="Overrides">Overrides applied after the variant's.</param>
public sealed record ProfileDeclaration(
    string Name,
    IReadOnlyList<int> Seeds,
    IReadOnlyList<string>? Variants,
    IReadOnlyList<ConfigOverride> Overrides)
{
    /// <summary>
    /// In a suite whose variants run different experiments: the profile's overrides checked against each
    /// experiment (by key) that has their keys. An override applies to a variant only where the variant's
    /// experiment has its key. Empty in a suite of one experiment, where <see cref="Overrides"/> is used.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ConfigOverride>> OverridesByExperiment { get; init; } =
        new Dictionary<string, IReadOnlyList<ConfigOverride>>();
}

/// <summary>A suite as declared in <c>suites/&lt;name&gt;.yaml</c>, validated.</summary>
/// <param name="Name">Suite name.</param>
/// <param name="Experiment">Key of the experiment implementation.</param>
/// <param name="Description">One-line description.</param>
/// <param name="Source">Where the protocol comes from.</param>
/// <param name="Config">Default config (the source's protocol), snake_case keys.</param>
/// <param name="Variants">Named variants.</param>
/// <param name="Profiles">Named profiles.</param>
/// <param name="Metrics">Declared metrics.</param>
/// <param name="File">The YAML file it was read from.</param>
public sealed record SuiteDeclaration(
    string Name,
    string Experiment,
    string Description,
    string Source,
    JsonObject Config,
    IReadOnlyList<VariantDeclaration> Variants,
    IReadOnlyList<ProfileDeclaration> Profiles,
    IReadOnlyList<MetricDeclaration> Metrics,
    string File);
