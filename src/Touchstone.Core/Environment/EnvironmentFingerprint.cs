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
    /// <summary>libtorch's intra-op threads as it reports them after the run's <see cref="ThreadSettings"/> were applied.</summary>
    public int? IntraOpThreads { get; init; }

    /// <summary>The size of the BLAS library's own pool (OpenBLAS), or null when it has none of its own.</summary>
    public int? BlasThreads { get; init; }

    /// <summary>The kernel the BLAS library chose for this CPU and how it was built (OpenBLAS: core and config).</summary>
    public string? BlasCore { get; init; }

    /// <summary>libtorch's build: the CPU capability its kernels dispatch to here and a hash of its build configuration.</summary>
    public string? LibtorchBuild { get; init; }

    /// <summary>The CUDA runtime libtorch was built with, on a CUDA device.</summary>
    public string? CudaVersion { get; init; }

    /// <summary>The cuDNN version, on a CUDA device.</summary>
    public string? CudnnVersion { get; init; }

    /// <summary>Whether deterministic algorithms were enforced: <c>on</c>, <c>warn-only</c> or <c>off</c>.</summary>
    public string? DeterministicAlgorithms { get; init; }
}

/// <summary>What the compute backend reports about itself, for the fingerprint.</summary>
/// <param name="LibtorchVersion">libtorch version.</param>
/// <param name="BlasVersion">BLAS library in use.</param>
/// <param name="GpuModel">GPU model for a CUDA device, else null.</param>
/// <param name="GpuDriver">GPU driver or CUDA version for a CUDA device, else null.</param>
public sealed record ComputeBackendInfo(string LibtorchVersion, string BlasVersion, string? GpuModel, string? GpuDriver)
{
    /// <summary>Intra-op threads in effect (see <see cref="EnvironmentFingerprint.IntraOpThreads"/>).</summary>
    public int? IntraOpThreads { get; init; }

    /// <summary>The BLAS pool's size, or null without one (see <see cref="EnvironmentFingerprint.BlasThreads"/>).</summary>
    public int? BlasThreads { get; init; }

    /// <summary>The BLAS kernel selected for this CPU (see <see cref="EnvironmentFingerprint.BlasCore"/>).</summary>
    public string? BlasCore { get; init; }

    /// <summary>The backend's build (see <see cref="EnvironmentFingerprint.LibtorchBuild"/>).</summary>
    public string? LibtorchBuild { get; init; }

    /// <summary>CUDA runtime version on a CUDA device.</summary>
    public string? CudaVersion { get; init; }

    /// <summary>cuDNN version on a CUDA device.</summary>
    public string? CudnnVersion { get; init; }

    /// <summary><c>on</c>, <c>warn-only</c> or <c>off</c>.</summary>
    public string? DeterministicAlgorithms { get; init; }
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
