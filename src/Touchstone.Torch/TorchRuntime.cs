using Touchstone.Torch.Interop;

namespace Touchstone.Torch;

/// <summary>Process-wide settings and facts about the libtorch in use: the global seed, determinism, threads,
/// versions, CUDA and BLAS (what an environment fingerprint records).</summary>
/// <example><code>
/// TorchRuntime.SetDeterministic(threads: 1);
/// TorchRuntime.ManualSeed(42);
/// Console.WriteLine($"libtorch {TorchRuntime.Version}, BLAS {TorchRuntime.BlasLibraries}");
/// </code></example>
public static class TorchRuntime
{
    /// <summary>libtorch's version, e.g. "1.13.1" (as the headers the shim was built with say).</summary>
    public static string Version => Native.String(NativeMethods.ts_runtime_version(), "version");

    /// <summary>Whether this libtorch can use a CUDA GPU here.</summary>
    public static bool IsCudaAvailable => NativeMethods.ts_runtime_cuda_available() != 0;

    /// <summary>How many CUDA devices are visible (0 without CUDA).</summary>
    public static int CudaDeviceCount => NativeMethods.ts_runtime_cuda_device_count();

    /// <summary>Seeds the global CPU generator and every CUDA device's, as torch.manual_seed.</summary>
    public static void ManualSeed(ulong seed) => Native.Check(NativeMethods.ts_runtime_manual_seed(seed), "manual_seed");

    /// <summary>The number of intra-op threads, as torch.get_num_threads / set_num_threads.</summary>
    public static int NumThreads
    {
        get => NativeMethods.ts_runtime_get_num_threads();
        set => Native.Check(NativeMethods.ts_runtime_set_num_threads(value), "set_num_threads");
    }

    /// <summary>
    /// The size of OpenBLAS's own thread pool, which <see cref="NumThreads"/> does not govern; null when the loaded
    /// BLAS is not OpenBLAS (MKL follows <see cref="NumThreads"/>, reference BLAS is single-threaded).
    /// </summary>
    public static int? BlasThreads => NativeMethods.ts_runtime_get_blas_threads() is var n && n > 0 ? n : null;

    /// <summary>
    /// Sizes OpenBLAS's thread pool; returns false (and changes nothing) when the loaded BLAS is not OpenBLAS.
    /// Several trainings in one process share the pool, so divide the cores among them.
    /// </summary>
    public static bool SetBlasThreads(int threads) =>
        Native.NonNegative(NativeMethods.ts_runtime_set_blas_threads(threads), "set_blas_threads") == 1;

    /// <summary>Makes runs repeatable: deterministic algorithms only (an error for operations that have none, or
    /// a warning with warnOnly), cuDNN deterministic and not benchmarking, a fixed cuBLAS workspace, and the given
    /// number of intra-op threads. With the same seed, training on CPU is then bit-identical from run to run.</summary>
    public static void SetDeterministic(int threads = 1, bool enabled = true, bool warnOnly = false)
    {
        Native.Check(NativeMethods.ts_runtime_set_deterministic(enabled, warnOnly), "set_deterministic");
        NumThreads = threads;
    }

    /// <summary>Whether deterministic algorithms are enforced (also when only warning for operations without one).</summary>
    public static bool IsDeterministic => NativeMethods.ts_runtime_get_deterministic() != 0;

    /// <summary>Whether deterministic algorithms only warn, instead of failing, for operations that have none.</summary>
    public static bool IsDeterministicWarnOnly => NativeMethods.ts_runtime_get_deterministic() == 2;

    /// <summary>The kernel OpenBLAS selected for this CPU and its build configuration, e.g.
    /// "Zen; OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Zen MAX_THREADS=64"; empty when BLAS is not OpenBLAS.</summary>
    public static string BlasCore => Native.String(NativeMethods.ts_runtime_blas_core(), "blas core");

    /// <summary>libtorch's build configuration (compiler, BLAS, CUDA, CPU capability), as torch.__config__.show().</summary>
    public static string BuildConfig => Native.String(NativeMethods.ts_runtime_build_config(), "build config");

    /// <summary>libtorch's threading configuration, as torch.__config__.parallel_info().</summary>
    public static string ParallelInfo => Native.String(NativeMethods.ts_runtime_parallel_info(), "parallel info");

    /// <summary>The BLAS/LAPACK libraries loaded in this process, resolved through symlinks (e.g. Debian's
    /// alternatives to .../openblas-pthread/libblas.so.3), separated by ';'. Empty if BLAS is linked statically.</summary>
    public static string BlasLibraries => Native.String(NativeMethods.ts_runtime_blas_libraries(), "blas libraries");

    /// <summary>The name of a CUDA GPU as its driver reports it, or "" without CUDA.</summary>
    public static string CudaDeviceName(int index = 0) =>
        IsCudaAvailable ? Native.String(NativeMethods.ts_runtime_cuda_device_name(index), "cuda device name") : "";

    /// <summary>The CUDA driver version as "major.minor" (e.g. "12.4"), or "" without a driver.</summary>
    public static string CudaDriverVersion
    {
        get
        {
            var v = NativeMethods.ts_runtime_cuda_driver_version();
            return v == 0 ? "" : $"{v / 1000}.{v % 1000 / 10}";
        }
    }
}
