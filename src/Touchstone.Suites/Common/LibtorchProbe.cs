using Touchstone.Core.Environment;
using Touchstone.Torch;

namespace Touchstone.Suites.Common;

/// <summary>
/// Describes libtorch for the environment fingerprint: its version, the BLAS/LAPACK libraries actually loaded
/// (OpenBLAS against reference BLAS changes both speed and the last bits of results), and the GPU and driver for a
/// CUDA device.
/// </summary>
public sealed class LibtorchProbe : IComputeBackendProbe
{
    /// <inheritdoc />
    public ComputeBackendInfo Describe(string device)
    {
        var blas = string.Join("; ", TorchRuntime.BlasLibraries
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(ParentAndName)
            .Distinct());
        if (!device.StartsWith("cuda", StringComparison.Ordinal))
        {
            return new ComputeBackendInfo(TorchRuntime.Version, blas.Length > 0 ? blas : "static", null, null);
        }
        var index = Device.Parse(device).Index;
        return new ComputeBackendInfo(TorchRuntime.Version, blas.Length > 0 ? blas : "static",
            TorchRuntime.CudaDeviceName(index), TorchRuntime.CudaDriverVersion);
    }

    /// <inheritdoc />
    public string? Unavailable(string device)
    {
        if (!device.StartsWith("cuda", StringComparison.Ordinal))
        {
            return null;
        }
        var index = Device.Parse(device).Index;
        if (!TorchRuntime.IsCudaAvailable)
        {
            return $"device {device} was requested, but this libtorch ({TorchRuntime.Version}) has no CUDA or no GPU is visible; " +
                   "run with --device cpu, or build against a CUDA libtorch (Torch_DIR or CMAKE_PREFIX_PATH) on a machine with a GPU";
        }
        var count = TorchRuntime.CudaDeviceCount;
        return index < count ? null : $"device {device} was requested, but this machine has {count} CUDA device(s) (cuda:0 to cuda:{count - 1})";
    }

    /// <inheritdoc />
    /// <remarks>OpenBLAS's pool is process-wide and at::set_num_threads does not size it (measured: two cells at
    /// once, each with a pool of two, spent half of the CPU time in the kernel and ran several times slower).</remarks>
    public void ShareCores(int concurrentCells)
    {
        // A pool size the user chose for OpenBLAS is theirs to keep.
        if (System.Environment.GetEnvironmentVariable("OPENBLAS_NUM_THREADS") is { Length: > 0 })
        {
            return;
        }
        TorchRuntime.SetBlasThreads(Math.Max(1, System.Environment.ProcessorCount / Math.Max(1, concurrentCells)));
    }

    // "openblas-pthread/libopenblasp-r0.3.21.so": the folder names the variant, the file the version.
    private static string ParentAndName(string path) =>
        $"{Path.GetFileName(Path.GetDirectoryName(path))}/{Path.GetFileName(path)}";
}
