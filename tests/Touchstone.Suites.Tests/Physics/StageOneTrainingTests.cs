using Touchstone.Suites.Common;
using Touchstone.Suites.Physics;
using Touchstone.Torch;
using Touchstone.Torch.NN;
using Touchstone.Torch.Optim;

namespace Touchstone.Suites.Tests.Physics;

public sealed class StageOneTrainingTests
{
    [Fact]
    public void A_short_stage_one_run_lowers_the_loss_and_beats_repeating_the_last_frame_in_distribution()
    {
        var config = new PhysicsDataConfig(DataSeed: 1, TrainSamples: 256, InDistributionSamples: 64, InterpolationSamples: 1, ExtrapolationSamples: 8);
        var data = PhysicsDataGenerator.Generate(config);
        var scaler = new FeatureScaler(data.Train, config.Features);
        long[] shape(PhysicsSplit s) => [s.Count, config.InputFrames, config.Features];

        using var scope = DisposeScope.Begin();
        var x = Tensor.From(scaler.Transform(data.Train.Inputs), shape(data.Train));
        var y = Tensor.From(scaler.Transform(data.Train.Targets), shape(data.Train));
        var testX = Tensor.From(scaler.Transform(data.InDistribution.Inputs), shape(data.InDistribution));
        var testY = Tensor.From(scaler.Transform(data.InDistribution.Targets), shape(data.InDistribution));

        using var streams = new RandomStreams(3, Device.Cpu);
        using var model = new TrajectoryTransformer(new TrajectoryTransformerConfig(Width: 32, Blocks: 2, Heads: 4, Dropout: 0), streams.Init, streams.Dropout);
        using var optimizer = new Adam(model.Parameters(), lr: 1e-3); // stage 1's learning rate
        var order = new BatchOrder(data.Train.Count, 32, dropLast: false, streams.Batches);
        var losses = new List<double>();
        for (var step = 0; step < 400; step++)
        {
            using var stepScope = DisposeScope.Begin();
            var index = Tensor.From(order.Next(), Device.Cpu);
            var loss = F.MseLoss(model.Forward(x.IndexSelect(0, index)), y.IndexSelect(0, index));
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
            losses.Add(loss.Item<double>());
        }

        // Compared on what moves: positions, velocities and energies (not time, which repeating cannot know, nor
        // mass and radius, which repeating gets right for free).
        int[] offsets = [TrajectoryFeatures.X, TrajectoryFeatures.Y, TrajectoryFeatures.Vx, TrajectoryFeatures.Vy, TrajectoryFeatures.Kinetic, TrajectoryFeatures.Potential];
        var moving = Tensor.From(Enumerable.Range(0, config.Balls).SelectMany(b => offsets.Select(o => (long)TrajectoryFeatures.Column(b, o))).ToArray(), Device.Cpu);
        double Mse(Tensor prediction) => F.MseLoss(prediction.IndexSelect(2, moving), testY.IndexSelect(2, moving)).Item<double>();
        model.Eval();
        var modelMse = Mse(model.Forward(testX));
        var repeatMse = Mse(testX.Narrow(1, config.InputFrames - 1, 1).Expand(data.InDistribution.Count, config.OutputFrames, config.Features));

        Assert.True(losses.TakeLast(20).Average() < 0.5 * losses.Take(20).Average(), $"loss {losses.Take(20).Average():F4} → {losses.TakeLast(20).Average():F4}");
        Assert.True(modelMse < repeatMse, $"model {modelMse:F4} vs repeat-last-frame {repeatMse:F4}");
    }
}
