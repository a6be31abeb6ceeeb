using Touchstone.Suites.Physics;

namespace Touchstone.Suites.Tests.Physics;

public sealed class FeatureScalerTests
{
    [Fact]
    public void Standardized_training_frames_have_mean_zero_and_unit_deviation_per_feature()
    {
        var config = new PhysicsDataConfig(DataSeed: 2, TrainSamples: 30, InDistributionSamples: 1, InterpolationSamples: 1, ExtrapolationSamples: 8);
        var train = PhysicsDataGenerator.Generate(config).Train;
        var scaler = new FeatureScaler(train, config.Features);
        var rows = scaler.Transform(train.Inputs).Chunk(config.Features).Concat(scaler.Transform(train.Targets).Chunk(config.Features)).ToArray();

        for (var f = 0; f < config.Features; f++)
        {
            var mean = rows.Average(r => (double)r[f]);
            var sd = Math.Sqrt(rows.Average(r => (r[f] - mean) * (r[f] - mean)));
            Assert.Equal(0, mean, 4);
            Assert.Equal(1, sd, 4);
        }
    }
}
