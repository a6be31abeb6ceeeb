using System.Net.Http.Headers;
using System.Text;

namespace Touchstone.Tracking.Rest;

/// <summary>How requests authenticate.</summary>
public enum AuthKind
{
    /// <summary>No Authorization header.</summary>
    None,

    /// <summary>HTTP Basic with a username and password.</summary>
    Basic,

    /// <summary>A bearer token.</summary>
    Bearer,
}

/// <summary>
/// Credentials for a tracking server, chosen as the official client chooses them: Basic when both
/// <c>MLFLOW_TRACKING_USERNAME</c> and <c>MLFLOW_TRACKING_PASSWORD</c> are set (environment first, then
/// <c>~/.mlflow/credentials</c>), otherwise Bearer with <c>MLFLOW_TRACKING_TOKEN</c>. <see cref="ToString"/> and
/// every message built with <see cref="Redact"/> keep the secrets out.
/// </summary>
public sealed class MlflowCredentials
{
    private readonly string? _password;
    private readonly string? _token;

    private MlflowCredentials(AuthKind kind, string? username, string? password, string? token)
    {
        Kind = kind;
        Username = username;
        _password = password;
        _token = token;
    }

    /// <summary>No credentials.</summary>
    public static MlflowCredentials None { get; } = new(AuthKind.None, null, null, null);

    /// <summary>Which scheme is used.</summary>
    public AuthKind Kind { get; }

    /// <summary>The Basic username (not a secret; MLflow records it as the run's user).</summary>
    public string? Username { get; }

    /// <summary>Basic credentials.</summary>
    public static MlflowCredentials Basic(string username, string password) => new(AuthKind.Basic, username, password, null);

    /// <summary>A bearer token.</summary>
    public static MlflowCredentials Bearer(string token) => new(AuthKind.Bearer, null, null, token);

    /// <summary>
    /// Reads the credentials from <paramref name="environment"/> and, for a missing username or password, from
    /// the <c>[mlflow]</c> section of <c>~/.mlflow/credentials</c> under <paramref name="homeDirectory"/>.
    /// </summary>
    public static MlflowCredentials FromEnvironment(Func<string, string?> environment, string? homeDirectory)
    {
        var file = ReadCredentialsFile(homeDirectory);
        var username = NonEmpty(environment("MLFLOW_TRACKING_USERNAME")) ?? file.GetValueOrDefault("mlflow_tracking_username");
        var password = NonEmpty(environment("MLFLOW_TRACKING_PASSWORD")) ?? file.GetValueOrDefault("mlflow_tracking_password");
        if (username is not null && password is not null)
        {
            return Basic(username, password);
        }
        var token = NonEmpty(environment("MLFLOW_TRACKING_TOKEN"));
        return token is not null ? Bearer(token) : None;
    }

    /// <summary>The Authorization header value, or null.</summary>
    internal AuthenticationHeaderValue? Header => Kind switch
    {
        AuthKind.Basic => new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{_password}"))),
        AuthKind.Bearer => new AuthenticationHeaderValue("Bearer", _token),
        _ => null,
    };

    /// <summary>Replaces every secret (password, token and the encoded header) in <paramref name="text"/> by <c>***</c>.</summary>
    public string Redact(string text)
    {
        foreach (var secret in Secrets())
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }
        return text;
    }

    /// <summary>The scheme and, for Basic, the username; never a secret.</summary>
    public override string ToString() => Kind switch
    {
        AuthKind.Basic => $"Basic (user {Username})",
        AuthKind.Bearer => "Bearer (token)",
        _ => "none",
    };

    private IEnumerable<string> Secrets()
    {
        if (Header?.Parameter is { Length: > 0 } encoded)
        {
            yield return encoded;
        }
        if (_password is { Length: > 0 })
        {
            yield return _password;
        }
        if (_token is { Length: > 0 })
        {
            yield return _token;
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static Dictionary<string, string> ReadCredentialsFile(string? homeDirectory)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = homeDirectory is null ? null : Path.Combine(homeDirectory, ".mlflow", "credentials");
        if (path is null || !File.Exists(path))
        {
            return values;
        }
        var inSection = false;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                inSection = line[1..^1].Trim() == "mlflow";
            }
            else if (inSection && line.IndexOf('=') is var eq and > 0 && !line.StartsWith('#') && !line.StartsWith(';'))
            {
                values[line[..eq].Trim()] = line[(eq + 1)..].Trim();
            }
        }
        return values;
    }
}
