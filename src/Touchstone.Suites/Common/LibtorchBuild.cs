using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Touchstone.Suites.Common;

/// <summary>
/// Reads what decides the bits out of libtorch's build configuration (the text of torch.__config__.show()): the
/// CPU capability its kernels dispatch to on this machine, the CUDA runtime and cuDNN versions.
/// </summary>
public static partial class LibtorchBuild
{
    /// <summary>
    /// <c>CPU capability AVX2; config 1a2b3c4d5e6f</c>: the dispatch level (another CPU may get other kernels from the
    /// same library) and a hash of the whole configuration (compiler, flags, BLAS, CUDA).
    /// </summary>
    public static string Describe(string config)
    {
        var capability = Capability().Match(config) is { Success: true } m ? m.Groups[1].Value.Trim() : "unknown";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(config.ReplaceLineEndings("\n"))))[..12];
        return $"CPU capability {capability}; config {hash}";
    }

    /// <summary>The CUDA runtime named in the configuration (<c>CUDA Runtime 11.7</c>), or null.</summary>
    public static string? CudaRuntime(string config) =>
        CudaRuntimeLine().Match(config) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The cuDNN version named in the configuration (<c>CuDNN 8.5</c>), or null.</summary>
    public static string? Cudnn(string config) =>
        CudnnLine().Match(config) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"CPU capability usage:\s*([^\r\n]+)")]
    private static partial Regex Capability();

    [GeneratedRegex(@"CUDA Runtime\s+([0-9][0-9.]*)")]
    private static partial Regex CudaRuntimeLine();

    [GeneratedRegex(@"CuDNN\s+([0-9][0-9.]*)")]
    private static partial Regex CudnnLine();
}
