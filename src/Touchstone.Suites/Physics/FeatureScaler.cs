namespace Touchstone.Suites.Physics;

/// <summary>
/// Per-feature standardization fitted on the training split's input and target frames (population deviation; a
/// constant feature keeps scale 1, as sklearn's StandardScaler does), so that the honest metrics weigh positions,
/// velocities and energies alike instead of in raw simulator units where energies reach 10⁵–10⁶.
/// </summary>
public sealed class FeatureScaler
{
    private readonly double[] _mean;
    private readonly double[] _deviation;

    /// <summary>Fits on <paramref name="train"/>.</summary>
    public FeatureScaler(PhysicsSplit train, int features)
    {
        var frames = train.Inputs.Chunk(features).Concat(train.Targets.Chunk(features)).ToArray();
        _mean = [.. Enumerable.Range(0, features).Select(f => frames.Average(row => (double)row[f]))];
        _deviation = [.. Enumerable.Range(0, features).Select(f =>
        {
            var sd = Math.Sqrt(frames.Average(row => (row[f] - _mean[f]) * (row[f] - _mean[f])));
            return sd == 0 ? 1 : sd;
        })];
    }

    /// <summary>Per-feature training mean.</summary>
    public IReadOnlyList<double> Mean => _mean;

    /// <summary>Per-feature training standard deviation (1 where the feature is constant).</summary>
    public IReadOnlyList<double> Deviation => _deviation;

    /// <summary>Standardized copy of a row-major [.., features] array.</summary>
    public float[] Transform(float[] values) =>
        [.. values.Select((v, i) => (float)((v - _mean[i % _mean.Length]) / _deviation[i % _mean.Length]))];
}
