namespace Touchstone.Suites.Spectral;

/// <summary>How well one component's abundance is predicted on a split.</summary>
/// <param name="Label">The component, e.g. <c>comp10</c>.</param>
/// <param name="Mse">Mean squared error of its abundance.</param>
/// <param name="R2">1 − SS_res / SS_tot around the split's own mean; NaN when the abundance is constant there.</param>
public sealed record ComponentScore(string Label, double Mse, double R2);

/// <summary>The metrics of one split.</summary>
/// <param name="Split">train, id or ood.</param>
/// <param name="Mse">Mean squared error over all spectra and all 20 outputs (the training loss, measured without dropout).</param>
/// <param name="ConstantMse">The same for the constant predictor that always outputs the training-set mean abundances.</param>
/// <param name="Components">Scores of the active components.</param>
/// <param name="Mae">Mean absolute error over all spectra and all 20 outputs (the source's <c>mae</c>).</param>
/// <param name="R2">
/// The source's pooled R² (src/evaluation.py <c>compute_metrics</c> at 1e59c71): 1 − SS_res / SS_tot over all spectra
/// and all 20 outputs at once, SS_tot around the grand mean of every target value (inactive outputs included); 0
/// when SS_tot is 0, as the source returns.
/// </param>
public sealed record SplitScore(string Split, double Mse, double ConstantMse, IReadOnlyList<ComponentScore> Components, double Mae, double R2)
{
    /// <summary>A score whose every number is NaN, for a cell whose training diverged.</summary>
    public static SplitScore Diverged(string split, IEnumerable<int> active) =>
        new(split, double.NaN, double.NaN, active.Select(c => new ComponentScore(Spectral.Components.All[c].Label, double.NaN, double.NaN)).ToArray(),
            double.NaN, double.NaN);
}

/// <summary>The suite's metrics, computed in double precision from the float32 predictions.</summary>
public static class SpectralMetrics
{
    /// <summary>Scores predictions (rows × 20, row-major) against targets of the same shape.</summary>
    /// <param name="split">The split's name.</param>
    /// <param name="predictions">Model outputs.</param>
    /// <param name="targets">True abundances.</param>
    /// <param name="trainMeans">Per-output mean of the training targets (the constant predictor).</param>
    /// <param name="active">Indices of the components to score one by one.</param>
    public static SplitScore Score(string split, float[] predictions, float[] targets, double[] trainMeans, IEnumerable<int> active)
    {
        if (predictions.Length != targets.Length)
        {
            throw new ArgumentException($"{split}: {predictions.Length} predictions for {targets.Length} targets");
        }
        var outputs = trainMeans.Length;
        var rows = targets.Length / outputs;
        double squared = 0, constant = 0, absolute = 0, grandMean = 0;
        for (var k = 0; k < targets.Length; k++)
        {
            squared += Square(predictions[k] - (double)targets[k]);
            absolute += Math.Abs(predictions[k] - (double)targets[k]);
            constant += Square(trainMeans[k % outputs] - targets[k]);
            grandMean += targets[k];
        }
        grandMean /= targets.Length;
        double total = 0;
        foreach (var target in targets)
        {
            total += Square(target - grandMean);
        }
        var components = active.Select(c => Component(predictions, targets, outputs, rows, c)).ToArray();
        return new SplitScore(split, squared / targets.Length, constant / targets.Length, components,
            absolute / targets.Length, total > 0 ? 1 - squared / total : 0.0);
    }

    /// <summary>The mean of each of the <paramref name="outputs"/> columns.</summary>
    public static double[] ColumnMeans(float[] values, int outputs)
    {
        var means = new double[outputs];
        for (var k = 0; k < values.Length; k++)
        {
            means[k % outputs] += values[k];
        }
        var rows = values.Length / outputs;
        return means.Select(sum => sum / rows).ToArray();
    }

    private static ComponentScore Component(float[] predictions, float[] targets, int outputs, int rows, int c)
    {
        double mean = 0;
        for (var i = 0; i < rows; i++)
        {
            mean += targets[i * outputs + c];
        }
        mean /= rows;
        double residual = 0, total = 0;
        for (var i = 0; i < rows; i++)
        {
            double target = targets[i * outputs + c];
            residual += Square(predictions[i * outputs + c] - target);
            total += Square(target - mean);
        }
        return new ComponentScore(Spectral.Components.All[c].Label, residual / rows, total > 0 ? 1 - residual / total : double.NaN);
    }

    private static double Square(double x) => x * x;
}
