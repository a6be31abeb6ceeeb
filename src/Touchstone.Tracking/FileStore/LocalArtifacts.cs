using Touchstone.Tracking.Errors;
using Touchstone.Tracking.Model;

namespace Touchstone.Tracking.FileStore;

/// <summary>Writes artifacts of runs whose artifact URI is a local <c>file:</c> URI.</summary>
public static class LocalArtifacts
{
    /// <summary>True when <paramref name="run"/>'s artifacts are written straight to a local folder.</summary>
    public static bool IsLocal(RunInfo run) => FileUri.ToPath(run.ArtifactUri) is not null;

    /// <summary>Copies <paramref name="localPath"/> to <paramref name="artifactPath"/> below the run's artifact folder.</summary>
    public static void Copy(RunInfo run, string localPath, string artifactPath)
    {
        var root = FileUri.ToPath(run.ArtifactUri)
            ?? throw new TrackingException($"run '{run.RunName}' ({run.RunId}): artifact URI '{run.ArtifactUri}' is not a local file: URI");
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
