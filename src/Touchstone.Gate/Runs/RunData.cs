using Touchstone.Core.Environment;
using Touchstone.Core.Results;
using Touchstone.Core.Running;

namespace Touchstone.Gate.Runs;

/// <summary>What the gate and promote read from a run folder.</summary>
/// <param name="Directory">The run folder.</param>
/// <param name="Manifest">manifest.json.</param>
/// <param name="Cells">cells.parquet.</param>
/// <param name="Metrics">metrics.parquet (final metrics).</param>
public sealed record RunData(string Directory, RunManifest Manifest, IReadOnlyList<CellRow> Cells, IReadOnlyList<MetricRow> Metrics)
{
    /// <summary>The suites of the run: those the manifest names, then any others that have cells.</summary>
    public IReadOnlyList<string> Suites =>
        Manifest.Suites.Concat(Cells.Select(c => c.Suite)).Distinct().ToList();

    /// <summary>Cell ids the manifest plans that have no row in cells.parquet.</summary>
    public IReadOnlyList<string> CellsWithoutResults
    {
        get
        {
            var done = Cells.Select(c => $"{c.Suite}/{c.Variant}/seed-{c.Seed}").ToHashSet(StringComparer.Ordinal);
            return Manifest.Cells.Where(id => !done.Contains(id)).ToList();
        }
    }

    /// <summary>
    /// The environment a cell ran in: the one its row names by hash among the manifest's (a resumed or merged run
    /// may hold several), else the run's own.
    /// </summary>
    public EnvironmentFingerprint FingerprintOf(CellRow cell) =>
        cell.Fingerprint == Manifest.FingerprintHash
            ? Manifest.Fingerprint
            : Manifest.OtherFingerprints.FirstOrDefault(f => FingerprintCollector.Hash(f) == cell.Fingerprint) ?? Manifest.Fingerprint;

    /// <summary><c>cpu</c> from <c>cpu</c>, <c>cuda</c> from <c>cuda:0</c>.</summary>
    public static string DeviceKind(string device)
    {
        var colon = device.IndexOf(':');
        return colon < 0 ? device : device[..colon];
    }
}
