namespace Touchstone.Suites.Physics;

/// <summary>
/// The source's later out-of-distribution test (experiments/01_physics_worlds/analyze_representations_knn.py at
/// f10c3e3): standardize with the training set's mean and standard deviation (sklearn StandardScaler: population
/// deviation, a constant column left unscaled), take each point's mean Euclidean distance to its k = 10 nearest
/// training points, and compare it with the 95th and 99th percentiles (numpy's linear interpolation) of the same
/// quantity over the training points themselves, each of which, as with sklearn's kneighbors on the fitted data,
/// counts itself as its own nearest neighbour.
/// </summary>
public sealed class KnnDistance
{
    private readonly double[][] _train;
    private readonly double[] _mean;
    private readonly double[] _deviation;

    /// <summary>Fits on the training rows.</summary>
    public KnnDistance(IReadOnlyList<double[]> trainRows, int k = 10)
    {
        if (trainRows.Count < k || k < 1)
        {
            throw new ArgumentException($"k-NN needs 1 ≤ k ≤ training rows (k = {k}, rows = {trainRows.Count}).", nameof(k));
        }

        K = k;
        var dims = trainRows[0].Length;
        _mean = [.. Enumerable.Range(0, dims).Select(d => trainRows.Average(r => r[d]))];
        _deviation = [.. Enumerable.Range(0, dims).Select(d =>
        {
            var sd = Math.Sqrt(trainRows.Average(r => (r[d] - _mean[d]) * (r[d] - _mean[d])));
            return sd == 0 ? 1 : sd;
        })];
        _train = [.. trainRows.Select(Standardize)];
        var self = _train.Select(MeanDistanceStandardized).Order().ToArray();
        Threshold95 = Percentile(self, 95);
        Threshold99 = Percentile(self, 99);
    }

    /// <summary>Neighbours averaged.</summary>
    public int K { get; }

    /// <summary>95th percentile of the training points' own mean k-NN distance.</summary>
    public double Threshold95 { get; }

    /// <summary>99th percentile of the training points' own mean k-NN distance.</summary>
    public double Threshold99 { get; }

    /// <summary>Mean distance from <paramref name="row"/> to its k nearest training points, in standardized units.</summary>
    public double MeanDistance(double[] row) => MeanDistanceStandardized(Standardize(row));

    /// <summary>Whether <paramref name="row"/> lies beyond the 99th-percentile threshold (the source's "beyond_99").</summary>
    public bool IsBeyond99(double[] row) => MeanDistance(row) > Threshold99;

    /// <summary>numpy.percentile with its default linear interpolation, on sorted values.</summary>
    public static double Percentile(double[] sorted, double percent)
    {
        var position = (sorted.Length - 1) * percent / 100;
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }

    private double MeanDistanceStandardized(double[] row)
    {
        var distances = _train.Select(t => Math.Sqrt(t.Select((v, d) => (v - row[d]) * (v - row[d])).Sum())).Order();
        return distances.Take(K).Average();
    }

    private double[] Standardize(double[] row) => [.. row.Select((v, d) => (v - _mean[d]) / _deviation[d])];
}
