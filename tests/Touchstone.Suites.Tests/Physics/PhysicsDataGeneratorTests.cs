using System.Security.Cryptography;
using Touchstone.Suites.Common;
using Touchstone.Suites.Physics;

namespace Touchstone.Suites.Tests.Physics;

public sealed class PhysicsDataGeneratorTests
{
    private static readonly PhysicsDataConfig Config = new(DataSeed: 7, TrainSamples: 40, InDistributionSamples: 8, InterpolationSamples: 25, ExtrapolationSamples: 16);
    private static readonly PhysicsDataset Data = PhysicsDataGenerator.Generate(Config);

    [Fact]
    public void Every_extrapolation_sample_moves_exactly_one_parameter_out_of_range_with_the_others_at_the_centre()
    {
        var centre = ParameterRanges.Centre.ToArray();
        var perBand = new int[4, 2];
        foreach (var parameters in Data.Extrapolation.Parameters)
        {
            Assert.Equal(1, ParameterRanges.CountOutsideTraining(parameters));
            var values = parameters.ToArray();
            var moved = Enumerable.Range(0, 4).Single(i => !ParameterRanges.Train[i].Contains(values[i]));
            Assert.All(Enumerable.Range(0, 4).Where(i => i != moved), i => Assert.Equal(centre[i], values[i]));
            var (below, above) = ParameterRanges.Extrapolation[moved];
            Assert.True(below.Contains(values[moved]) || above.Contains(values[moved]));
            perBand[moved, below.Contains(values[moved]) ? 0 : 1]++;
        }

        Assert.All(perBand.Cast<int>(), count => Assert.Equal(2, count)); // 16 samples / (4 parameters × 2 bands)
    }

    [Fact]
    public void Training_and_in_distribution_parameters_lie_in_the_training_ranges()
    {
        Assert.All(Data.Train.Parameters.Concat(Data.InDistribution.Parameters), p => Assert.Equal(0, ParameterRanges.CountOutsideTraining(p)));
    }

    [Fact]
    public void Interpolation_takes_distinct_points_of_a_three_per_axis_grid_for_25_samples()
    {
        var points = Data.Interpolation.Parameters;
        Assert.Equal(25, points.Distinct().Count());
        var values = points.Select(p => p.ToArray()).ToArray();
        for (var d = 0; d < 4; d++)
        {
            var range = ParameterRanges.Train[d];
            double[] axis = [range.Low, range.Low + (range.High - range.Low) / 2, range.High];
            Assert.All(values, v => Assert.Contains(v[d], axis));
        }
    }

    [Fact]
    public void Frames_carry_time_positions_velocities_mass_radius_and_the_sources_energies()
    {
        var split = Data.Train;
        var features = Config.Features;
        Assert.Equal(25, features);
        Assert.Equal(split.Count * 10 * features, split.Inputs.Length);
        for (var n = 0; n < split.Count; n++)
        {
            var g = Math.Abs(split.Parameters[n].Gravity);
            var first = split.Inputs.AsSpan(n * 10 * features, features);
            var target = split.Targets.AsSpan(n * 10 * features, features);
            Assert.Equal(0f, first[0]);
            Assert.Equal((float)(10.0 / 60), target[0]);
            for (var b = 0; b < 3; b++)
            {
                float F(ReadOnlySpan<float> row, int offset) => row[TrajectoryFeatures.Column(b, offset)];
                Assert.Equal(F(first, TrajectoryFeatures.Mass), F(target, TrajectoryFeatures.Mass));
                Assert.Equal(F(first, TrajectoryFeatures.Radius), F(target, TrajectoryFeatures.Radius));
                Assert.InRange(F(first, TrajectoryFeatures.X), 50, 750);
                Assert.InRange(F(first, TrajectoryFeatures.Y), 100, 550);
                var m = (double)F(target, TrajectoryFeatures.Mass);
                double vx = F(target, TrajectoryFeatures.Vx), vy = F(target, TrajectoryFeatures.Vy);
                Assert.Equal(0.5 * m * (vx * vx + vy * vy), F(target, TrajectoryFeatures.Kinetic), 0.01 * (1 + F(target, TrajectoryFeatures.Kinetic)) * 1e-3);
                Assert.Equal(m * g * F(target, TrajectoryFeatures.Y), F(target, TrajectoryFeatures.Potential), 1e-3 * F(target, TrajectoryFeatures.Potential));
            }
        }
    }

    [Fact]
    public void The_same_data_seed_gives_the_same_bytes_and_another_seed_other_bytes()
    {
        var again = PhysicsDataGenerator.Generate(Config);
        var other = PhysicsDataGenerator.Generate(Config with { DataSeed = 8 });

        Assert.Equal(SHA256.HashData(Data.Train.InputBytes), SHA256.HashData(again.Train.InputBytes));
        Assert.Equal(SHA256.HashData(Data.Extrapolation.TargetBytes), SHA256.HashData(again.Extrapolation.TargetBytes));
        Assert.NotEqual(SHA256.HashData(Data.Train.InputBytes), SHA256.HashData(other.Train.InputBytes));
    }

    [Fact]
    public void An_extrapolation_count_that_is_not_a_multiple_of_eight_is_refused_with_the_key_to_fix()
    {
        var error = Assert.Throws<ArgumentException>(() => PhysicsDataGenerator.OneAtATime(10, new SeededRandom(1)));
        Assert.Contains("data.extrapolation_samples", error.Message);
    }
}
