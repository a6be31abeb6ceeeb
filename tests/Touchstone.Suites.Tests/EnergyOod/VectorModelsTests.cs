using Touchstone.Suites.Common;
using Touchstone.Suites.EnergyOod.Vector;
using Touchstone.Torch;

namespace Touchstone.Suites.Tests.EnergyOod;

public sealed class VectorModelsTests
{
    private static readonly VectorData Data = VectorData.Generate(new VectorDataConfig { NTrain = 2048, NVal = 256, NTest = 256 }, seed: 0);

    [Fact]
    public void A_short_training_makes_the_EBT_energy_fall_across_inference_steps()
    {
        using var tensors = new VectorTensors(Data, VectorOperation.Add, Device.Cpu);
        using var streams = new RandomStreams(0, "ebt/add", Device.Cpu);
        using var ebt = new EbtLearner(new EbtConfig { LatentDim = 64 }, 20, 10, streams);
        var before = ebt.Evaluate(tensors.ValX, tensors.ValY);

        Train(ebt, tensors, streams, steps: 120);
        var after = ebt.Evaluate(tensors.ValX, tensors.ValY);

        Assert.Equal(11, after.Energies.Count); // ŷ0 and after each of the 10 steps
        for (var k = 1; k < after.Energies.Count; k++)
        {
            Assert.True(after.Energies[k] <= after.Energies[k - 1] + 1e-4, $"energy rose at step {k}: {string.Join(", ", after.Energies)}");
        }
        Assert.True(after.Energies[^1] < after.Energies[0] - 0.25 * Math.Abs(after.Energies[0]), string.Join(", ", after.Energies));
        Assert.True(after.Mse < 0.25 * before.Mse, $"val MSE {before.Mse} -> {after.Mse}");
    }

    [Fact]
    public void A_short_training_fits_the_FFN_to_the_in_distribution_data()
    {
        using var tensors = new VectorTensors(Data, VectorOperation.Add, Device.Cpu);
        using var streams = new RandomStreams(0, "ffn/add", Device.Cpu);
        // The source's network and batch at ten times its learning rate, so a few hundred steps suffice.
        using var ffn = new FfnLearner(new FfnConfig { Lr = 1e-3 }, 20, 10, streams);
        var targetVariance = Variance(Data.Val.Sum);

        Train(ffn, tensors, streams, steps: 400);
        var val = ffn.Evaluate(tensors.ValX, tensors.ValY);

        Assert.True(val.Mse < 0.05 * targetVariance, $"val MSE {val.Mse} against a target variance of {targetVariance}");
        Assert.Empty(val.Energies);
    }

    private static void Train(IVectorLearner learner, VectorTensors tensors, RandomStreams streams, int steps)
    {
        var order = new BatchOrder(tensors.TrainCount, learner.BatchSize, dropLast: true, streams.Batches);
        for (var step = 0; step < steps; step++)
        {
            using var scope = DisposeScope.Begin();
            var index = Tensor.From(order.Next());
            learner.TrainStep(tensors.TrainX.IndexSelect(0, index), tensors.TrainY.IndexSelect(0, index), readLoss: false);
        }
    }

    private static double Variance(float[] values)
    {
        var mean = values.Average(v => (double)v);
        return values.Average(v => (v - mean) * (v - mean));
    }
}
