using Touchstone.Core.Declarations;
using Touchstone.Core.Results;
using Touchstone.Gate.Reports;
using Touchstone.Gate.Verdicts;
using static Touchstone.Gate.Tests.Support.SuiteBuilder;

namespace Touchstone.Gate.Tests.Support;

/// <summary>A gate result with one row of every kind, for the report tests.</summary>
internal static class SampleResults
{
    private static readonly double[] Base = [1.00, 1.10, 0.95, 1.05, 1.02];

    private static double[] Plus(params double[] shifts) => Base.Select((v, i) => v + shifts[i % shifts.Length]).ToArray();

    public static GateReport Mixed(GatePolicy? policy = null)
    {
        var spectral = new SuiteBuilder("spectral-gap")
            .Metric(Lower("mse", 0.1, relative: true))            // regressed
            .Metric(Higher("acc", 0.01))                          // no change
            .Metric(Lower("loss"))                                // inconclusive
            .Metric(Lower("aux", role: MetricRole.Secondary))     // reported only
            .Baseline("mse", Base).Candidate("mse", Plus(0.30, 0.28, 0.35, 0.31, 0.29))
            .Baseline("acc", Base).Candidate("acc", Base)
            .Baseline("loss", Base).Candidate("loss", Plus(0.01, -0.02, 0.015, -0.005, 0.01))
            .Baseline("aux", Base).Candidate("aux", Plus(0.5));
        var energy = new SuiteBuilder("energy-ood")
            .Metric(Lower("fpr95"))
            .Baseline("fpr95", Base).Candidate("fpr95", Base)
            .CandidateCellFailed(2, CellStatus.Diverged, "loss became NaN at step 40");
        var stale = new SuiteBuilder("grokking")
            .Metric(Higher("acc"))
            .Baseline("acc", Base).Candidate("acc", Base, provenance: DefaultProvenance with { ConfigHash = "f00d" });
        var result = GateEngine.Evaluate(new GateInput([spectral.Build(), energy.Build(), stale.Build()], policy ?? GatePolicy.Default));
        return new GateReport(result, "2025-01-01T00-00-00Z-abc123", "results/runs/2025-01-01T00-00-00Z-abc123", "results/baselines");
    }
}
