namespace Touchstone.Suites.Analogy;

/// <summary>
/// One split's scores at one evaluation, as the source's <c>evaluate_split_by_type</c> computes them (train.py):
/// means over the split's facts of the last-position cross-entropy, of argmax-over-the-whole-vocabulary accuracy
/// and of the softmax probability of the target; PPL = exp(min(20, CE)).
/// </summary>
/// <param name="Split">Which facts.</param>
/// <param name="Count">How many facts (0: the split is empty and has no scores).</param>
/// <param name="Ce">Mean cross-entropy.</param>
/// <param name="Acc">Fraction answered correctly.</param>
/// <param name="Prob">Mean probability of the target.</param>
public sealed record SplitScore(FactSplit Split, int Count, double Ce, double Acc, double Prob)
{
    /// <summary>exp(min(20, CE)), the source's cap.</summary>
    public double Ppl => Math.Exp(Math.Min(20.0, Ce));

    /// <summary>Averages per-fact values (their order is the split's).</summary>
    public static SplitScore Mean(FactSplit split, IReadOnlyList<float> ce, IReadOnlyList<bool> correct, IReadOnlyList<float> prob) =>
        ce.Count == 0
            ? new SplitScore(split, 0, double.NaN, double.NaN, double.NaN)
            : new SplitScore(split, ce.Count, ce.Average(v => (double)v), correct.Average(c => c ? 1.0 : 0.0), prob.Average(v => (double)v));
}

/// <summary>The metric names and split labels the suite reports.</summary>
public static class AnalogyMetrics
{
    /// <summary>The split label in curves and finals: the source's probe <c>type</c>.</summary>
    public static string Label(FactSplit split) => split switch
    {
        FactSplit.IdAtomic => "id_atomic",
        FactSplit.OodAtomic => "ood_atomic",
        FactSplit.IdCompositional => "id_compositional",
        FactSplit.NearOodCompositional => "near_ood_compositional",
        FactSplit.FarOodCompositional => "far_ood_compositional",
        FactSplit.IdAnalogical => "id_analogical",
        FactSplit.OodAnalogical => "ood_analogical",
        _ => throw new ArgumentOutOfRangeException(nameof(split), split, "unknown split"),
    };

    /// <summary>
    /// The Dirichlet energy of the functor graph (notebooks/dirichlet_energy_analysis.ipynb,
    /// <c>dirichlet_energy</c>): the mean over F's edges (e, F(e)) of ‖n̂(emb[e]) − n̂(emb[F(e)])‖², with n̂ the
    /// L2-normalised embedding row. The notebook lists each edge in both directions, which leaves the mean unchanged.
    /// </summary>
    /// <param name="embeddings">Rows of the token embedding, V × d, row-major.</param>
    /// <param name="width">d.</param>
    /// <param name="edges">F as pairs of token ids.</param>
    public static double DirichletEnergy(ReadOnlySpan<float> embeddings, int width, IReadOnlyList<(int From, int To)> edges)
    {
        var sum = 0.0;
        foreach (var (from, to) in edges)
        {
            var a = embeddings.Slice(from * width, width);
            var b = embeddings.Slice(to * width, width);
            // F.normalize divides by max(‖x‖, 1e-12).
            var na = Math.Max(Norm(a), 1e-12);
            var nb = Math.Max(Norm(b), 1e-12);
            for (var i = 0; i < width; i++)
            {
                var d = a[i] / na - b[i] / nb;
                sum += d * d;
            }
        }
        return sum / edges.Count;
    }

    /// <summary>
    /// The first evaluated epoch whose ACC reaches <paramref name="threshold"/>, or null if none did:
    /// when a split is learned ("memorization, then composition, then analogy" as numbers).
    /// </summary>
    public static int? EmergenceEpoch(IEnumerable<(int Epoch, double Acc)> curve, double threshold) =>
        curve.Where(p => p.Acc >= threshold - 1e-12).Select(p => (int?)p.Epoch).FirstOrDefault();

    private static double Norm(ReadOnlySpan<float> x)
    {
        var s = 0.0;
        foreach (var v in x)
        {
            s += (double)v * v;
        }
        return Math.Sqrt(s);
    }
}
