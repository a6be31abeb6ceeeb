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
    bool GitDirty);

/// <summary>What the compute backend reports about itself, for the fingerprint.</summary>
/// <param name="LibtorchVersion">libtorch version.</param>
/// <param name="BlasVersion">BLAS library in use.</param>
/// <param name="GpuModel">GPU model for a CUDA device, else null.</param>
/// <param name="GpuDriver">GPU driver or CUDA version for a CUDA device, else null.</param>
public sealed record ComputeBackendInfo(string LibtorchVersion, string BlasVersion, string? GpuModel, string? GpuDriver);

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
    /// Sizes the backend's own thread pools for <paramref name="concurrentCells"/> cells training at once in this
    /// process, so that their pools do not spin for the same cores.
    /// </summary>
    void ShareCores(int concurrentCells)
    {
    }
}
