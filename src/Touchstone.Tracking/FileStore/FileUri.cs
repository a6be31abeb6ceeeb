using System.Text;

namespace Touchstone.Tracking.FileStore;

/// <summary>
/// <c>file://</c> URIs as MLflow writes them (Python's <c>pathlib.Path.as_uri()</c>): an absolute path with every
/// byte outside <c>A-Z a-z 0-9 _ . - ~ /</c> percent-encoded as UTF-8.
/// </summary>
public static class FileUri
{
    /// <summary>The URI of an absolute local path, e.g. <c>file:///tmp/mlruns/0</c>.</summary>
    public static string FromPath(string path)
    {
        var full = Path.GetFullPath(path).Replace('\\', '/');
        var uri = new StringBuilder("file://");
        if (!full.StartsWith('/'))
        {
            uri.Append('/');
        }
        foreach (var b in Encoding.UTF8.GetBytes(full))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or '~' or '/')
            {
                uri.Append(c);
            }
            else
            {
                uri.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return uri.ToString();
    }

    /// <summary>
    /// The local path of a <c>file:</c> URI (<c>file:///abs</c>, <c>file:relative</c>, <c>file://localhost/abs</c>),
    /// percent-decoded; null when the URI is not a <c>file:</c> URI.
    /// </summary>
    public static string? ToPath(string uri)
    {
        if (!uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var rest = uri["file:".Length..];
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            rest = rest[2..];
            var slash = rest.IndexOf('/');
            // file://host/path: only an empty host or localhost name this machine.
            var host = slash < 0 ? rest : rest[..slash];
            if (host.Length > 0 && !host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
            rest = slash < 0 ? "/" : rest[slash..];
        }
        return Uri.UnescapeDataString(rest);
    }

    /// <summary>Joins a URI and a relative '/'-separated path with exactly one '/'.</summary>
    public static string Append(string uri, string relative) => uri.TrimEnd('/') + "/" + relative.TrimStart('/');
}
