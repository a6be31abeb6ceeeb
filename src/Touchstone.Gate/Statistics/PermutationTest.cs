namespace Touchstone.Gate.Statistics;

/// <summary>The result of an exact permutation test.</summary>
/// <param name="PValue">Share of arrangements whose statistic is at least the observed one.</param>
/// <param name="Arrangements">How many arrangements were enumerated.</param>
public sealed record PermutationResult(double PValue, long Arrangements)
{
    /// <summary>The smallest p-value this many arrangements can give (one arrangement in all of them).</summary>
    public double SmallestPossiblePValue => 1.0 / Arrangements;
}

/// <summary>
/// Exact one-sided permutation tests, used as a cross-check of the t-tests when the arrangements are few enough
/// to enumerate. Callers shift the values so that the null hypothesis is "no difference" and orient them so that
/// the alternative is "greater".
/// </summary>
public static class PermutationTest
{
    /// <summary>The number of sign arrangements of <paramref name="n"/> paired differences, 2ⁿ.</summary>
    public static double SignFlipArrangements(int n) => Math.Pow(2, n);

    /// <summary>The number of ways to relabel <paramref name="n1"/> + <paramref name="n2"/> values into two groups, C(n₁ + n₂, n₁).</summary>
    public static double TwoSampleArrangements(int n1, int n2)
    {
        var result = 1.0;
        var k = Math.Min(n1, n2);
        for (var i = 1; i <= k; i++)
        {
            result = result * (n1 + n2 - k + i) / i;
        }
        return Math.Round(result);
    }

    /// <summary>
    /// Sign-flip test of H0: the differences are symmetric about zero, against H1: their mean is greater. Null when
    /// 2ⁿ exceeds <paramref name="maxArrangements"/>.
    /// </summary>
    public static PermutationResult? SignFlip(IReadOnlyList<double> differences, long maxArrangements)
    {
        var n = differences.Count;
        if (n == 0 || n > 62 || SignFlipArrangements(n) > maxArrangements)
        {
            return null;
        }
        var total = 1L << n;
        var observed = differences.Sum();
        var tolerance = TieTolerance(differences);
        long atLeast = 0;
        for (long mask = 0; mask < total; mask++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                sum += (mask & (1L << i)) == 0 ? differences[i] : -differences[i];
            }
            if (sum >= observed - tolerance)
            {
                atLeast++;
            }
        }
        return new PermutationResult((double)atLeast / total, total);
    }

    /// <summary>
    /// Two-sample relabelling test of H0: both samples come from one distribution, against H1: the first
    /// (<paramref name="greater"/>) has the greater mean. Null when the arrangements exceed
    /// <paramref name="maxArrangements"/>.
    /// </summary>
    public static PermutationResult? TwoSample(IReadOnlyList<double> greater, IReadOnlyList<double> other, long maxArrangements)
    {
        var k = greater.Count;
        var pooled = greater.Concat(other).ToArray();
        if (k == 0 || other.Count == 0 || TwoSampleArrangements(k, other.Count) > maxArrangements)
        {
            return null;
        }
        // With both group sizes fixed, the difference of means is increasing in the first group's sum.
        var observed = greater.Sum();
        var tolerance = TieTolerance(pooled);
        var chosen = Enumerable.Range(0, k).ToArray();
        long total = 0, atLeast = 0;
        while (true)
        {
            var sum = 0.0;
            foreach (var index in chosen)
            {
                sum += pooled[index];
            }
            total++;
            if (sum >= observed - tolerance)
            {
                atLeast++;
            }
            if (!NextCombination(chosen, pooled.Length))
            {
                break;
            }
        }
        return new PermutationResult((double)atLeast / total, total);
    }

    // Sums of the same numbers in another order differ by rounding; such ties must count as ties.
    private static double TieTolerance(IEnumerable<double> values) =>
        64 * Descriptive.MachineEpsilon * values.Sum(Math.Abs);

    // Advances to the next k-subset of 0..n-1 in lexicographic order; false after the last one.
    private static bool NextCombination(int[] chosen, int n)
    {
        var k = chosen.Length;
        var i = k - 1;
        while (i >= 0 && chosen[i] == n - k + i)
        {
            i--;
        }
        if (i < 0)
        {
            return false;
        }
        chosen[i]++;
        for (var j = i + 1; j < k; j++)
        {
            chosen[j] = chosen[j - 1] + 1;
        }
        return true;
    }
}
