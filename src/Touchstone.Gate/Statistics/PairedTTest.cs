namespace Touchstone.Gate.Statistics;

/// <summary>Student's t on per-seed differences (candidate − baseline for the same seed).</summary>
public static class PairedTTest
{
    /// <summary>
    /// The mean difference with standard error s/√n and n − 1 degrees of freedom. Needs at least two differences
    /// that are not all equal: constant differences are decided exactly by the caller, not by dividing by zero.
    /// </summary>
    public static DifferenceEstimate Estimate(IReadOnlyList<double> differences)
    {
        var summary = Descriptive.Summarize(differences);
        if (summary.N < 2 || Descriptive.IsConstant(differences, 0))
        {
            throw new ArgumentException(
                $"a paired t-test needs at least two differences that vary (n = {summary.N}, sd = {summary.StandardDeviation})",
                nameof(differences));
        }
        return new DifferenceEstimate(summary.Mean, summary.StandardDeviation / Math.Sqrt(summary.N), summary.N - 1);
    }
}
