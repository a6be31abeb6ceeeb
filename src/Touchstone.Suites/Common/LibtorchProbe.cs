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
        var build = TorchRuntime.BuildConfig;
        var cuda = device.StartsWith("cuda", StringComparison.Ordinal);
        var index = cuda ? Device.Parse(device).Index : 0;
        return new ComputeBackendInfo(TorchRuntime.Version, blas.Length > 0 ? blas : "static",
            cuda ? TorchRuntime.CudaDeviceName(index) : null, cuda ? TorchRuntime.CudaDriverVersion : null)
        {
            Numerics = new NumericsFingerprint(
                IntraOpThreads: TorchRuntime.NumThreads,
                BlasThreads: TorchRuntime.BlasThreads,
                BlasCore: TorchRuntime.BlasCore is { Length: > 0 } core ? core : null,
                LibtorchBuild: LibtorchBuild.Describe(build),
                CudaVersion: cuda ? LibtorchBuild.CudaRuntime(build) : null,
                CudnnVersion: cuda ? LibtorchBuild.Cudnn(build) : null,
                DeterministicAlgorithms: !TorchRuntime.IsDeterministic ? "off" : TorchRuntime.IsDeterministicWarnOnly ? "warn-only" : "on"),
        };
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
    /// <remarks>
    /// Both pools are process-wide: at::set_num_threads is stored once and every thread that trains picks it up on
    /// its first parallel section; OpenBLAS's pool, which at::set_num_threads does not size, has one size for all
    /// callers. A pool size from <c>OPENBLAS_NUM_THREADS</c> is overridden, so the fingerprint states what ran.
    /// Deterministic algorithms are turned on in warn-only mode: an operation without a deterministic kernel (a few
    /// on CUDA) warns, naming itself, instead of failing the cell.
    /// </remarks>
    public void ConfigureNumerics(ThreadSettings threads)
    {
        TorchRuntime.SetDeterministic(threads: threads.IntraOp, warnOnly: true);
        TorchRuntime.SetBlasThreads(threads.Blas);
    }

    // "openblas-pthread/libopenblasp-r0.3.21.so": the folder names the variant, the file the version.
    private static string ParentAndName(string path) =>
        $"{Path.GetFileName(Path.GetDirectoryName(path))}/{Path.GetFileName(path)}";
}
