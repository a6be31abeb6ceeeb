using System.Runtime.InteropServices;

namespace Touchstone.Suites.Physics;

/// <summary>
/// One generated split: input and target windows, row-major float32 exactly as they go into the tensors (and the
/// data hash), with each trajectory's physics parameters.
/// </summary>
/// <param name="Name">train, in_distribution, interpolation or extrapolation.</param>
/// <param name="Inputs">Count × input frames × features.</param>
/// <param name="Targets">Count × output frames × features.</param>
/// <param name="Parameters">Per trajectory, its physics parameters.</param>
public sealed record PhysicsSplit(string Name, float[] Inputs, float[] Targets, PhysicsParameters[] Parameters)
{
    /// <summary>Number of trajectories.</summary>
    public int Count => Parameters.Length;

    /// <summary>
    /// The trajectories of <paramref name="splits"/> whose flag is set, in split then trajectory order, as one split
    /// named <paramref name="name"/> (e.g. every test trajectory that is truly outside the training data).
    /// </summary>
    public static PhysicsSplit Gather(string name, IEnumerable<(PhysicsSplit Split, bool[] Keep)> splits)
    {
        var inputs = new List<float>();
        var targets = new List<float>();
        var parameters = new List<PhysicsParameters>();
        foreach (var (split, keep) in splits)
        {
            if (keep.Length != split.Count)
            {
                throw new ArgumentException($"{split.Name}: {keep.Length} flags for {split.Count} trajectories.", nameof(splits));
            }

            var inWidth = split.Inputs.Length / Math.Max(1, split.Count);
            var outWidth = split.Targets.Length / Math.Max(1, split.Count);
            for (var n = 0; n < split.Count; n++)
            {
                if (keep[n])
                {
                    inputs.AddRange(split.Inputs.AsSpan(n * inWidth, inWidth));
                    targets.AddRange(split.Targets.AsSpan(n * outWidth, outWidth));
                    parameters.Add(split.Parameters[n]);
                }
            }
        }

        return new PhysicsSplit(name, [.. inputs], [.. targets], [.. parameters]);
    }

    /// <summary>The inputs' bytes, as hashed.</summary>
    public ReadOnlySpan<byte> InputBytes => MemoryMarshal.AsBytes(Inputs.AsSpan());

    /// <summary>The targets' bytes, as hashed.</summary>
    public ReadOnlySpan<byte> TargetBytes => MemoryMarshal.AsBytes(Targets.AsSpan());
}

/// <summary>The four splits of a cell.</summary>
/// <param name="Train">Training trajectories.</param>
/// <param name="InDistribution">Held-out trajectories from the training ranges.</param>
/// <param name="Interpolation">Grid over the training ranges.</param>
/// <param name="Extrapolation">One parameter outside its training range at a time, the others at the centre.</param>
public sealed record PhysicsDataset(PhysicsSplit Train, PhysicsSplit InDistribution, PhysicsSplit Interpolation, PhysicsSplit Extrapolation)
{
    /// <summary>The test splits in reporting order.</summary>
    public IEnumerable<PhysicsSplit> TestSplits => [InDistribution, Interpolation, Extrapolation];
}
