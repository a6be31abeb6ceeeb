using Touchstone.Gate.Reports;
using Touchstone.Gate.Statistics;
using Touchstone.Gate.Verdicts;

namespace Touchstone.Gate.Baselines;

/// <summary>How one metric of one variant changes when a baseline is replaced.</summary>
public enum ChangeKind
{
    /// <summary>New in the baseline.</summary>
    Added,

    /// <summary>No longer in the baseline.</summary>
    Removed,

    /// <summary>Some per-seed values or the seed set differ.</summary>
    Changed,

    /// <summary>Every per-seed value is bit-identical.</summary>
    Unchanged,
}

/// <summary>The change of one metric of one variant.</summary>
/// <param name="Variant">Variant name.</param>
/// <param name="Key"><c>split/metric</c>.</param>
/// <param name="Kind">Added, removed, changed or unchanged.</param>
/// <param name="Before">Summary of the old per-seed values (empty when added).</param>
/// <param name="After">Summary of the new per-seed values (empty when removed).</param>
/// <param name="ValuesChanged">How many seeds on both sides have a different value.</param>
/// <param name="SeedsAdded">Seeds only in the new baseline.</param>
/// <param name="SeedsRemoved">Seeds only in the old baseline.</param>
public sealed record MetricChange(
    string Variant,
    string Key,
    ChangeKind Kind,
    SampleSummary Before,
    SampleSummary After,
    int ValuesChanged,
    IReadOnlyList<int> SeedsAdded,
    IReadOnlyList<int> SeedsRemoved);

/// <summary>What replacing a baseline file changes: per metric, and in the provenance of each variant.</summary>
/// <param name="Suite">Suite name.</param>
/// <param name="Profile">Profile name.</param>
/// <param name="Path">The baseline file.</param>
/// <param name="PreviousRunId">The run the old baseline came from; null when there was none.</param>
/// <param name="NewRunId">The promoted run.</param>
/// <param name="Metrics">Per-metric changes, in variant and key order.</param>
/// <param name="Provenance">Per-variant provenance changes (config, data, device, libtorch).</param>
public sealed record BaselineDiff(
    string Suite,
    string Profile,
    string Path,
    string? PreviousRunId,
    string NewRunId,
    IReadOnlyList<MetricChange> Metrics,
    IReadOnlyList<(string Variant, FactDifference Difference)> Provenance)
{
    /// <summary>The old file existed but could not be read; it is replaced as if new.</summary>
    public bool PreviousUnreadable { get; init; }

    /// <summary>True when the new baseline is identical in values and provenance.</summary>
    public bool IsUnchanged => PreviousRunId is not null && Metrics.All(m => m.Kind == ChangeKind.Unchanged) && Provenance.Count == 0;

    /// <summary>Compares the old baseline (null when none) with the new one.</summary>
    public static BaselineDiff Between(Baseline? before, Baseline after, string path)
    {
        var old = before?.Rows ?? [];
        var keys = old.Concat(after.Rows)
            .Select(r => (r.Variant, Key: $"{r.Split}/{r.Metric}"))
            .Distinct()
            .OrderBy(k => k.Variant, StringComparer.Ordinal).ThenBy(k => k.Key, StringComparer.Ordinal);
        var metrics = keys.Select(k => Change(k.Variant, k.Key, old, after.Rows)).ToList();
        var provenance = new List<(string, FactDifference)>();
        if (before is not null)
        {
            var oldSide = before.ToSide();
            var newSide = after.ToSide();
            foreach (var variant in newSide.Cells.Select(c => c.Variant).Distinct().Order(StringComparer.Ordinal))
            {
                var differences = Comparability.Compare(
                    oldSide.Cells.Where(c => c.Variant == variant).ToList(),
                    newSide.Cells.Where(c => c.Variant == variant).ToList());
                provenance.AddRange(differences.Select(d => (variant, d)));
            }
        }
        return new BaselineDiff(after.Suite, after.Profile, path, before?.SourceRunId, after.SourceRunId, metrics, provenance);
    }

    /// <summary>The diff as lines for the console: a header, then one line per metric and provenance change.</summary>
    public IReadOnlyList<string> Describe()
    {
        var lines = new List<string>
        {
            PreviousUnreadable
                ? $"{Suite} ({Profile}): replaced unreadable {Path} with run {NewRunId}"
            : PreviousRunId is null
                ? $"{Suite} ({Profile}): created {Path} from run {NewRunId}"
                : IsUnchanged
                    ? $"{Suite} ({Profile}): {Path} unchanged (run {NewRunId} has the same values as run {PreviousRunId})"
                    : $"{Suite} ({Profile}): replaced {Path}: run {PreviousRunId} → run {NewRunId}",
        };
        foreach (var m in Metrics)
        {
            lines.Add($"  {m.Variant} {m.Key}: " + m.Kind switch
            {
                ChangeKind.Added => $"added, {Summary(m.After)}",
                ChangeKind.Removed => $"removed (was {Summary(m.Before)})",
                ChangeKind.Unchanged => $"unchanged ({m.After.N} seeds)",
                _ => $"{Summary(m.Before)} → {Summary(m.After)}"
                    + (m.ValuesChanged > 0 ? $", {m.ValuesChanged} value{(m.ValuesChanged == 1 ? "" : "s")} changed" : "")
                    + (m.SeedsAdded.Count > 0 ? $", seeds added: {string.Join(", ", m.SeedsAdded)}" : "")
                    + (m.SeedsRemoved.Count > 0 ? $", seeds removed: {string.Join(", ", m.SeedsRemoved)}" : ""),
            });
        }
        lines.AddRange(Provenance.Select(p => $"  {p.Variant} {p.Difference.Fact}: {p.Difference.Baseline} → {p.Difference.Candidate}"));
        return lines;
    }

    private static MetricChange Change(string variant, string key, IReadOnlyList<BaselineRow> before, IReadOnlyList<BaselineRow> after)
    {
        var old = Values(before, variant, key);
        var now = Values(after, variant, key);
        var shared = old.Keys.Intersect(now.Keys).ToList();
        // Bit-level comparison: a baseline that changed in the last place has changed.
        var changed = shared.Count(seed => BitConverter.DoubleToInt64Bits(old[seed]) != BitConverter.DoubleToInt64Bits(now[seed]));
        var added = now.Keys.Except(old.Keys).Order().ToList();
        var removed = old.Keys.Except(now.Keys).Order().ToList();
        var kind = old.Count == 0 ? ChangeKind.Added
            : now.Count == 0 ? ChangeKind.Removed
            : changed == 0 && added.Count == 0 && removed.Count == 0 ? ChangeKind.Unchanged
            : ChangeKind.Changed;
        return new MetricChange(variant, key, kind, Descriptive.Summarize(old.Values.ToList()), Descriptive.Summarize(now.Values.ToList()), changed, added, removed);
    }

    private static SortedDictionary<int, double> Values(IReadOnlyList<BaselineRow> rows, string variant, string key) =>
        new(rows.Where(r => r.Variant == variant && $"{r.Split}/{r.Metric}" == key).ToDictionary(r => r.Seed, r => r.Value));

    private static string Summary(SampleSummary s) => $"{ReportText.MeanSd(s)} (n={s.N})";
}
