using Touchstone.Torch;
using Touchstone.Torch.NN;
using Touchstone.Torch.Optim;

namespace Touchstone.Torch.Tests;

public sealed class DeterminismTests
{
    // A small classifier with dropout, AdamW, a cosine schedule and gradient clipping; the model is initialised
    // from one seed and the data drawn from another generator.
    private static byte[] Train(ulong seed, int threads)
    {
        TorchRuntime.SetDeterministic(threads);
        try
        {
            using var scope = DisposeScope.Begin();
            TorchRuntime.ManualSeed(seed);
            using var data = new Generator(seed + 1000);
            using var net = new Sequential(new Linear(16, 64), new GELU(), new Dropout(0.2), new LayerNorm(64), new Linear(64, 5));
            using var optimizer = new AdamW(net.Parameters(), lr: 3e-3, weightDecay: 0.05);
            var schedule = new CosineAnnealingLR(optimizer, totalSteps: 60, minLr: 1e-4, warmupSteps: 5);
            for (var step = 0; step < 60; step++)
            {
                using var inner = DisposeScope.Begin();
                var x = Tensor.Randn([32, 16], data);
                var y = Tensor.Randint(0, 5, [32], data);
                optimizer.ZeroGrad();
                F.CrossEntropy(net.Forward(x), y, labelSmoothing: 0.05).Backward();
                NN.Utils.ClipGradNorm(net.Parameters(), 1.0);
                optimizer.Step();
                schedule.Step();
            }
            return net.Parameters().SelectMany(p => p.ToArray<float>()).SelectMany(BitConverter.GetBytes).ToArray();
        }
        finally
        {
            TorchRuntime.SetDeterministic(enabled: false, threads: TorchRuntime.NumThreads);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void The_same_seed_gives_bit_identical_training(int threads)
    {
        var first = Train(7, threads);
        var second = Train(7, threads);
        Assert.Equal(first, second);
        Assert.Equal(threads, TorchRuntime.NumThreads);
    }

    [Fact]
    public void Different_seeds_give_different_weights()
    {
        Assert.NotEqual(Train(7, 1), Train(8, 1));
    }

    [Fact]
    public void Set_deterministic_turns_on_deterministic_algorithms_and_sets_threads()
    {
        var threads = TorchRuntime.NumThreads;
        TorchRuntime.SetDeterministic(1);
        Assert.True(TorchRuntime.IsDeterministic);
        Assert.Equal(1, TorchRuntime.NumThreads);
        TorchRuntime.SetDeterministic(threads, enabled: false);
        Assert.False(TorchRuntime.IsDeterministic);
    }

    [Fact]
    public void Runtime_reports_versions_and_blas_for_the_fingerprint()
    {
        Assert.Matches(@"^\d+\.\d+\.\d+", TorchRuntime.Version);
        Assert.Contains("BLAS", TorchRuntime.BuildConfig);
        Assert.NotEmpty(TorchRuntime.ParallelInfo);
        Assert.Contains("blas", TorchRuntime.BlasLibraries, StringComparison.OrdinalIgnoreCase);
        if (TorchRuntime.IsCudaAvailable)
        {
            Assert.NotEmpty(TorchRuntime.CudaDeviceName());
            Assert.NotEmpty(TorchRuntime.CudaDriverVersion);
        }
        else
        {
            Assert.Equal("", TorchRuntime.CudaDeviceName());
            Assert.Equal(0, TorchRuntime.CudaDeviceCount);
        }
    }
}
