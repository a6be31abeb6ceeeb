using Touchstone.Suites.Common;
using Touchstone.Torch;

namespace Touchstone.Suites.Tests.Common;

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
    public void Sharing_cores_divides_the_openblas_pool_among_concurrent_cells()
    {
        var probe = new LibtorchProbe();
        var pool = TorchRuntime.BlasThreads!.Value;
        try
        {
            probe.ShareCores(2);
            Assert.Equal(Math.Max(1, Environment.ProcessorCount / 2), TorchRuntime.BlasThreads);
            probe.ShareCores(64);
            Assert.Equal(1, TorchRuntime.BlasThreads);
        }
        finally
        {
            TorchRuntime.SetBlasThreads(pool);
        }
    }
}
