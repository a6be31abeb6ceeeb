using Touchstone.Torch.NN;
using Touchstone.Torch.Tests.Support;

namespace Touchstone.Torch.Tests;

public sealed class LossTests
{
    private static readonly double[,] Logits = { { 2, 0.5, -1 }, { 0, 1, 3 }, { -2, 0, 0.5 }, { 1, 1, 1 } };
    private static readonly long[] Targets = [0, 2, 1, 2];

    [Fact]
    public void Mse_and_l1_with_each_reduction()
    {
        using var scope = DisposeScope.Begin();
        var a = Tensor.From([1.0, 2, 4]);
        var b = Tensor.From([2.0, 2, 1]);
        Assert.Equal(10.0 / 3, F.MseLoss(a, b).Item<double>(), 12);
        Assert.Equal(10.0, F.MseLoss(a, b, Reduction.Sum).Item<double>(), 12);
        Values.Equal([1, 0, 9], F.MseLoss(a, b, Reduction.None));
        Assert.Equal(4.0 / 3, F.L1Loss(a, b).Item<double>(), 12);
        Assert.Equal((0.5 + 0 + 2.5) / 3, F.SmoothL1Loss(a, b).Item<double>(), 12);
    }

    [Theory]
    [InlineData(-100, 0.0)]
    [InlineData(2, 0.0)]
    [InlineData(-100, 0.1)]
    [InlineData(1, 0.2)]
    public void Cross_entropy_matches_the_definition_with_ignore_index_and_label_smoothing(long ignoreIndex, double smoothing)
    {
        using var scope = DisposeScope.Begin();
        double total = 0;
        var counted = 0;
        for (var i = 0; i < Targets.Length; i++)
        {
            if (Targets[i] == ignoreIndex)
            {
                continue;
            }
            var row = Enumerable.Range(0, 3).Select(c => Logits[i, c]).ToArray();
            var lse = Math.Log(row.Sum(Math.Exp));
            var logp = row.Select(v => v - lse).ToArray();
            total += -(1 - smoothing) * logp[Targets[i]] - smoothing / 3 * logp.Sum();
            counted++;
        }
        var loss = F.CrossEntropy(Tensor.From(Logits), Tensor.From(Targets), ignoreIndex: ignoreIndex, labelSmoothing: smoothing);
        Assert.Equal(total / counted, loss.Item<double>(), 12);
    }

    [Fact]
    public void Nll_of_log_softmax_equals_cross_entropy_and_handles_extra_dimensions()
    {
        using var scope = DisposeScope.Begin();
        var logits = Tensor.From(Logits);
        var targets = Tensor.From(Targets);
        Assert.Equal(F.CrossEntropy(logits, targets).Item<double>(), F.NllLoss(logits.LogSoftmax(1), targets).Item<double>(), 14);
        Assert.Equal(F.CrossEntropy(logits, targets, ignoreIndex: 2).Item<double>(), F.NllLoss(logits.LogSoftmax(1), targets, ignoreIndex: 2).Item<double>(), 14);
        // (N, C, T) logits against (N, T) targets, as a sequence model produces them.
        var sequence = Tensor.Randn([2, 5, 4], dtype: DType.Float64);
        var labels = Tensor.Randint(0, 5, [2, 4]);
        var flat = F.CrossEntropy(sequence.Permute(0, 2, 1).Reshape(-1, 5), labels.Reshape(-1));
        Assert.Equal(flat.Item<double>(), F.CrossEntropy(sequence, labels).Item<double>(), 12);
    }

    [Fact]
    public void Binary_cross_entropy_on_logits_and_on_probabilities_agree()
    {
        using var scope = DisposeScope.Begin();
        var logits = Tensor.From([-1.0, 0.5, 2]);
        var targets = Tensor.From([0.0, 1, 1]);
        var expected = new[] { -1.0, 0.5, 2 }.Zip(new[] { 0.0, 1, 1 }, (z, t) => -(t * Math.Log(1 / (1 + Math.Exp(-z))) + (1 - t) * Math.Log(1 - 1 / (1 + Math.Exp(-z))))).Average();
        Assert.Equal(expected, F.BinaryCrossEntropyWithLogits(logits, targets).Item<double>(), 12);
        Assert.Equal(expected, F.BinaryCrossEntropy(logits.Sigmoid(), targets).Item<double>(), 12);
    }
}
