using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Touchstone.Core.Environment;

/// <summary>A probe for setups without a compute backend: it reports <c>none</c> for libtorch and BLAS.</summary>
public sealed class NoComputeBackendProbe : IComputeBackendProbe
{
    /// <inheritdoc />
    public ComputeBackendInfo Describe(string device) => new("none", "none", null, null);
}

/// <summary>
/// Collects the <see cref="EnvironmentFingerprint"/> of this process: OS, CPU, .NET, Touchstone's version, the
/// git commit and dirty flag of the working folder's checkout, and what the compute backend reports for the device.
/// </summary>
public static class FingerprintCollector
{
    /// <summary>The fingerprint for running on <paramref name="device"/>.</summary>
    /// <param name="device">Device of the run, e.g. <c>cpu</c> or <c>cuda:0</c>.</param>
    /// <param name="backend">The compute backend's probe.</param>
    /// <param name="checkout">A folder inside the git checkout to describe (the working folder by default).</param>
    public static EnvironmentFingerprint Collect(string device, IComputeBackendProbe backend, string? checkout = null)
    {
        ComputeBackendInfo compute;
        try
        {
            compute = backend.Describe(device);
        }
        catch (Exception e)
        {
            // The fingerprint must not stop a run; the experiment will report a device problem itself.
            compute = new ComputeBackendInfo($"unknown ({e.Message})", "unknown", null, null);
        }
        var folder = checkout ?? System.Environment.CurrentDirectory;
        var commit = Git(folder, "rev-parse", "HEAD")?.Trim();
        var dirty = commit is not null && !string.IsNullOrWhiteSpace(Git(folder, "status", "--porcelain"));
        return new EnvironmentFingerprint(
            Os: RuntimeInformation.OSDescription.Trim(),
            CpuModel: CpuModel(),
            DeviceKind: device.StartsWith("cuda", StringComparison.Ordinal) ? "cuda" : "cpu",
            GpuModel: compute.GpuModel,
            GpuDriver: compute.GpuDriver,
            DotnetVersion: RuntimeInformation.FrameworkDescription,
            LibtorchVersion: compute.LibtorchVersion,
            BlasVersion: compute.BlasVersion,
            TouchstoneVersion: TouchstoneVersion(),
            GitCommit: string.IsNullOrEmpty(commit) ? "unknown" : commit,
            GitDirty: dirty)
        {
            Numerics = compute.Numerics,
        };
    }

    /// <summary>The short hash stored on every cell row: the first 12 hex digits of SHA-256 over the fingerprint's JSON.</summary>
    public static string Hash(EnvironmentFingerprint fingerprint)
    {
        var json = JsonSerializer.Serialize(fingerprint, Results.ResultsJson.Options);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..12];
    }

    /// <summary>Touchstone's version as built (informational version without the build metadata).</summary>
    public static string TouchstoneVersion()
    {
        var assembly = typeof(FingerprintCollector).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "unknown";
        var plus = version.IndexOf('+');
        return plus > 0 ? version[..plus] : version;
    }

    private static string CpuModel()
    {
        try
        {
            if (File.Exists("/proc/cpuinfo"))
            {
                var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                if (line is not null)
                {
                    return $"{line[(line.IndexOf(':') + 1)..].Trim()} ({System.Environment.ProcessorCount} logical cores)";
                }
            }
        }
        catch (IOException)
        {
        }
        return $"{RuntimeInformation.ProcessArchitecture} ({System.Environment.ProcessorCount} logical cores)";
    }

    private static string? Git(string folder, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = folder,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }
            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }
            return process.ExitCode == 0 ? output.Result : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }
}
