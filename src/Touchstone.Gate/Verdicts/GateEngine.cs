using Touchstone.Core.Declarations;
using Touchstone.Core.Results;
using Touchstone.Gate.Statistics;

namespace Touchstone.Gate.Verdicts;

/// <summary>
/// Reaches the gate's verdicts: for every suite, variant and declared metric, first what makes a comparison
/// impossible (diverged cells, missing values, a stale baseline), then the tests; then Holm's correction across all
/// gated metrics of the invocation (Benjamini–Hochberg across reported ones), then the verdicts and what fails.
/// </summary>
public static class GateEngine
{
    /// <summary>Evaluates the gate. Pure: no files, no console.</summary>
    public static GateResult Evaluate(GateInput input)
    {
        var policy = input.Policy.Validated();
        var cases = input.Suites.SelectMany(suite => CasesOf(suite, policy)).ToList();
        AdjustFamily(cases.Where(c => c.Row.IsGated && IsStatistical(c.Row)).ToList(), Holm.Adjust);
        AdjustFamily(cases.Where(c => !c.Row.IsGated && IsStatistical(c.Row)).ToList(), BenjaminiHochberg.Adjust);
        var rows = cases.Select(c => Decide(c.Row, policy)).ToList();
        return new GateResult(rows, policy);
    }

    /// <summary>
    /// Whether a row's verdict rests on a statistical test that can err. Exact (zero-variance) decisions cannot raise
    /// a false alarm and stale rows draw no verdict from their numbers, so neither joins the correction's family nor
    /// makes the other tests stricter.
    /// </summary>
    public static bool IsStatistical(MetricVerdict row) =>
        row.Verdict != Verdict.Stale && row.Comparison is { Method: not TestMethod.Exact };

    // A row under construction; mutable only inside the engine, while the family corrections are applied.
    private sealed class Case(MetricVerdict row)
    {
        public MetricVerdict Row { get; set; } = row;
    }

    private static IEnumerable<Case> CasesOf(SuiteGateInput suite, GatePolicy policy)
    {
        var variants = suite.Baseline.Cells.Select(c => c.Variant)
            .Concat(suite.Candidate.Cells.Select(c => c.Variant))
            .Concat(suite.Baseline.Values.Select(v => v.Variant))
            .Concat(suite.Candidate.Values.Select(v => v.Variant))
            .Distinct()
            .Order(StringComparer.Ordinal);
        foreach (var variant in variants)
        {
            var baseCells = suite.Baseline.Cells.Where(c => c.Variant == variant).ToList();
            var candCells = suite.Candidate.Cells.Where(c => c.Variant == variant).ToList();
            var stale = Comparability.Compare(baseCells, candCells);
            foreach (var metric in suite.Metrics.Where(m => m.AppliesTo(variant)))
            {
                yield return new Case(Assess(suite, variant, metric, candCells, stale, policy));
            }
        }
    }

    private static MetricVerdict Assess(
        SuiteGateInput suite,
        string variant,
        MetricDeclaration metric,
        IReadOnlyList<CellFacts> candCells,
        IReadOnlyList<FactDifference> stale,
        GatePolicy policy)
    {
        var baseline = MetricSample.Of(suite.Baseline.Values, variant, metric);
        var candidate = MetricSample.Of(suite.Candidate.Values, variant, metric);
        var row = new MetricVerdict(suite.Suite, suite.Profile, variant, metric, Verdict.Inconclusive, false,
            Descriptive.Summarize(baseline.Finite.Values.ToList()), Descriptive.Summarize(candidate.Finite.Values.ToList()), null, []);

        var diverged = DivergenceNotes(candCells, candidate, baseline);
        if (diverged.Count > 0)
        {
            return row with { Verdict = Verdict.Diverged, Notes = diverged };
        }
        if (baseline.Finite.Count == 0 || candidate.Finite.Count == 0)
        {
            return row with { Verdict = Verdict.Missing, Notes = [MissingNote(baseline, candidate, suite, variant, metric)] };
        }
        var outcome = MetricComparer.Compare(baseline.Finite, candidate.Finite, metric.Direction, metric.Margin,
            policy.FloatTolerance ?? metric.Tolerance, policy);
        if (stale.Count > 0)
        {
            // The numbers are still shown, so a re-promote can be judged; no verdict is drawn from them.
            return row with
            {
                Verdict = Verdict.Stale,
                Comparison = outcome.Comparison,
                Notes = [.. stale.Select(d => d.ToString()), "the difference is shown for information only; promote a run of the new configuration or environment"],
            };
        }
        // A reported metric is not judged, so the notes about how a verdict was tested do not apply to it; why no
        // comparison could be made still does.
        var testNotes = metric.Role == MetricRole.Primary || outcome.Comparison is null ? outcome.Notes : [];
        var notes = SeedGapNotes(baseline, candidate).Concat(testNotes).ToList();
        return row with { Comparison = outcome.Comparison, Notes = notes };
    }

    private static List<string> DivergenceNotes(IReadOnlyList<CellFacts> candCells, MetricSample candidate, MetricSample baseline)
    {
        var notes = candCells
            .Where(c => c.Status != CellStatus.Ok)
            .OrderBy(c => c.Seed)
            .Select(c => $"candidate seed {c.Seed} {c.Status.ToString().ToLowerInvariant()}" + (c.Error is { Length: > 0 } e ? $": {e}" : ""))
            .ToList();
        notes.AddRange(candidate.NonFinite.Select(p => $"candidate seed {p.Key}: value is {Invariant(p.Value)}"));
        notes.AddRange(baseline.NonFinite.Select(p => $"baseline seed {p.Key}: value is {Invariant(p.Value)} (promote a clean run)"));
        return notes;
    }

    private static string Invariant(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string MissingNote(MetricSample baseline, MetricSample candidate, SuiteGateInput suite, string variant, MetricDeclaration metric) =>
        baseline.Finite.Count == 0 && candidate.Finite.Count == 0
            ? $"neither the baseline nor the candidate has {metric.Key} for variant {variant}"
            : baseline.Finite.Count == 0
                ? $"the baseline has no {metric.Key} for variant {variant}: promote a run that has it (touchstone promote --run <dir> --suite {suite.Suite})"
                : $"the candidate run has no {metric.Key} for variant {variant}: check that the run includes this variant and that the experiment logs the metric";

    private static IEnumerable<string> SeedGapNotes(MetricSample baseline, MetricSample candidate)
    {
        var onlyBase = baseline.Finite.Keys.Except(candidate.Finite.Keys).Order().ToList();
        var onlyCand = candidate.Finite.Keys.Except(baseline.Finite.Keys).Order().ToList();
        if (onlyBase.Count > 0 || onlyCand.Count > 0)
        {
            yield return "seeds differ, so the sides are compared unpaired (Welch)"
                + (onlyBase.Count > 0 ? $"; only in the baseline: {string.Join(", ", onlyBase)}" : "")
                + (onlyCand.Count > 0 ? $"; only in the candidate: {string.Join(", ", onlyCand)}" : "");
        }
    }

    private static void AdjustFamily(IReadOnlyList<Case> family, Func<IReadOnlyList<double>, double[]> adjust)
    {
        if (family.Count == 0)
        {
            return;
        }
        var worse = adjust(family.Select(c => c.Row.Comparison!.Worse.Raw).ToList());
        var better = adjust(family.Select(c => c.Row.Comparison!.Better.Raw).ToList());
        var equivalent = adjust(family.Select(c => c.Row.Comparison!.Equivalent.Raw).ToList());
        for (var i = 0; i < family.Count; i++)
        {
            var comparison = family[i].Row.Comparison!;
            family[i].Row = family[i].Row with
            {
                Comparison = comparison with
                {
                    Worse = comparison.Worse with { Adjusted = worse[i] },
                    Better = comparison.Better with { Adjusted = better[i] },
                    Equivalent = comparison.Equivalent with { Adjusted = equivalent[i] },
                },
            };
        }
    }

    // Rows still undecided (INCONCLUSIVE so far) with a comparison get their verdict from the adjusted p-values; the
    // others (DIVERGED, MISSING, STALE, too few seeds) keep theirs. A reported metric has no margin to be judged
    // against: undecided, it is REPORTED, whatever its p-values say.
    private static MetricVerdict Decide(MetricVerdict row, GatePolicy policy)
    {
        var verdict = row is { Verdict: Verdict.Inconclusive, IsGated: false } ? Verdict.Reported
            : row is { Verdict: Verdict.Inconclusive, Comparison: { } c }
            ? c.Worse.Adjusted < policy.Alpha ? Verdict.Regressed
            : c.Better.Adjusted < policy.Alpha ? Verdict.Improved
            : c.Equivalent.Adjusted < policy.Alpha ? Verdict.NoChange
            : Verdict.Inconclusive
            : row.Verdict;
        var comparison = verdict == Verdict.Inconclusive ? row.Comparison : row.Comparison is null ? null : row.Comparison with { SeedsToDecide = null };
        return row with { Verdict = verdict, Comparison = comparison, FailsGate = row.IsGated && Fails(verdict, policy) };
    }

    private static bool Fails(Verdict verdict, GatePolicy policy) => verdict switch
    {
        Verdict.Regressed or Verdict.Missing or Verdict.Diverged => true,
        Verdict.Stale => policy.Stale == StalePolicy.Fail,
        Verdict.Inconclusive => policy.Inconclusive == InconclusivePolicy.Fail,
        _ => false,
    };
}
