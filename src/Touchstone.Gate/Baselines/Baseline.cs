using Touchstone.Core.Environment;
using Touchstone.Core.Results;
using Touchstone.Gate.Verdicts;

namespace Touchstone.Gate.Baselines;

/// <summary>One baseline file: a suite's per-seed values for one profile, and the run and environment they came from.</summary>
/// <param name="Suite">Suite name.</param>
/// <param name="Profile">Profile name.</param>
/// <param name="SourceRunId">The run that was promoted.</param>
/// <param name="SourceRunCreatedAt">When that run was created (UTC).</param>
/// <param name="Fingerprint">The run's environment, in full.</param>
/// <param name="Rows">The per-seed values, sorted by variant, split, metric and seed.</param>
public sealed record Baseline(
    string Suite,
    string Profile,
    string SourceRunId,
    DateTime SourceRunCreatedAt,
    EnvironmentFingerprint? Fingerprint,
    IReadOnlyList<BaselineRow> Rows)
{
    /// <summary>The baseline as the gate engine's baseline side: one ok cell per (variant, seed), and the values.</summary>
    public SideData ToSide()
    {
        var cells = Rows
            .GroupBy(r => (r.Variant, r.Seed))
            .Select(g => g.First())
            .Select(r => new CellFacts(r.Variant, r.Seed, CellStatus.Ok, null, new Provenance(r.ConfigHash, r.DataHash, r.DeviceKind, r.LibtorchVersion)))
            .ToList();
        var values = Rows.Select(r => new SeedValue(r.Variant, r.Seed, r.Split, r.Metric, r.Value)).ToList();
        return new SideData(cells, values);
    }
}
