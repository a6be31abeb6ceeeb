namespace Touchstone.Suites.RegressionVsFlow;

/// <summary>
/// The Lie task's geometric metrics as the source computes them (toyexp/scripts/train_lie.py at 3d146d4,
/// <c>evaluate</c>, <c>compute_cosine_similarity</c>, <c>compute_perpendicular_projection_error</c>): for every
/// rotation i, the mean over the evaluation points of the cosine between the predicted 2-vector f̂_i(c) and the
/// manifold direction R(α_i c) e₁, and of the perpendicular error ‖(I − P_i(c)) f̂_i‖ / ‖f̂_i‖, P_i(c) the
/// projection onto that direction (both 0 where a vector is zero, as the source). The report's columns are the
/// mean and the worst over the K per-rotation means.
/// </summary>
/// <param name="AvgCosSimilarity">Mean over rotations of the mean cosine ("Avg Cos Sim"). The target's own cosine is the sign of w_i(c), so a perfect prediction scores the mean sign of the weights, not 1.</param>
/// <param name="MinCosSimilarity">Smallest per-rotation mean cosine ("Min Cos Sim").</param>
/// <param name="AvgPerpError">Mean over rotations of the mean perpendicular error ("Avg Perp Error"; 0 = every prediction on its rotation's line).</param>
/// <param name="MaxPerpError">Largest per-rotation mean perpendicular error ("Max Perp Error").</param>
public sealed record RotationScores(double AvgCosSimilarity, double MinCosSimilarity, double AvgPerpError, double MaxPerpError)
{
    /// <summary>Scores of <paramref name="predicted"/> (row-major n × 2K) at the float32 conditions <paramref name="c"/>.</summary>
    public static RotationScores Of(ReadOnlySpan<float> predicted, ReadOnlySpan<float> c, Targets targets)
    {
        var rotations = targets.Alphas.Count;
        var cosines = new double[rotations];
        var perpendicular = new double[rotations];
        for (var i = 0; i < rotations; i++)
        {
            double cosSum = 0, perpSum = 0;
            for (var n = 0; n < c.Length; n++)
            {
                var (mx, my) = targets.Direction(i, c[n]);
                double px = predicted[n * 2 * rotations + 2 * i], py = predicted[n * 2 * rotations + 2 * i + 1];
                var (cosine, error) = Against(px, py, mx, my);
                cosSum += cosine;
                perpSum += error;
            }
            cosines[i] = cosSum / c.Length;
            perpendicular[i] = perpSum / c.Length;
        }
        return new RotationScores(cosines.Average(), cosines.Min(), perpendicular.Average(), perpendicular.Max());
    }

    /// <summary>The cosine between prediction p and direction m, and p's share off m's line; (0, 0) if either is zero.</summary>
    public static (double Cosine, double Perpendicular) Against(double px, double py, double mx, double my)
    {
        var normP = Math.Sqrt(px * px + py * py);
        var normM = Math.Sqrt(mx * mx + my * my);
        if (normP == 0 || normM == 0)
        {
            return (0, 0);
        }
        var along = (px * mx + py * my) / normM;
        double offX = px - along * mx / normM, offY = py - along * my / normM;
        return (along / normP, Math.Sqrt(offX * offX + offY * offY) / normP);
    }
}
