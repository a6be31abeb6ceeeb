namespace Touchstone.Suites.Physics;

/// <summary>
/// Per-feature standardization fitted on the training split's input and target frames (population deviation; a
/// constant feature keeps scale 1, as sklearn's StandardScaler does), so that the honest metrics weigh positions,
/// velocities and energies alike instead of in raw simulator units where energies reach 10⁵–10⁶.
/// </summary>
public sealed class FeatureScaler
{
    private readonly double[] mean;
    private readonly double[] deviation;

    /// <summary>Fits on <paramref name="train"/>.</summary>
    public FeatureScaler(PhysicsSplit train, int features)
    {
        var frames = train.Inputs.Chunk(features).Concat(train.Targets.Chunk(features)).ToArray();
        mean = [.. Enumerable.Range(0, features).Select(f => frames.Average(row => (double)row[f]))];
        deviation = [.. Enumerable.Range(0, features).Select(f =>
        {
            var sd = Math.Sqrt(frames.Average(row => (row[f] - mean[f]) * (row[f] - mean[f])));
            return sd == 0 ? 1 : sd;
        })];
    }

    /// <summary>Per-feature training mean.</summary>
    public IReadOnlyList<double> Mean => mean;

    /// <summary>Per-feature training standard deviation (1 where the feature is constant).</summary>
    public IReadOnlyList<double> Deviation => deviation;

    /// <summary>Standardized copy of a row-major [.., features] array.</summary>
    public float[] Transform(float[] values) =>
        [.. values.Select((v, i) => (float)((v - mean[i % mean.Length]) / deviation[i % mean.Length]))];
}
