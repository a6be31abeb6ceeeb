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
    public void OpenBlas_thread_pool_is_sized_apart_from_the_intra_op_threads()
    {
        // This machine loads Debian's OpenBLAS (ci/install-deps.sh), whose pool is not governed by NumThreads.
        Assert.Contains("openblas", TorchRuntime.BlasLibraries);
        var before = TorchRuntime.BlasThreads;
        Assert.NotNull(before);
        try
        {
            Assert.True(TorchRuntime.SetBlasThreads(1));
            Assert.Equal(1, TorchRuntime.BlasThreads);
            Assert.Throws<TorchException>(() => TorchRuntime.SetBlasThreads(0));
        }
        finally
        {
            TorchRuntime.SetBlasThreads(before!.Value);
        }
        Assert.Equal(before, TorchRuntime.BlasThreads);
    }

    // Large enough for OpenBLAS to split the work among its threads; a product and its gradients, as in training.
    private static byte[] Products()
    {
        using var scope = DisposeScope.Begin();
        using var data = new Generator(11);
        var a = Tensor.Randn([256, 1024], data, requiresGrad: true);
        var b = Tensor.Randn([1024, 384], data, requiresGrad: true);
        var product = a.MatMul(b);
        product.Square().Mean().Backward();
        return new[] { product, a.Grad!, b.Grad! }.SelectMany(t => t.ToArray<float>()).SelectMany(BitConverter.GetBytes).ToArray();
    }

    // What Touchstone guarantees: with the same BLAS pool size the bits repeat. (That they repeat across pool sizes
    // is false on this machine's OpenBLAS 0.3.21: two threads round sgemm differently from one, which is why the
    // pool size is a run setting recorded in the fingerprint rather than derived from --jobs.)
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Matrix_products_are_bit_identical_for_the_same_blas_pool_size(int pool)
    {
        var before = TorchRuntime.BlasThreads!.Value;
        try
        {
            TorchRuntime.SetBlasThreads(pool);
            var first = Products();
            TorchRuntime.SetBlasThreads(pool == 1 ? 2 : 1);
            _ = Products();
            TorchRuntime.SetBlasThreads(pool);
            Assert.Equal(first, Products());
        }
        finally
        {
            TorchRuntime.SetBlasThreads(before);
        }
    }

    [Fact]
    public void Deterministic_mode_reports_whether_it_only_warns()
    {
        var threads = TorchRuntime.NumThreads;
        try
        {
            TorchRuntime.SetDeterministic(threads, warnOnly: true);
            Assert.True(TorchRuntime.IsDeterministic);
            Assert.True(TorchRuntime.IsDeterministicWarnOnly);
            TorchRuntime.SetDeterministic(threads);
            Assert.True(TorchRuntime.IsDeterministic);
            Assert.False(TorchRuntime.IsDeterministicWarnOnly);
        }
        finally
        {
            TorchRuntime.SetDeterministic(threads, enabled: false);
        }
        Assert.False(TorchRuntime.IsDeterministicWarnOnly);
    }

    [Fact]
    public void Runtime_reports_versions_and_blas_for_the_fingerprint()
    {
        Assert.Matches(@"^\d+\.\d+\.\d+", TorchRuntime.Version);
        Assert.Contains("BLAS", TorchRuntime.BuildConfig);
        Assert.NotEmpty(TorchRuntime.ParallelInfo);
        Assert.Contains("blas", TorchRuntime.BlasLibraries, StringComparison.OrdinalIgnoreCase);
        // Debian's OpenBLAS is a DYNAMIC_ARCH build: it names the kernel it chose for this CPU.
        Assert.Matches(@"^\w+; OpenBLAS \d+\.\d+\.\d+ .*DYNAMIC_ARCH", TorchRuntime.BlasCore);
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
