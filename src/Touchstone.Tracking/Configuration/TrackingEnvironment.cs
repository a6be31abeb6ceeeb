using System.Globalization;
using Touchstone.Tracking.Delivery;
using Touchstone.Tracking.Errors;
using Touchstone.Tracking.FileStore;
using Touchstone.Tracking.Rest;

namespace Touchstone.Tracking.Configuration;

/// <summary>
/// Chooses and opens a backend from a tracking URI and the MLFLOW_* environment, like MLflow's own client:
/// unset or <c>file:</c> (or a plain path) → the file store (<c>MLFLOW_TRACKING_DIR</c> or <c>./mlruns</c>);
/// <c>http(s):</c> → the REST API with credentials, TLS settings and timeouts from the environment.
/// </summary>
public sealed class TrackingEnvironment
{
    private readonly Func<string, string?> _environment;

    /// <summary>Reads variables through <paramref name="environment"/> (tests pass a dictionary).</summary>
    /// <param name="environment">Looks a variable up; null when unset.</param>
    /// <param name="workingDirectory">Folder relative paths are resolved against.</param>
    /// <param name="homeDirectory">Where <c>~/.mlflow/credentials</c> is looked for; null to skip it.</param>
    public TrackingEnvironment(Func<string, string?> environment, string workingDirectory, string? homeDirectory)
    {
        _environment = environment;
        WorkingDirectory = workingDirectory;
        HomeDirectory = homeDirectory;
    }

    /// <summary>The process environment, current directory and home folder.</summary>
    public static TrackingEnvironment FromProcess() => new(
        Environment.GetEnvironmentVariable,
        Directory.GetCurrentDirectory(),
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home ? home : null);

    /// <summary>Folder relative paths are resolved against.</summary>
    public string WorkingDirectory { get; }

    /// <summary>The value of environment variable <paramref name="name"/>, or null when unset.</summary>
    public string? Variable(string name) => _environment(name);

    /// <summary>Where <c>~/.mlflow/credentials</c> is looked for.</summary>
    public string? HomeDirectory { get; }

    /// <summary><c>MLFLOW_TRACKING_URI</c>, or null.</summary>
    public string? TrackingUri => Get("MLFLOW_TRACKING_URI");

    /// <summary><c>MLFLOW_EXPERIMENT_NAME</c>, or null.</summary>
    public string? ExperimentName => Get("MLFLOW_EXPERIMENT_NAME");

    /// <summary>The user runs are recorded for: <c>MLFLOW_TRACKING_USERNAME</c>, else the OS user.</summary>
    public string UserId => Get("MLFLOW_TRACKING_USERNAME") ?? Environment.UserName;

    /// <summary>Whether over-long param and tag values are truncated (<c>MLFLOW_TRUNCATE_LONG_VALUES</c>, true).</summary>
    public bool TruncateLongValues =>
        Get("MLFLOW_TRUNCATE_LONG_VALUES") is not { } text || ParseBool(text, "MLFLOW_TRUNCATE_LONG_VALUES");

    /// <summary>Retry timings from the MLFLOW_HTTP_* variables.</summary>
    public RetrySettings RetrySettings => RetrySettings.FromEnvironment(Get);

    /// <summary>
    /// The canonical form of a tracking URI (null for the environment's): an absolute <c>file://</c> URI or the
    /// server URL without credentials. Unsupported schemes are a <see cref="TrackingException"/> saying what to do.
    /// </summary>
    public string Resolve(string? trackingUri)
    {
        var uri = string.IsNullOrWhiteSpace(trackingUri) ? TrackingUri : trackingUri.Trim();
        if (uri is null)
        {
            return FileUri.FromPath(Path.Combine(WorkingDirectory, Get("MLFLOW_TRACKING_DIR") ?? "mlruns"));
        }
        if (IsHttp(uri))
        {
            return StripCredentials(new Uri(uri)).ToString().TrimEnd('/');
        }
        if (uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            var path = FileUri.ToPath(uri) ?? throw new TrackingException($"tracking URI '{uri}' names another host; a file store must be on this machine");
            return FileUri.FromPath(Path.Combine(WorkingDirectory, path));
        }
        var scheme = uri.IndexOf(':') is var colon and > 1 ? uri[..colon] : uri == "databricks" ? uri : null;
        if (scheme is null)
        {
            return FileUri.FromPath(Path.Combine(WorkingDirectory, uri));
        }
        throw new TrackingException(
            $"tracking URI '{uri}' ({scheme}) is not supported by this client, which writes file: stores and talks to http(s): servers; put an MLflow server in front of it (e.g. `mlflow server --backend-store-uri {uri}`) and set MLFLOW_TRACKING_URI to the server's http:// address");
    }

    /// <summary>Opens the backend for <paramref name="trackingUri"/> (null for the environment's).</summary>
    public ITrackingStore Open(string? trackingUri, HttpMessageHandler? handler = null)
    {
        var resolved = Resolve(trackingUri);
        if (!IsHttp(resolved))
        {
            return new FileTrackingStore(FileUri.ToPath(resolved)!);
        }
        var raw = new Uri(string.IsNullOrWhiteSpace(trackingUri) ? TrackingUri! : trackingUri.Trim());
        return new RestTrackingStore(new RestStoreOptions(new Uri(resolved))
        {
            Credentials = Credentials(raw),
            RequestTimeout = Get("MLFLOW_HTTP_REQUEST_TIMEOUT") is { } timeout
                ? TimeSpan.FromSeconds(double.TryParse(timeout, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                    ? seconds
                    : throw new TrackingException($"MLFLOW_HTTP_REQUEST_TIMEOUT='{timeout}' is not a positive number of seconds"))
                : TimeSpan.FromSeconds(120),
            InsecureTls = Get("MLFLOW_TRACKING_INSECURE_TLS") is { } insecure && ParseBool(insecure, "MLFLOW_TRACKING_INSECURE_TLS"),
            ServerCertificatePath = Get("MLFLOW_TRACKING_SERVER_CERT_PATH"),
            Handler = handler,
        });
    }

    /// <summary>True for <c>http:</c> and <c>https:</c> URIs.</summary>
    public static bool IsHttp(string uri) =>
        uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses true/false (also 1/0, yes/no) the way MLflow's boolean variables do; anything else names the variable.</summary>
    public static bool ParseBool(string text, string name) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "y" or "on" => true,
        "false" or "0" or "no" or "n" or "off" => false,
        _ => throw new ArgumentException($"{name}='{text}' is not true or false"),
    };

    // Credentials in the URI (http://user:pass@host) are used only when the environment gives none.
    private MlflowCredentials Credentials(Uri raw)
    {
        var fromEnvironment = MlflowCredentials.FromEnvironment(Get, HomeDirectory);
        if (fromEnvironment.Kind != AuthKind.None || string.IsNullOrEmpty(raw.UserInfo))
        {
            return fromEnvironment;
        }
        var parts = raw.UserInfo.Split(':', 2);
        return MlflowCredentials.Basic(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
    }

    private static Uri StripCredentials(Uri uri) =>
        string.IsNullOrEmpty(uri.UserInfo) ? uri : new UriBuilder(uri) { UserName = "", Password = "" }.Uri;

    private string? Get(string name) => _environment(name) is { Length: > 0 } value ? value : null;
}
