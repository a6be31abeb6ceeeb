using Touchstone.Suites.EnergyOod.Vector;

namespace Touchstone.Suites.Tests.EnergyOod;

public sealed class VectorDataTests
{
    private static readonly VectorDataConfig Small = new() { NTrain = 2000, NVal = 256, NTest = 2000 };

    [Fact]
    public void Uniform_reading_draws_train_and_val_in_minus_one_to_one_and_ood_in_minus_two_to_two()
    {
        var data = VectorData.Generate(Small with { Reading = VectorReading.Uniform }, seed: 0);

        Assert.All(data.Train.X.Concat(data.Val.X), v => Assert.InRange(v, -1f, 1f));
        Assert.All(data.Ood.X, v => Assert.InRange(v, -2f, 2f));
        Assert.Contains(data.Ood.X, v => Math.Abs(v) > 1.5f);
        Assert.Equal(0, Mean(data.Train.X), 1);
    }

    [Fact]
    public void Gaussian_reading_has_the_source_code_means_and_spreads()
    {
        var data = VectorData.Generate(Small, seed: 0);

        Assert.Equal(-1, Mean(data.Train.X), 1);
        Assert.Equal(2, Sd(data.Train.X), 1);
        Assert.Equal(-2, Mean(data.Ood.X), 1);
        Assert.Equal(4, Sd(data.Ood.X), 1);
    }

    [Fact]
    public void Targets_are_the_sum_and_the_elementwise_product_of_the_two_halves()
    {
        var data = VectorData.Generate(Small, seed: 1);
        var split = data.Val;
        for (var row = 0; row < split.Count; row++)
        {
            for (var i = 0; i < split.VecSize; i++)
            {
                var v1 = split.X[row * 20 + i];
                var v2 = split.X[row * 20 + 10 + i];
                Assert.Equal(v1 + v2, split.Targets(VectorOperation.Add)[row * 10 + i]);
                Assert.Equal(v1 * v2, split.Targets(VectorOperation.Multiply)[row * 10 + i]);
            }
        }
        Assert.Equal(new[] { 2000 * 20, 256 * 20, 2000 * 20 }, data.Splits.Select(s => s.X.Length));
    }

    [Fact]
    public void The_data_depends_on_the_seed_and_the_reading_only()
    {
        var a = VectorData.Generate(Small, seed: 7).HashPieces().SelectMany(p => p.Bytes).ToArray();
        var b = VectorData.Generate(Small, seed: 7).HashPieces().SelectMany(p => p.Bytes).ToArray();
        var c = VectorData.Generate(Small, seed: 8).HashPieces().SelectMany(p => p.Bytes).ToArray();
        var d = VectorData.Generate(Small with { Reading = VectorReading.Uniform }, seed: 7).HashPieces().SelectMany(p => p.Bytes).ToArray();

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.NotEqual(a, d);
    }

    private static double Mean(float[] values) => values.Average(v => (double)v);

    private static double Sd(float[] values)
    {
        var mean = Mean(values);
        return Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
    }
}
