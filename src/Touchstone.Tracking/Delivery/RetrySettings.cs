using System.Globalization;

namespace Touchstone.Tracking.Delivery;

/// <summary>
/// When and how long to retry, like the official client (urllib3 under <c>requests</c>): up to
/// <see cref="MaxRetries"/> retries; no wait before the first, then <c>factor·2^(n-1) + U(0, jitter)</c> seconds
/// capped at <see cref="MaxBackoff"/> (about 4, 8, 16, 32, 64, 120 s with the defaults); a server's Retry-After on
/// 429 and 503 replaces the backoff. Every timing is injectable so tests run in milliseconds.
/// </summary>
public sealed record RetrySettings
{
    /// <summary>Retries after the first attempt (<c>MLFLOW_HTTP_REQUEST_MAX_RETRIES</c>, 7).</summary>
    public int MaxRetries { get; init; } = 7;

    /// <summary>Backoff factor in seconds (<c>MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR</c>, 2).</summary>
    public double BackoffFactor { get; init; } = 2;

    /// <summary>Upper bound of the uniform jitter in seconds (<c>MLFLOW_HTTP_REQUEST_BACKOFF_JITTER</c>, 1).</summary>
    public double BackoffJitter { get; init; } = 1;

    /// <summary>Longest backoff (urllib3's 120 s).</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Honour Retry-After on 429 and 503 (<c>MLFLOW_HTTP_RESPECT_RETRY_AFTER_HEADER</c>, true).</summary>
    public bool RespectRetryAfter { get; init; } = true;

    /// <summary>Longest Retry-After obeyed; a longer one is cut to this so a run never waits for hours.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The clock the waits run on (tests use one that does not sleep).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Source of the jitter, uniform in [0, 1).</summary>
    public Func<double> Random { get; init; } = System.Random.Shared.NextDouble;

    /// <summary>
    /// Reads the MLFLOW_HTTP_* variables, keeping the defaults for unset ones; a malformed value is an error
    /// naming the variable.
    /// </summary>
    public static RetrySettings FromEnvironment(Func<string, string?> environment)
    {
        var settings = new RetrySettings();
        if (Number(environment, "MLFLOW_HTTP_REQUEST_MAX_RETRIES") is { } retries)
        {
            settings = settings with { MaxRetries = (int)retries };
        }
        if (Number(environment, "MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR") is { } factor)
        {
            settings = settings with { BackoffFactor = factor };
        }
        if (Number(environment, "MLFLOW_HTTP_REQUEST_BACKOFF_JITTER") is { } jitter)
        {
            settings = settings with { BackoffJitter = jitter };
        }
        if (environment("MLFLOW_HTTP_RESPECT_RETRY_AFTER_HEADER") is { Length: > 0 } respect)
        {
            settings = settings with { RespectRetryAfter = Configuration.TrackingEnvironment.ParseBool(respect, "MLFLOW_HTTP_RESPECT_RETRY_AFTER_HEADER") };
        }
        return settings;
    }

    /// <summary>The wait before retry number <paramref name="retry"/> (1-based).</summary>
    /// <param name="retry">1 for the first retry.</param>
    /// <param name="retryAfter">The Retry-After the failed reply carried, if any.</param>
    /// <param name="statusCode">The failed reply's status, or null for a connection error.</param>
    public TimeSpan DelayBefore(int retry, TimeSpan? retryAfter, int? statusCode)
    {
        if (RespectRetryAfter && retryAfter is { } wait && statusCode is 429 or 503)
        {
            return wait < MaxRetryAfter ? wait : MaxRetryAfter;
        }
        if (retry <= 1)
        {
            return TimeSpan.Zero;
        }
        var seconds = BackoffFactor * Math.Pow(2, retry - 1) + (BackoffJitter > 0 ? Random() * BackoffJitter : 0);
        return TimeSpan.FromSeconds(Math.Max(0, Math.Min(MaxBackoff.TotalSeconds, seconds)));
    }

    private static double? Number(Func<string, string?> environment, string name)
    {
        var text = environment(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new ArgumentException($"{name}='{text}' is not a non-negative number");
    }
}
