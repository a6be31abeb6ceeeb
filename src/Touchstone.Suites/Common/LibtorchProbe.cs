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

    // "openblas-pthread/libopenblasp-r0.3.21.so": the folder names the variant, the file the version.
    private static string ParentAndName(string path) =>
        $"{Path.GetFileName(Path.GetDirectoryName(path))}/{Path.GetFileName(path)}";
}
