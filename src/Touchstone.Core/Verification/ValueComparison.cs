using Touchstone.Core.Results;

namespace Touchstone.Core.Verification;

/// <summary>Which table a compared value comes from.</summary>
public enum ValueTable
{
    /// <summary>curves.parquet: values logged during training.</summary>
    Curves,

    /// <summary>metrics.parquet: final metrics.</summary>
    Metrics,
}

/// <summary>The first place two recordings of a cell part: a value, or a row that only one of them has.</summary>
/// <param name="Table">The table.</param>
/// <param name="Split">The split of the row.</param>
/// <param name="Metric">The metric of the row.</param>
/// <param name="Step">The step of the row.</param>
/// <param name="Recorded">The recorded value, or null when the recording has no such row.</param>
/// <param name="Now">The re-executed value, or null when the re-execution has no such row.</param>
public sealed record FirstDifference(ValueTable Table, string Split, string Metric, long Step, double? Recorded, double? Now)
{
    /// <summary>The value's key, e.g. <c>ood/mse at step 300 (curves)</c>.</summary>
    public string Where => $"{Split}/{Metric} at step {Step} ({Table.ToString().ToLowerInvariant()})";
}

/// <summary>
/// How the values of two recordings of one cell compare, bit for bit: the number of values compared and that
/// differ, the first difference, and the largest absolute, relative and ULP distances among the differing values.
/// </summary>
/// <param name="Compared">Values compared (rows of both tables in the recording).</param>
/// <param name="Differing">Values whose bits differ, plus rows only one side has.</param>
/// <param name="First">The first difference in the curves (in logging order), else in the final metrics.</param>
/// <param name="MaxAbsolute">Largest |recorded − now| among differing values (NaN when a NaN is involved).</param>
/// <param name="MaxRelative">Largest |recorded − now| / max(|recorded|, |now|).</param>
/// <param name="MaxUlps">Largest distance in ULPs of the stored doubles; null when a NaN is involved.</param>
public sealed record ValueComparison(int Compared, int Differing, FirstDifference? First, double MaxAbsolute, double MaxRelative, UInt128? MaxUlps)
{
    /// <summary>Whether every value has the same bits and both sides have the same rows.</summary>
    public bool Identical => Differing == 0;

    /// <summary>
    /// Compares two recordings row by row in the order they were written (which a deterministic cell repeats):
    /// rows pair up by position and must agree on split, metric and step; values compare by their bits, so
    /// <c>0.0</c> and <c>-0.0</c> differ and a NaN equals the same NaN.
    /// </summary>
    public static ValueComparison Of(
        IReadOnlyList<MetricRow> recordedCurves, IReadOnlyList<MetricRow> nowCurves,
        IReadOnlyList<MetricRow> recordedMetrics, IReadOnlyList<MetricRow> nowMetrics)
    {
        var tally = new Tally();
        tally.Add(ValueTable.Curves, recordedCurves, nowCurves);
        tally.Add(ValueTable.Metrics, recordedMetrics, nowMetrics);
        return new ValueComparison(tally.Compared, tally.Differing, tally.First, tally.MaxAbsolute, tally.MaxRelative, tally.MaxUlps);
    }

    private sealed class Tally
    {
        public int Compared { get; private set; }
        public int Differing { get; private set; }
        public FirstDifference? First { get; private set; }
        public double MaxAbsolute { get; private set; }
        public double MaxRelative { get; private set; }
        public UInt128? MaxUlps { get; private set; } = UInt128.Zero;

        public void Add(ValueTable table, IReadOnlyList<MetricRow> recorded, IReadOnlyList<MetricRow> now)
        {
            for (var i = 0; i < Math.Max(recorded.Count, now.Count); i++)
            {
                var r = i < recorded.Count ? recorded[i] : null;
                var n = i < now.Count ? now[i] : null;
                Compared += r is null ? 0 : 1;
                if (r is not null && n is not null && SameKey(r, n))
                {
                    if (BitConverter.DoubleToInt64Bits(r.Value) != BitConverter.DoubleToInt64Bits(n.Value))
                    {
                        Differ(table, r, r.Value, n.Value);
                    }
                    continue;
                }
                // A row only one side has (or rows out of step): the values cannot be paired from here on.
                var row = (r ?? n)!;
                Differ(table, row, r?.Value, r is not null && n is not null ? null : n?.Value);
            }
        }

        private void Differ(ValueTable table, MetricRow row, double? recorded, double? now)
        {
            Differing++;
            First ??= new FirstDifference(table, row.Split, row.Metric, row.Step, recorded, now);
            if (recorded is not { } a || now is not { } b)
            {
                return;
            }
            var absolute = Math.Abs(a - b);
            var scale = Math.Max(Math.Abs(a), Math.Abs(b));
            MaxAbsolute = double.IsNaN(absolute) || double.IsNaN(MaxAbsolute) ? double.NaN : Math.Max(MaxAbsolute, absolute);
            var relative = scale == 0 ? 0 : absolute / scale;
            MaxRelative = double.IsNaN(relative) || double.IsNaN(MaxRelative) ? double.NaN : Math.Max(MaxRelative, relative);
            var ulps = Ulps.Between(a, b);
            MaxUlps = ulps is null || MaxUlps is null ? null : UInt128.Max(MaxUlps.Value, ulps.Value);
        }

        private static bool SameKey(MetricRow a, MetricRow b) =>
            a.Split == b.Split && a.Metric == b.Metric && a.Step == b.Step;
    }
}
