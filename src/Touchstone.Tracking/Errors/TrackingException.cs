namespace Touchstone.Tracking.Errors;

/// <summary>
/// Base of every error this library raises on purpose. Messages are written for people: they name the run, the
/// key or the file, say what to do, and never contain credentials.
/// </summary>
public class TrackingException : Exception
{
    /// <summary>Creates the error.</summary>
    public TrackingException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>
/// A failure that may go away if the same request is tried again: a refused or dropped connection, a timeout,
/// or HTTP 408/429/500/502/503/504, as the official client retries them.
/// </summary>
public sealed class TransientTrackingException : TrackingException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="statusCode">The HTTP status, or null for a connection error or timeout.</param>
    /// <param name="retryAfter">The server's Retry-After, when it sent one.</param>
    /// <param name="inner">The underlying error.</param>
    public TransientTrackingException(string message, int? statusCode = null, TimeSpan? retryAfter = null, Exception? inner = null)
        : base(message, inner)
    {
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status, or null for a connection error or timeout.</summary>
    public int? StatusCode { get; }

    /// <summary>How long the server asked to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; }
}

/// <summary>
/// The store cannot be used until someone acts: wrong credentials (401/403) or a file store that cannot be
/// written. Nothing is retried; records stay in the outbox for a later sync.
/// </summary>
public sealed class StoreUnavailableException : TrackingException
{
    /// <summary>Creates the error.</summary>
    public StoreUnavailableException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>The server refused a request for good (a 4xx other than 408/429, or an error that does not pass).</summary>
public sealed class MlflowRestException : TrackingException
{
    /// <summary>Creates the error.</summary>
    /// <param name="statusCode">HTTP status.</param>
    /// <param name="errorCode">MLflow's error code, e.g. <c>INVALID_PARAMETER_VALUE</c>, or null for a non-JSON body.</param>
    /// <param name="message">The full message for people.</param>
    public MlflowRestException(int statusCode, string? errorCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    /// <summary>HTTP status.</summary>
    public int StatusCode { get; }

    /// <summary>MLflow's error code, or null when the body was not MLflow JSON.</summary>
    public string? ErrorCode { get; }
}

/// <summary>A param was already logged to the run with another value; MLflow params never change.</summary>
public sealed class ParamConflictException : TrackingException
{
    /// <summary>Creates the error.</summary>
    public ParamConflictException(string runName, string runId, string key, string existingValue, string newValue)
        : base($"run '{runName}' ({runId}): param '{key}' is already logged with value '{Short(existingValue)}' and cannot be changed to '{Short(newValue)}'; MLflow params are immutable — log the new value under another key or in a new run")
    {
        Key = key;
    }

    /// <summary>The param key.</summary>
    public string Key { get; }

    private static string Short(string value) => value.Length <= 60 ? value : value[..60] + "…";
}
