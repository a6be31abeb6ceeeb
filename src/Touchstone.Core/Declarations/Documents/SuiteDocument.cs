using System.Text.Json.Nodes;

namespace Touchstone.Core.Declarations.Documents;

/// <summary>
/// The YAML form of a suite file, <c>suites/&lt;name&gt;.yaml</c>: the single source of truth for which keys a
/// suite file may have and of what type (keys are the snake_case property names). The loader validates a file
/// against this record, then checks what a type cannot say (a known experiment, config paths that exist, no
/// duplicate metrics) and builds a <see cref="SuiteDeclaration"/>.
/// </summary>
/// <param name="Name">Suite name: lower-case letters, digits, <c>-</c>, <c>_</c>, <c>.</c>; also its results folder.</param>
/// <param name="Experiment">Key of the registered experiment that runs the suite (<c>touchstone list</c> shows them).</param>
/// <param name="Description">One line saying what the suite measures.</param>
/// <param name="Source">Where the protocol comes from (repository, paper, commit).</param>
/// <param name="Config">Defaults of the experiment's config (the source's protocol), checked against its config record.</param>
/// <param name="Profiles">Named profiles (<c>smoke</c>, <c>nightly</c>, <c>full</c>): seeds, variants and sizing overrides.</param>
/// <param name="Metrics">The metrics the experiment reports and how they are judged.</param>
/// <param name="Variants">
/// Named variants, each a mapping of config overrides (<c>path.to.key: value</c>); the key <c>description</c>, if
/// present, describes the variant instead. Without this key the suite has one variant, <c>default</c>.
/// </param>
public sealed record SuiteDocument(
    string Name,
    string Experiment,
    string Description,
    string Source,
    JsonObject Config,
    IReadOnlyDictionary<string, ProfileDocument> Profiles,
    IReadOnlyList<MetricDocument> Metrics,
    IReadOnlyDictionary<string, JsonObject?>? Variants = null);

/// <summary>One profile of a suite file.</summary>
/// <param name="Seeds">Training seeds, each a non-negative integer, no repeats.</param>
/// <param name="Variants">Variants the profile runs; all when absent.</param>
/// <param name="Overrides">Config overrides applied after the variant's (e.g. fewer epochs for <c>smoke</c>).</param>
/// <param name="Description">What the profile is for.</param>
public sealed record ProfileDocument(
    IReadOnlyList<int> Seeds,
    IReadOnlyList<string>? Variants = null,
    JsonObject? Overrides = null,
    string? Description = null);

/// <summary>One declared metric of a suite file.</summary>
/// <param name="Name">Metric name, as the experiment logs it.</param>
/// <param name="Split">Split it is measured on (<c>train</c>, <c>test</c>, <c>ood</c>, …).</param>
/// <param name="Direction"><c>lower</c> or <c>higher</c> is better.</param>
/// <param name="Role"><c>primary</c> (gated) or <c>secondary</c> (reported); primary when a gate is given, else secondary.</param>
/// <param name="Gate">The gate's practical margin for this metric.</param>
/// <param name="Variants">Variants that report this metric; all when absent (e.g. a ListOps metric of a suite whose
/// other variants are vector tasks).</param>
/// <param name="Tolerance">Relative float tolerance of the gate (default 1e-6): per-seed differences within it are
/// floating-point noise, never a change. At least 0 and below 0.01.</param>
public sealed record MetricDocument(
    string Name,
    string Split,
    Direction Direction,
    MetricRole? Role = null,
    GateDocument? Gate = null,
    IReadOnlyList<string>? Variants = null,
    double? Tolerance = null);

/// <summary>How a metric is gated.</summary>
/// <param name="Margin">Practical margin: relative (<c>10%</c>) or absolute (<c>0.01</c>), not negative.</param>
public sealed record GateDocument(string Margin);
