using Touchstone.Core.Environment;
using Touchstone.Core.Verification;
using Touchstone.Suites.Common;
using Touchstone.Torch;

namespace Touchstone.Suites.Tests.Common;

// These tests change libtorch's process-wide threads and BLAS pool, so they run alone, not beside experiments.
[Collection(ProcessWideTorchSettings.Name)]
public sealed class LibtorchProbeTests
{
    [Fact]
    public void Cpu_description_names_the_libtorch_version_and_the_loaded_blas_without_a_gpu()
    {
        var info = new LibtorchProbe().Describe("cpu");

        Assert.Equal(TorchRuntime.Version, info.LibtorchVersion);
        Assert.Matches(@"^\d+\.\d+", info.LibtorchVersion);
        // This machine loads Debian's OpenBLAS (ci/install-deps.sh); the version is in the library's file name.
        Assert.Contains("openblas", info.BlasVersion);
        Assert.Null(info.GpuModel);
        Assert.Null(info.GpuDriver);
    }

    [Fact]
    public void Cuda_description_names_the_gpu_when_present_and_no_made_up_gpu_otherwise()
    {
        if (TorchRuntime.IsCudaAvailable)
        {
            Assert.False(string.IsNullOrEmpty(new LibtorchProbe().Describe("cuda:0").GpuModel));
            return;
        }

        Assert.Equal("", TorchRuntime.CudaDeviceName(0));
        Assert.Equal("", new LibtorchProbe().Describe("cuda:0").GpuModel);
    }

    [Fact]
    public void Configured_threads_are_what_the_description_reports()
    {
        var probe = new LibtorchProbe();
        var (threads, pool) = (TorchRuntime.NumThreads, TorchRuntime.BlasThreads!.Value);
        try
        {
            probe.ConfigureNumerics(new ThreadSettings(2, 1));
            var info = probe.Describe("cpu");
            Assert.Equal((2, 1), (info.Numerics!.IntraOpThreads, info.Numerics.BlasThreads));
            Assert.Equal("warn-only", info.Numerics.DeterministicAlgorithms);

            probe.ConfigureNumerics(ThreadSettings.Default);
            var numerics = probe.Describe("cpu").Numerics!;
            Assert.Equal((1, 1), (numerics.IntraOpThreads, numerics.BlasThreads));
        }
        finally
        {
            TorchRuntime.SetDeterministic(threads, enabled: false);
            TorchRuntime.SetBlasThreads(pool);
        }
    }

    [Fact]
    public void Different_blas_pool_sizes_give_fingerprints_that_name_the_pool()
    {
        var probe = new LibtorchProbe();
        var pool = TorchRuntime.BlasThreads!.Value;
        var threads = TorchRuntime.NumThreads;
        try
        {
            probe.ConfigureNumerics(new ThreadSettings(1, 1));
            var one = FingerprintCollector.Collect("cpu", probe);
            probe.ConfigureNumerics(new ThreadSettings(1, 2));
            var two = FingerprintCollector.Collect("cpu", probe);

            Assert.NotEqual(FingerprintCollector.Hash(one), FingerprintCollector.Hash(two));
            Assert.Equal([new ChangedField("numerics.blas_threads", "1", "2")], FingerprintComparison.Changes(one, two));
        }
        finally
        {
            TorchRuntime.SetDeterministic(threads, enabled: false);
            TorchRuntime.SetBlasThreads(pool);
        }
    }

    [Fact]
    public void Cpu_description_names_the_blas_kernel_and_the_libtorch_build()
    {
        var info = new LibtorchProbe().Describe("cpu").Numerics!;

        Assert.StartsWith(TorchRuntime.BlasCore.Split(';')[0], info.BlasCore);
        Assert.Matches(@"^CPU capability \w+; config [0-9a-f]{12}$", info.LibtorchBuild);
        Assert.Null(info.CudaVersion);
        Assert.Null(info.CudnnVersion);
    }

    [Fact]
    public void Cuda_and_cudnn_versions_are_read_from_the_build_configuration()
    {
        const string config = "PyTorch built with:\n  - CPU capability usage: AVX512\n  - CUDA Runtime 12.1\n  - CuDNN 8.9.2  (built against CUDA 12.2)\n";

        Assert.Equal("12.1", LibtorchBuild.CudaRuntime(config));
        Assert.Equal("8.9.2", LibtorchBuild.Cudnn(config));
        Assert.StartsWith("CPU capability AVX512; config ", LibtorchBuild.Describe(config));
        Assert.Null(LibtorchBuild.CudaRuntime("PyTorch built with:\n  - CPU capability usage: AVX2\n"));
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideTorchSettings
{
    public const string Name = "process-wide torch settings";
}
