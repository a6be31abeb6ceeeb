using Touchstone.Core.Environment;
using Touchstone.Testing;

namespace Touchstone.Core.Tests.Environment;

public sealed class FingerprintTests
{
    private sealed class FakeGpu : IComputeBackendProbe
    {
        public ComputeBackendInfo Describe(string device) => new("2.4.1", "MKL 2024.0", $"GPU for {device}", "CUDA 12.4");
    }

    [Fact]
    public void Fingerprint_describes_this_machine_and_the_backend()
    {
        var fingerprint = FingerprintCollector.Collect("cuda:0", new FakeGpu(), RepoPaths.Root);

        Assert.Equal("cuda", fingerprint.DeviceKind);
        Assert.Equal(("2.4.1", "MKL 2024.0", "GPU for cuda:0", "CUDA 12.4"),
            (fingerprint.LibtorchVersion, fingerprint.BlasVersion, fingerprint.GpuModel, fingerprint.GpuDriver));
        Assert.StartsWith(".NET ", fingerprint.DotnetVersion);
        Assert.False(string.IsNullOrWhiteSpace(fingerprint.Os));
        Assert.False(string.IsNullOrWhiteSpace(fingerprint.CpuModel));
        Assert.Matches("^[0-9a-f]{40}$", fingerprint.GitCommit);
    }

    [Fact]
    public void Outside_a_checkout_the_commit_is_unknown_and_without_a_backend_libtorch_is_none()
    {
        using var dir = new TempDirectory();

        var fingerprint = FingerprintCollector.Collect("cpu", new NoComputeBackendProbe(), dir.Path);

        Assert.Equal(("unknown", false), (fingerprint.GitCommit, fingerprint.GitDirty));
        Assert.Equal(("none", "none", "cpu"), (fingerprint.LibtorchVersion, fingerprint.BlasVersion, fingerprint.DeviceKind));
        Assert.Null(fingerprint.GpuModel);
    }

    [Fact]
    public void Hash_is_short_stable_and_changes_with_any_field()
    {
        using var dir = new TempDirectory();
        var fingerprint = FingerprintCollector.Collect("cpu", new NoComputeBackendProbe(), dir.Path);

        var hash = FingerprintCollector.Hash(fingerprint);

        Assert.Matches("^[0-9a-f]{12}$", hash);
        Assert.Equal(hash, FingerprintCollector.Hash(fingerprint with { }));
        Assert.NotEqual(hash, FingerprintCollector.Hash(fingerprint with { GitDirty = true }));
        Assert.NotEqual(hash, FingerprintCollector.Hash(fingerprint with { BlasVersion = "OpenBLAS 0.3.21" }));
    }
}
