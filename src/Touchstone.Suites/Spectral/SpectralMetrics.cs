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
public sealed record SplitScore(string Split, double Mse, double ConstantMse, IReadOnlyList<ComponentScore> Components)
{
    /// <summary>A score whose every number is NaN, for a cell whose training diverged.</summary>
    public static SplitScore Diverged(string split, IEnumerable<int> active) =>
        new(split, double.NaN, double.NaN, active.Select(c => new ComponentScore(Spectral.Components.All[c].Label, double.NaN, double.NaN)).ToArray());
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
        double squared = 0, constant = 0;
        for (var k = 0; k < targets.Length; k++)
        {
            squared += Square(predictions[k] - (double)targets[k]);
            constant += Square(trainMeans[k % outputs] - targets[k]);
        }
        var components = active.Select(c => Component(predictions, targets, outputs, rows, c)).ToArray();
        return new SplitScore(split, squared / targets.Length, constant / targets.Length, components);
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
