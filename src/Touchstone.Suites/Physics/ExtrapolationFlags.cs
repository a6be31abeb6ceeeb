namespace Touchstone.Suites.Physics;

/// <summary>
/// Per test trajectory, the honest answers to "is this extrapolation?", beside the source's label (which says a
/// trajectory is extrapolation when one parameter lies outside its training range):
/// outside the convex hull of the training set's parameters (this suite's "truly outside"), and beyond the training
/// set's 99th-percentile k-NN distance in parameter space and in input space (the flattened, standardized input
/// window, the representation the model sees; the source's later analysis used its model's penultimate layer).
/// </summary>
/// <param name="OutsideRange">At least one parameter outside its training range.</param>
/// <param name="OutsideHull">Parameters outside the convex hull of the training parameters.</param>
/// <param name="ParametersBeyondKnn">Parameters beyond the training k-NN 99th-percentile distance.</param>
/// <param name="InputsBeyondKnn">Input window beyond the training k-NN 99th-percentile distance.</param>
public sealed record ExtrapolationFlags(bool[] OutsideRange, bool[] OutsideHull, bool[] ParametersBeyondKnn, bool[] InputsBeyondKnn)
{
    /// <summary>Trajectories flagged.</summary>
    public int Count => OutsideHull.Length;

    /// <summary>Fraction of trajectories outside the training parameters' hull.</summary>
    public double FractionOutsideHull => Fraction(OutsideHull);

    /// <summary>Fraction of <paramref name="flags"/> that are set (0 for an empty split).</summary>
    public static double Fraction(bool[] flags) => flags.Length == 0 ? 0 : (double)flags.Count(f => f) / flags.Length;

    /// <summary>Computes every flag of <paramref name="test"/> against <paramref name="train"/>.</summary>
    public static ExtrapolationFlags Compute(PhysicsSplit train, PhysicsSplit test, int k = 10)
    {
        var hull = new ConvexHull([.. train.Parameters.Select(p => p.ToArray())]);
        var parameterKnn = new KnnDistance([.. train.Parameters.Select(p => p.ToArray())], k);
        var inputKnn = new KnnDistance(Rows(train), k);
        var testInputs = Rows(test);
        return new ExtrapolationFlags(
            [.. test.Parameters.Select(p => ParameterRanges.CountOutsideTraining(p) > 0)],
            [.. test.Parameters.Select(p => !hull.Contains(p.ToArray()))],
            [.. test.Parameters.Select(p => parameterKnn.IsBeyond99(p.ToArray()))],
            [.. testInputs.Select(inputKnn.IsBeyond99)]);
    }

    private static double[][] Rows(PhysicsSplit split)
    {
        var width = split.Inputs.Length / split.Count;
        return [.. Enumerable.Range(0, split.Count).Select(n => split.Inputs.AsSpan(n * width, width).ToArray().Select(v => (double)v).ToArray())];
    }
}
