using Touchstone.Core.Declarations;
using Touchstone.Core.Results;

namespace Touchstone.Gate.Verdicts;

/// <summary>What a cell's numbers depend on, as far as comparability goes.</summary>
/// <param name="ConfigHash">Hash of the resolved config.</param>
/// <param name="DataHash">Hash of the generated data (empty when the cell failed before making any).</param>
/// <param name="DeviceKind"><c>cpu</c> or <c>cuda</c>.</param>
/// <param name="LibtorchVersion">libtorch version, e.g. <c>1.13.1</c>; only the major version must match.</param>
public sealed record Provenance(string ConfigHash, string DataHash, string DeviceKind, string LibtorchVersion);

/// <summary>One cell of one side: how it ended and where its numbers come from.</summary>
/// <param name="Variant">Variant name.</param>
/// <param name="Seed">Seed.</param>
/// <param name="Status">ok, failed or diverged.</param>
/// <param name="Error">Why it failed or diverged, when it did.</param>
/// <param name="Provenance">Config, data and environment of the cell.</param>
public sealed record CellFacts(string Variant, int Seed, CellStatus Status, string? Error, Provenance Provenance);

/// <summary>One per-seed value of a metric.</summary>
/// <param name="Variant">Variant name.</param>
/// <param name="Seed">Seed.</param>
/// <param name="Split">Split the metric is measured on.</param>
/// <param name="Metric">Metric name.</param>
/// <param name="Value">The value (NaN and infinities kept; they make the metric DIVERGED).</param>
public sealed record SeedValue(string Variant, int Seed, string Split, string Metric, double Value);

/// <summary>The cells and values of one side (baseline or candidate) of one suite.</summary>
/// <param name="Cells">Every cell of the side.</param>
/// <param name="Values">Final metric values of the side.</param>
public sealed record SideData(IReadOnlyList<CellFacts> Cells, IReadOnlyList<SeedValue> Values);

/// <summary>One suite to gate: its declared metrics and both sides.</summary>
/// <param name="Suite">Suite name.</param>
/// <param name="Profile">Profile of the run and of the baseline.</param>
/// <param name="Metrics">The suite's declared metrics; primary ones are gated.</param>
/// <param name="Baseline">The promoted baseline.</param>
/// <param name="Candidate">The run under test.</param>
public sealed record SuiteGateInput(
    string Suite,
    string Profile,
    IReadOnlyList<MetricDeclaration> Metrics,
    SideData Baseline,
    SideData Candidate);

/// <summary>Everything one gate invocation decides on; Holm's correction spans all of it.</summary>
/// <param name="Suites">The suites to gate.</param>
/// <param name="Policy">Alpha and the policies.</param>
public sealed record GateInput(IReadOnlyList<SuiteGateInput> Suites, GatePolicy Policy);
