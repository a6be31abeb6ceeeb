using Touchstone.Torch.NN;
using Touchstone.Torch.Optim;
using Xunit.Abstractions;

namespace Touchstone.Torch.Tests;

public sealed class MemoryTests(ITestOutputHelper output)
{
    private const int Steps = 200_000;
    private const int WarmUpSteps = 20_000;
    // Allowed growth of the resident set between the end of the warm-up and the last step. A leak of one small
    // tensor (or autograd node) per step would add at least 200 bytes x 180,000 steps = 36 MB.
    private const long AllowedGrowthBytes = 8L * 1024 * 1024;

    [Fact]
    public void Two_hundred_thousand_training_steps_in_dispose_scopes_keep_resident_memory_flat()
    {
        TorchRuntime.ManualSeed(0);
        using var net = new Sequential(new Linear(4, 8), new ReLU(), new Dropout(0.1), new Linear(8, 1));
        using var optimizer = new AdamW(net.Parameters(), lr: 1e-3);
        using var data = new Generator(1);
        var x = Tensor.Randn([8, 4], data).DetachFromDisposeScope();
        var y = Tensor.Randn([8, 1], data).DetachFromDisposeScope();
        long warm = 0;
        for (var step = 0; step < Steps; step++)
        {
            using (DisposeScope.Begin())
            {
                optimizer.ZeroGrad();
                var loss = F.MseLoss(net.Forward(x), y);
                loss.Backward();
                NN.Utils.ClipGradNorm(net.Parameters(), 1.0);
                optimizer.Step();
            }
            if (step == WarmUpSteps)
            {
                warm = ResidentBytes();
            }
        }
        var end = ResidentBytes();
        output.WriteLine($"resident after {WarmUpSteps} steps: {warm / 1048576.0:F1} MB; after {Steps}: {end / 1048576.0:F1} MB");
        Assert.True(end - warm < AllowedGrowthBytes,
            $"resident memory grew by {(end - warm) / 1024.0 / 1024:F1} MB over {Steps - WarmUpSteps} steps (from {warm / 1048576.0:F1} MB)");

        // And libtorch keeps no history: gradients are plain tensors without graphs.
        using var scope = DisposeScope.Begin();
        Assert.All(net.Parameters(), p => Assert.False(p.Grad!.RequiresGrad));
        x.Dispose();
        y.Dispose();
    }

    private static long ResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }
}
