namespace Touchstone.Gate.Statistics;

/// <summary>Holm's step-down correction: controls the family-wise error rate for any dependence between tests.</summary>
public static class Holm
{
    /// <summary>
    /// Adjusted p-values in the input order: with p₍₁₎ ≤ … ≤ p₍ₘ₎, p̃₍ᵢ₎ = max over j ≤ i of min(1, (m − j + 1)·p₍ⱼ₎).
    /// Rejecting every hypothesis whose adjusted p is below α is Holm's procedure at family level α.
    /// </summary>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ThenBy(i => i).ToArray();
        var adjusted = new double[m];
        var running = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            var index = order[rank];
            running = Math.Max(running, Math.Min(1, (m - rank) * pValues[index]));
            adjusted[index] = running;
        }
        return adjusted;
    }
}
