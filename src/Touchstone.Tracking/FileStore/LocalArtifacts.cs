using Touchstone.Tracking.Errors;
using Touchstone.Tracking.Model;

namespace Touchstone.Tracking.FileStore;

/// <summary>
/// Writes artifacts of runs whose artifact URI is local: a <c>file:</c> URI, or a URI without a scheme, which
/// MLflow's own client takes as a local path (relative ones against the working directory). A server started with
/// <c>--default-artifact-root /abs/path --no-serve-artifacts</c>, or a database backend with its default
/// <c>./mlruns</c> root, hands out such bare paths.
/// </summary>
public static class LocalArtifacts
{
    /// <summary>True when <paramref name="run"/>'s artifacts are written straight to a local folder.</summary>
    public static bool IsLocal(RunInfo run) => LocalPath(run.ArtifactUri) is not null;

    /// <summary>The scheme of a URI (<c>s3</c>, <c>mlflow-artifacts</c>), or null for a bare path.</summary>
    public static string? Scheme(string uri)
    {
        var colon = uri.IndexOf(':');
        // One letter before the colon is a Windows drive (C:\runs), as Python's urlparse would not take it either.
        return colon > 1 && char.IsAsciiLetter(uri[0]) && uri[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')
            ? uri[..colon].ToLowerInvariant()
            : null;
    }

    private static string? LocalPath(string uri) =>
        Scheme(uri) switch
        {
            null when uri.Length > 0 => Path.GetFullPath(uri),
            "file" => FileUri.ToPath(uri),
            _ => null,
        };

    /// <summary>Copies <paramref name="localPath"/> to <paramref name="artifactPath"/> below the run's artifact folder.</summary>
    public static void Copy(RunInfo run, string localPath, string artifactPath)
    {
        var root = LocalPath(run.ArtifactUri)
            ?? throw new TrackingException($"run '{run.RunName}' ({run.RunId}): artifact URI '{run.ArtifactUri}' is not a local path or file: URI");
        var parts = artifactPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts.Any(p => p is "." or ".."))
        {
            throw new TrackingException($"run '{run.RunName}' ({run.RunId}): artifact path '{artifactPath}' must be a relative path without '.' or '..'");
        }
        var target = Path.Combine([root, .. parts]);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(localPath, target, overwrite: true);
    }
}
