namespace Touchstone.Gate.Statistics;

/// <summary>Benjamini–Hochberg: controls the false discovery rate; used to rank secondary (reported) metrics.</summary>
public static class BenjaminiHochberg
{
    /// <summary>
    /// Adjusted p-values (q-values) in the input order: with p₍₁₎ ≤ … ≤ p₍ₘ₎, q₍ᵢ₎ = min over j ≥ i of
    /// min(1, m·p₍ⱼ₎ / j).
    /// </summary>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ThenBy(i => i).ToArray();
        var adjusted = new double[m];
        var running = 1.0;
        for (var rank = m - 1; rank >= 0; rank--)
        {
            var index = order[rank];
            running = Math.Min(running, Math.Min(1, m * pValues[index] / (rank + 1)));
            adjusted[index] = running;
        }
        return adjusted;
    }
}
