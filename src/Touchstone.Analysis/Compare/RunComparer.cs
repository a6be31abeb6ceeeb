using Touchstone.Core.Declarations;
using Touchstone.Gate.Statistics;
using Touchstone.Gate.Verdicts;

namespace Touchstone.Analysis.Compare;

/// <summary>What to compare and how.</summary>
/// <param name="Level">Confidence level of every interval.</param>
/// <param name="Suites">Only these suites; empty for all.</param>
/// <param name="Metrics">Only these metrics (<c>name</c> or <c>split/name</c>); empty for all.</param>
/// <param name="Declarations">The metrics a suite declares (for which are gated); an empty list when unknown.</param>
public sealed record ComparisonOptions(
    double Level,
    IReadOnlyList<string> Suites,
    IReadOnlyList<string> Metrics,
    Func<string, IReadOnlyList<MetricDeclaration>> Declarations)
{
    /// <summary>95 % intervals, every suite and metric, nothing known about declarations.</summary>
    public static ComparisonOptions Default { get; } = new(0.95, [], [], _ => []);
}

/// <summary>
/// Compares sides metric by metric: each side's mean with a t interval across seeds, then its difference to the
/// first side computed by the gate's own <see cref="MetricComparer"/> (paired by seed when the seeds match, Welch
/// otherwise, exact without seed variance) with a zero margin, so the difference and its interval are the gate's
/// numbers for the same pair; and the gate's <see cref="Comparability"/> rules mark sides from another config, data
/// or environment.
/// </summary>
public static class RunComparer
{
    /// <summary>Compares <paramref name="sides"/>; the first is the reference.</summary>
    public static ComparisonResult Compare(IReadOnlyList<ComparisonSide> sides, ComparisonOptions options)
    {
        if (sides.Count == 0)
        {
            throw new ArgumentException("nothing to compare: pass at least one run");
        }
        if (!(options.Level > 0 && options.Level < 1))
        {
            throw new ArgumentException($"the confidence level must be between 0 and 1; got {options.Level}");
        }
        var suites = sides.SelectMany(s => s.Suites.Keys).Distinct().Order(StringComparer.Ordinal)
            .Where(s => options.Suites.Count == 0 || options.Suites.Contains(s))
            .Select(suite => CompareSuite(suite, sides, options))
            .ToList();
        return new ComparisonResult(options.Level, suites);
    }

    /// <summary>Mean and t interval at <paramref name="level"/> of per-seed values (NaN bounds below two values).</summary>
    public static SeedMean Interval(IReadOnlyList<double> finite, int nonFinite, double level)
    {
        var summary = Descriptive.Summarize(finite);
        if (summary.N < 2)
        {
            return new SeedMean(summary.N, summary.Mean, double.NaN, double.NaN, nonFinite);
        }
        var half = StudentTQuantile.Of(1 - (1 - level) / 2, summary.N - 1) * summary.StandardDeviation / Math.Sqrt(summary.N);
        return new SeedMean(summary.N, summary.Mean, summary.Mean - half, summary.Mean + half, nonFinite);
    }

    private static SuiteComparison CompareSuite(string suite, IReadOnlyList<ComparisonSide> sides, ComparisonOptions options)
    {
        var declared = options.Declarations(suite);
        var data = sides.Select(s => s.Suites.GetValueOrDefault(suite) ?? new SideData([], [])).ToList();
        var keys = data.SelectMany(d => d.Values).Select(v => (v.Variant, v.Split, v.Metric)).Distinct()
            .Where(k => options.Metrics.Count == 0 || options.Metrics.Contains(k.Metric) || options.Metrics.Contains($"{k.Split}/{k.Metric}"))
            .OrderBy(k => k.Variant, StringComparer.Ordinal).ThenBy(k => k.Split, StringComparer.Ordinal).ThenBy(k => k.Metric, StringComparer.Ordinal)
            .ToList();
        var marks = MarksByVariant(keys.Select(k => k.Variant).Distinct().ToList(), sides, data);
        var rows = keys.Select(key =>
        {
            var gated = declared.Any(m => m.Name == key.Metric && m.Split == key.Split && m.Role == MetricRole.Primary && m.AppliesTo(key.Variant));
            var declaration = new MetricDeclaration(key.Metric, key.Split, Direction.Lower, MetricRole.Secondary, GateMargin.Zero);
            var samples = data.Select(d => MetricSample.Of(d.Values, key.Variant, declaration)).ToList();
            var cells = samples.Select((sample, i) => Cell(samples[0], sample, i, options.Level, marks[key.Variant][i])).ToList();
            return new ComparisonRow(key.Variant, key.Split, key.Metric, gated, cells);
        }).ToList();
        return new SuiteComparison(suite, sides.Select(s => s.Run).ToList(), rows);
    }

    private static ComparedValues Cell(MetricSample first, MetricSample sample, int index, double level, IReadOnlyList<string> marks)
    {
        var values = Interval(sample.Finite.Values.ToList(), sample.NonFinite.Count, level);
        var notes = new List<string>(marks);
        if (sample.NonFinite.Count > 0)
        {
            notes.Add($"seeds {string.Join(", ", sample.NonFinite.Keys.Order())} are NaN or infinite and left out");
        }
        if (index == 0)
        {
            return new ComparedValues(values, null, notes);
        }
        if (first.Finite.Count == 0 || sample.Finite.Count == 0)
        {
            notes.Add(sample.Finite.Count == 0 ? "no finite value on this side" : "no finite value on the first side");
            return new ComparedValues(values, null, notes);
        }
        // A zero margin and direction "lower" leave the gate's difference unoriented: candidate − reference. The
        // interval's level is 1 − 2α, so α = (1 − level) / 2; the permutation cross-check is not needed here.
        var policy = new GatePolicy(Alpha: (1 - level) / 2, MaxPermutationArrangements: 1);
        var outcome = MetricComparer.Compare(first.Finite, sample.Finite, Direction.Lower, GateMargin.Zero, MetricDeclaration.DefaultTolerance, policy);
        if (outcome.Comparison is not { } c)
        {
            notes.AddRange(outcome.Notes);
            return new ComparedValues(values, null, notes);
        }
        var reference = Descriptive.Summarize(first.Finite.Values.ToList()).Mean;
        var relative = reference == 0 ? (double?)null : c.Difference / Math.Abs(reference);
        return new ComparedValues(values, new MeanDifference(c.Method, c.Difference, c.ConfidenceLow, c.ConfidenceHigh, c.DegreesOfFreedom, relative), notes);
    }

    // What makes each side incomparable with the first, per variant: the gate's facts, and the profile.
    private static Dictionary<string, IReadOnlyList<string>[]> MarksByVariant(
        IReadOnlyList<string> variants, IReadOnlyList<ComparisonSide> sides, IReadOnlyList<SideData> data) =>
        variants.ToDictionary(variant => variant, variant => sides.Select((side, i) =>
        {
            if (i == 0)
            {
                return (IReadOnlyList<string>)[];
            }
            var differences = Comparability.Compare(
                data[0].Cells.Where(c => c.Variant == variant).ToList(),
                data[i].Cells.Where(c => c.Variant == variant).ToList());
            var marks = differences.Select(d => $"{ComparisonNotes.Incomparable}{d.Fact}: {d.Baseline} (first) vs {d.Candidate}").ToList();
            if (side.Run.Profile != sides[0].Run.Profile)
            {
                marks.Add($"{ComparisonNotes.Incomparable}profile {sides[0].Run.Profile} (first) vs {side.Run.Profile}");
            }
            return (IReadOnlyList<string>)marks;
        }).ToArray());
}
