namespace Touchstone.Suites.Scan;

/// <summary>A split's scores from greedy decoding.</summary>
/// <param name="ExactMatch">Share of examples whose whole predicted action sequence equals the target.</param>
/// <param name="TokenAccuracy">Share of target positions whose predicted token is the target's.</param>
/// <param name="ExactMatchByLength">Exact match per target length (actions), for the length split's table.</param>
public sealed record ScanScore(double ExactMatch, double TokenAccuracy, IReadOnlyDictionary<int, double> ExactMatchByLength);

/// <summary>
/// SCAN's metrics. Exact match (Lake &amp; Baroni's accuracy) is the primary one. Token accuracy is the kind the
/// research project reported beside it: position t of the target counts as right when the prediction has the same
/// token at t, and a prediction shorter than the target scores its missing positions as wrong, so a sequence one
/// action short still gets (n−1)/n of its tokens while its exact match is 0.
/// </summary>
public static class ScanMetrics
{
    /// <summary>Scores predictions against targets (same order, action tokens without SOS/EOS).</summary>
    public static ScanScore Score(IReadOnlyList<IReadOnlyList<string>> predictions, IReadOnlyList<IReadOnlyList<string>> targets)
    {
        if (predictions.Count != targets.Count)
        {
            throw new ArgumentException($"scan metrics: {predictions.Count} predictions for {targets.Count} targets.");
        }
        if (targets.Count == 0)
        {
            throw new ArgumentException("scan metrics: no examples to score.");
        }
        long exact = 0, rightTokens = 0, targetTokens = 0;
        var byLength = new SortedDictionary<int, (int Exact, int Count)>();
        for (var i = 0; i < targets.Count; i++)
        {
            var (prediction, target) = (predictions[i], targets[i]);
            var isExact = prediction.SequenceEqual(target);
            exact += isExact ? 1 : 0;
            for (var t = 0; t < target.Count; t++)
            {
                rightTokens += t < prediction.Count && prediction[t] == target[t] ? 1 : 0;
            }
            targetTokens += target.Count;
            var (e, c) = byLength.GetValueOrDefault(target.Count);
            byLength[target.Count] = (e + (isExact ? 1 : 0), c + 1);
        }
        return new ScanScore(
            (double)exact / targets.Count,
            (double)rightTokens / targetTokens,
            byLength.ToDictionary(kv => kv.Key, kv => (double)kv.Value.Exact / kv.Value.Count));
    }
}
