using Touchstone.Suites.Common;
using Touchstone.Suites.Physics;

namespace Touchstone.Suites.Tests.Physics;

public sealed class DomainRandomizerTests
{
    private static readonly PhysicsDataConfig Data = new(DataSeed: 3, TrainSamples: 40, InDistributionSamples: 8, InterpolationSamples: 8, ExtrapolationSamples: 8);

    private static readonly long[] Batch = [0, 5, 17, 39];

    private static DomainRandomizer Randomizer(PhysicsSplit train, double fraction, ulong seed = 1) =>
        new(train, Data, new FeatureScaler(train, Data.Features), fraction, new SeededRandom(seed));

    [Fact]
    public void Without_a_change_the_trajectories_simulated_again_are_the_generated_ones_bit_for_bit()
    {
        // The initial balls are drawn again from the data seed: a check that they are the ones the data were made from.
        var train = PhysicsDataGenerator.Generate(Data).Train;

        var (parameters, inputs, targets) = Randomizer(train, 0).Simulate(Batch);

        var inputSize = Data.InputFrames * Data.Features;
        var targetSize = Data.OutputFrames * Data.Features;
        for (var n = 0; n < Batch.Length; n++)
        {
            var i = (int)Batch[n];
            Assert.Equal(train.Parameters[i], parameters[n]);
            Assert.Equal(train.Inputs.AsSpan(i * inputSize, inputSize), inputs.AsSpan(n * inputSize, inputSize));
            Assert.Equal(train.Targets.AsSpan(i * targetSize, targetSize), targets.AsSpan(n * targetSize, targetSize));
        }
    }

    [Fact]
    public void Gravity_and_friction_move_by_at_most_the_fraction_while_elasticity_damping_and_the_start_stay()
    {
        var train = PhysicsDataGenerator.Generate(Data).Train;
        var all = Enumerable.Range(0, Data.TrainSamples).Select(i => (long)i).ToArray();

        var (parameters, inputs, targets) = Randomizer(train, 0.3).Simulate(all);

        var ratios = parameters.Select((p, i) => (Gravity: p.Gravity / train.Parameters[i].Gravity, Friction: p.Friction / train.Parameters[i].Friction)).ToList();
        Assert.All(ratios, r => Assert.InRange(r.Gravity, 0.7, 1.3));
        Assert.All(ratios, r => Assert.InRange(r.Friction, 0.7, 1.3));
        Assert.True(ratios.Max(r => r.Gravity) - ratios.Min(r => r.Gravity) > 0.4, "the gravity multipliers do not spread over the range");
        Assert.Equal(train.Parameters.Select(p => (p.Elasticity, p.Damping)), parameters.Select(p => (p.Elasticity, p.Damping)));
        // Frame 0 is the drawn start whatever the physics (only the potential energy reads gravity); later frames move.
        var positions = TrajectoryFeatures.Column(0, TrajectoryFeatures.X);
        Assert.Equal(train.Inputs[positions], inputs[positions]);
        Assert.NotEqual(train.Targets, targets);
    }

    [Fact]
    public void The_same_stream_gives_the_same_batch_and_another_stream_another()
    {
        var train = PhysicsDataGenerator.Generate(Data).Train;

        var first = Randomizer(train, 0.3, seed: 1).Simulate(Batch);
        var again = Randomizer(train, 0.3, seed: 1).Simulate(Batch);
        var other = Randomizer(train, 0.3, seed: 2).Simulate(Batch);

        Assert.Equal(first.Targets, again.Targets);
        Assert.Equal(first.Parameters, again.Parameters);
        Assert.NotEqual(first.Targets, other.Targets);
    }
}
