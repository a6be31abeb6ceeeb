namespace Touchstone.Tracking.Rest;

/// <summary>How to reach a tracking server.</summary>
/// <param name="BaseUri">The server, e.g. <c>http://127.0.0.1:5000</c> (a path prefix is kept; no credentials in it).</param>
public sealed record RestStoreOptions(Uri BaseUri)
{
    /// <summary>Authentication; none by default.</summary>
    public MlflowCredentials Credentials { get; init; } = MlflowCredentials.None;

    /// <summary>Limit for one request (<c>MLFLOW_HTTP_REQUEST_TIMEOUT</c>, 120 s by default).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Skip TLS certificate checks (<c>MLFLOW_TRACKING_INSECURE_TLS=true</c>).</summary>
    public bool InsecureTls { get; init; }

    /// <summary>A PEM CA bundle to trust for the server's certificate (<c>MLFLOW_TRACKING_SERVER_CERT_PATH</c>).</summary>
    public string? ServerCertificatePath { get; init; }

    /// <summary>A handler to send requests through instead of the default (for tests and proxies).</summary>
    public HttpMessageHandler? Handler { get; init; }
}
