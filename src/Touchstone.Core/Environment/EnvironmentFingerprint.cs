namespace Touchstone.Core.Environment;

/// <summary>
/// Everything about the machine and software a number may depend on. Stored whole in manifest.json; its short
/// hash goes on every cell row. The compute fields come from the experiments' backend (libtorch), which Core
/// does not know: see <see cref="IComputeBackendProbe"/>.
/// </summary>
/// <param name="Os">Operating system description.</param>
/// <param name="CpuModel">CPU model name.</param>
/// <param name="DeviceKind"><c>cpu</c> or <c>cuda</c>.</param>
/// <param name="GpuModel">GPU model, when a GPU is used.</param>
/// <param name="GpuDriver">GPU driver version, when a GPU is used.</param>
/// <param name="DotnetVersion">.NET runtime version.</param>
/// <param name="LibtorchVersion">libtorch version, e.g. <c>1.13.1</c>.</param>
/// <param name="BlasVersion">BLAS library libtorch uses, e.g. <c>OpenBLAS 0.3.21</c>.</param>
/// <param name="TouchstoneVersion">Touchstone's version.</param>
/// <param name="GitCommit">Commit of the checkout, or <c>unknown</c>.</param>
/// <param name="GitDirty">Whether the checkout had uncommitted changes.</param>
public sealed record EnvironmentFingerprint(
    string Os,
    string CpuModel,
    string DeviceKind,
    string? GpuModel,
    string? GpuDriver,
    string DotnetVersion,
    string LibtorchVersion,
    string BlasVersion,
    string TouchstoneVersion,
    string GitCommit,
    bool GitDirty)
{
    /// <summary>What else decides the last bits: threads, BLAS kernel, libtorch build, CUDA; null in older runs.</summary>
    public NumericsFingerprint? Numerics { get; init; }
}

/// <summary>
/// What decides the last bits of a result beside the libraries' versions, as the backend reports it once the run's
/// <see cref="ThreadSettings"/> are applied.
/// </summary>
/// <param name="IntraOpThreads">libtorch's intra-op threads in effect.</param>
/// <param name="BlasThreads">The size of the BLAS library's own pool (OpenBLAS), or null when it has none of its own.</param>
/// <param name="BlasCore">The kernel the BLAS library chose for this CPU and its build (OpenBLAS: core and config).</param>
/// <param name="LibtorchBuild">The CPU capability libtorch's kernels dispatch to here and a hash of its build configuration.</param>
/// <param name="CudaVersion">The CUDA runtime, on a CUDA device.</param>
/// <param name="CudnnVersion">The cuDNN version, on a CUDA device.</param>
/// <param name="DeterministicAlgorithms">Whether deterministic algorithms were enforced: <c>on</c>, <c>warn-only</c> or <c>off</c>.</param>
public sealed record NumericsFingerprint(
    int? IntraOpThreads,
    int? BlasThreads,
    string? BlasCore,
    string? LibtorchBuild,
    string? CudaVersion,
    string? CudnnVersion,
    string DeterministicAlgorithms);

/// <summary>What the compute backend reports about itself, for the fingerprint.</summary>
/// <param name="LibtorchVersion">libtorch version.</param>
/// <param name="BlasVersion">BLAS library in use.</param>
/// <param name="GpuModel">GPU model for a CUDA device, else null.</param>
/// <param name="GpuDriver">GPU driver or CUDA version for a CUDA device, else null.</param>
public sealed record ComputeBackendInfo(string LibtorchVersion, string BlasVersion, string? GpuModel, string? GpuDriver)
{
    /// <summary>Threads, BLAS kernel, build and CUDA details (see <see cref="EnvironmentFingerprint.Numerics"/>).</summary>
    public NumericsFingerprint? Numerics { get; init; }
}

/// <summary>Asks the compute backend (libtorch, through Touchstone.Suites) what it is, for a device.</summary>
public interface IComputeBackendProbe
{
    /// <summary>Describes the backend as used on <paramref name="device"/>.</summary>
    ComputeBackendInfo Describe(string device);

    /// <summary>
    /// Why <paramref name="device"/> cannot be used here (e.g. CUDA requested on a machine without it), or null when
    /// it can; checked before a run starts so that no cell is attempted on a device that is not there.
    /// </summary>
    string? Unavailable(string device) => null;

    /// <summary>
    /// Applies a run's numerics process-wide, once, before its first cell: the thread pools as
    /// <paramref name="threads"/> says (whatever <c>--jobs</c> is, so that a cell's numbers do not depend on how many
    /// cells run beside it) and deterministic algorithms where the backend has them. <see cref="Describe"/> then
    /// reports what is in effect.
    /// </summary>
    void ConfigureNumerics(ThreadSettings threads)
    {
    }
}
