using Touchstone.Suites.Common;
using Touchstone.Torch;

namespace Touchstone.Suites.Physics;

/// <summary>
/// Domain randomization as the source's stage 3 meant it (train_progressive_paperspace.py at ddf0424: gravity and
/// friction of every sample in the batch multiplied by 1 + U(−0.3, 0.3)), but applied to the data: each
/// trajectory of a batch is simulated again from its own initial balls under the perturbed gravity and friction
/// (elasticity and damping as drawn), then standardized with the training scaler. The source's script perturbed
/// values that only its physics loss received, and that loss never read them, so its stage 3 trained on unchanged
/// data; the <c>source</c> variant keeps that, the <c>domain-randomization</c> variant uses this.
/// </summary>
public sealed class DomainRandomizer
{
    private readonly PhysicsSplit _train;
    private readonly BallStart[][] _starts;
    private readonly PhysicsDataConfig _data;
    private readonly FeatureScaler _scaler;
    private readonly SeededRandom _random;

    /// <summary>Randomizes batches of <paramref name="train"/> by up to ±<paramref name="fraction"/>.</summary>
    /// <param name="train">The training split, as generated from <paramref name="data"/>.</param>
    /// <param name="data">The config it was generated from (for its initial balls and frame layout).</param>
    /// <param name="scaler">The standardization fitted on the unperturbed training split.</param>
    /// <param name="fraction">Largest relative change of gravity and friction (the source: 0.3).</param>
    /// <param name="random">The cell's stream for the multipliers.</param>
    public DomainRandomizer(PhysicsSplit train, PhysicsDataConfig data, FeatureScaler scaler, double fraction, SeededRandom random)
    {
        _train = train;
        _starts = PhysicsDataGenerator.TrainingStarts(data);
        _data = data;
        _scaler = scaler;
        Fraction = fraction;
        _random = random;
    }

    /// <summary>Largest relative change of gravity and friction.</summary>
    public double Fraction { get; }

    /// <summary>
    /// The perturbed physics and the raw (unstandardized) inputs and targets of the trajectories
    /// <paramref name="indices"/>, one draw of gravity then friction multiplier per trajectory, in order.
    /// </summary>
    public (PhysicsParameters[] Parameters, float[] Inputs, float[] Targets) Simulate(IReadOnlyList<long> indices)
    {
        var inputSize = _data.InputFrames * _data.Features;
        var targetSize = _data.OutputFrames * _data.Features;
        var parameters = new PhysicsParameters[indices.Count];
        var inputs = new float[indices.Count * inputSize];
        var targets = new float[indices.Count * targetSize];
        for (var n = 0; n < indices.Count; n++)
        {
            var i = (int)indices[n];
            var drawn = _train.Parameters[i];
            var gravity = drawn.Gravity * (1 + _random.Uniform(-Fraction, Fraction));
            var friction = drawn.Friction * (1 + _random.Uniform(-Fraction, Fraction));
            parameters[n] = drawn with { Gravity = gravity, Friction = friction };
            PhysicsDataGenerator.SimulateInto(parameters[n], _starts[i], _data, inputs.AsSpan(n * inputSize, inputSize), targets.AsSpan(n * targetSize, targetSize));
        }

        return (parameters, inputs, targets);
    }

    /// <summary>A randomized batch as standardized [batch, frames, features] tensors on <paramref name="device"/>.</summary>
    public (Tensor X, Tensor Y) Batch(long[] indices, Device device)
    {
        var (_, inputs, targets) = Simulate(indices);
        return (Tensor.From(_scaler.Transform(inputs), [indices.Length, _data.InputFrames, _data.Features], device),
                Tensor.From(_scaler.Transform(targets), [indices.Length, _data.OutputFrames, _data.Features], device));
    }
}
