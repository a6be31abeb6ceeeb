using Touchstone.Suites.Analogy;

namespace Touchstone.Suites.Tests.Analogy;

public sealed class AnalogyMetricsTests
{
    [Fact]
    public void Dirichlet_energy_is_the_mean_squared_distance_of_normalised_rows_over_functor_edges()
    {
        // Rows: 0 = (3, 4) → (0.6, 0.8); 1 = (0, 2) → (0, 1); 2 = (-5, 0) → (-1, 0).
        float[] embeddings = [3, 4, 0, 2, -5, 0];
        // Edge 0→1: (0.6, -0.2) → 0.40; edge 1→2: (1, 1) → 2.
        Assert.Equal((0.40 + 2.0) / 2, AnalogyMetrics.DirichletEnergy(embeddings, 2, [(0, 1), (1, 2)]), 6);
        Assert.Equal(0, AnalogyMetrics.DirichletEnergy([1, 1, 2, 2], 2, [(0, 1)]), 12);
    }

    [Fact]
    public void Emergence_epoch_is_the_first_evaluation_reaching_the_threshold_and_null_if_none()
    {
        (int, double)[] curve = [(10, 0.5), (20, 1.0), (30, 0.9), (40, 1.0)];

        Assert.Equal(20, AnalogyMetrics.EmergenceEpoch(curve, 1.0));
        Assert.Equal(10, AnalogyMetrics.EmergenceEpoch(curve, 0.5));
        Assert.Null(AnalogyMetrics.EmergenceEpoch(curve.Take(1), 1.0));
    }

    [Fact]
    public void Split_scores_average_per_fact_values_and_cap_perplexity_at_exp_20()
    {
        var score = SplitScore.Mean(FactSplit.IdAtomic, [1f, 3f], [true, false], [0.5f, 0.1f]);

        Assert.Equal((2, 2.0, 0.5, 0.3), (score.Count, score.Ce, score.Acc, Math.Round(score.Prob, 6)));
        Assert.Equal(Math.Exp(2), score.Ppl, 12);
        Assert.Equal(Math.Exp(20), (score with { Ce = 25 }).Ppl);
        Assert.Equal(0, SplitScore.Mean(FactSplit.OodAtomic, [], [], []).Count);
    }
}
