using Touchstone.Suites.Scan;
using Touchstone.Torch;

namespace Touchstone.Suites.Tests.Scan;

public sealed class ScanBatchTests
{
    // Commands and targets of different lengths, so every batch needs padding on both sides.
    private static readonly string[] Lines =
    [
        "IN: jump OUT: I_JUMP",
        "IN: walk around left twice OUT: I_TURN_LEFT I_WALK I_TURN_LEFT I_WALK I_TURN_LEFT I_WALK I_TURN_LEFT I_WALK I_TURN_LEFT I_WALK I_TURN_LEFT I_WALK I_TURN_LEFT I_WALK I_TURN_LEFT I_WALK",
        "IN: look after run right OUT: I_TURN_RIGHT I_RUN I_LOOK",
        "IN: turn opposite right thrice and walk OUT: I_TURN_RIGHT I_TURN_RIGHT I_TURN_RIGHT I_TURN_RIGHT I_TURN_RIGHT I_TURN_RIGHT I_WALK",
    ];

    private static IReadOnlyList<ScanExample> Examples() =>
        [.. Lines.Select(line => ScanGrammar.Language().Single(e => e.Line == line))];

    private static ScanModel Model(int seed)
    {
        using var init = new Generator((ulong)seed);
        return new ScanModel(new ScanModelConfig(16, 24, 1, 0.0), ScanVocabulary.Input.Count, ScanVocabulary.Output.Count, init, new Generator(99));
    }

    [Fact]
    public void Extra_padding_does_not_change_a_batchs_loss_or_its_gradient()
    {
        TorchRuntime.SetDeterministic(threads: 1);
        using var model = Model(1);
        using var scope = DisposeScope.Begin();
        var tight = ScanBatch.Pad(Examples(), Device.Cpu);
        var padded = ScanBatch.Pad(Examples(), Device.Cpu, extraPadding: 7);
        Assert.Equal(tight.Commands.Size(0) + 7, padded.Commands.Size(0));
        Assert.Equal(tight.Targets.Size(0) + 7, padded.Targets.Size(0));

        var (tightLoss, tightGrad) = LossAndGradient(model, tight);
        var (paddedLoss, paddedGrad) = LossAndGradient(model, padded);

        Assert.Equal(tightLoss, paddedLoss, 1e-6);
        Assert.True(paddedGrad.AllClose(tightGrad, 1e-5, 1e-7), "the gradient moved when padding was added");
    }

    private static (double Loss, Tensor Gradient) LossAndGradient(ScanModel model, ScanBatch batch)
    {
        foreach (var p in model.Parameters())
        {
            p.Grad?.Zero_();
        }
        var loss = batch.Loss(model);
        loss.Backward();
        return (loss.Item<double>(), Tensor.Cat([.. model.Parameters().Select(p => p.Grad!.Reshape(-1))]));
    }

    [Fact]
    public void Batch_loss_is_the_token_weighted_mean_of_each_examples_own_unpadded_loss()
    {
        // The source's sum(loss · mask) / sum(mask): every real target token counts once, padding never.
        TorchRuntime.SetDeterministic(threads: 1);
        using var model = Model(2);
        using var scope = DisposeScope.Begin();
        var examples = Examples();

        var batchLoss = ScanBatch.Pad(examples, Device.Cpu).Loss(model).Item<double>();
        var tokens = examples.Select(e => e.Actions.Count + 1.0).ToArray();   // the actions and EOS
        var own = examples.Select(e => ScanBatch.Pad([e], Device.Cpu).Loss(model).Item<double>()).ToArray();

        Assert.Equal(own.Zip(tokens, (l, n) => l * n).Sum() / tokens.Sum(), batchLoss, 1e-5);
        Assert.NotEqual(own.Average(), batchLoss, 1e-3);
    }

    [Fact]
    public void Padded_encoding_gives_every_command_the_state_after_its_own_last_token()
    {
        TorchRuntime.SetDeterministic(threads: 1);
        using var model = Model(3);
        using var scope = DisposeScope.Begin();
        var examples = Examples();
        var batch = ScanBatch.Pad(examples, Device.Cpu, extraPadding: 2);

        var (h, c) = model.Encode(batch.Commands, batch.CommandMask)[0];

        for (var b = 0; b < examples.Count; b++)
        {
            var ids = ScanVocabulary.EncodeCommand(examples[b].Command);
            var (ownH, ownC) = model.Encode(Tensor.From(ids, [ids.Length, 1]))[0];
            Assert.True(h.Narrow(1, b, 1).AllClose(ownH, 1e-5, 1e-6), $"h of '{examples[b].Line}'");
            Assert.True(c.Narrow(1, b, 1).AllClose(ownC, 1e-5, 1e-6), $"c of '{examples[b].Line}'");
        }
    }
}
