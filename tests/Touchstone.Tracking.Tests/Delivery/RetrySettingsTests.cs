using Touchstone.Tracking.Delivery;

namespace Touchstone.Tracking.Tests.Delivery;

public class RetrySettingsTests
{
    [Fact]
    public void Defaults_give_the_urllib3_schedule_capped_at_120_seconds()
    {
        var settings = new RetrySettings { Random = () => 0 };
        Assert.Equal([0, 4, 8, 16, 32, 64, 120], Enumerable.Range(1, 7).Select(n => settings.DelayBefore(n, null, null).TotalSeconds));
    }

    [Fact]
    public void Retry_after_replaces_the_backoff_on_429_and_503_only_and_is_capped()
    {
        var settings = new RetrySettings { Random = () => 0 };
        Assert.Equal(TimeSpan.FromSeconds(30), settings.DelayBefore(3, TimeSpan.FromSeconds(30), 429));
        Assert.Equal(TimeSpan.FromSeconds(30), settings.DelayBefore(3, TimeSpan.FromSeconds(30), 503));
        Assert.Equal(TimeSpan.FromSeconds(8), settings.DelayBefore(3, TimeSpan.FromSeconds(30), 500));
        Assert.Equal(TimeSpan.FromMinutes(5), settings.DelayBefore(1, TimeSpan.FromHours(3), 429));
        Assert.Equal(TimeSpan.FromSeconds(8), (settings with { RespectRetryAfter = false }).DelayBefore(3, TimeSpan.FromSeconds(30), 429));
    }

    [Fact]
    public void Environment_variables_override_the_defaults_and_bad_values_name_the_variable()
    {
        var map = new Dictionary<string, string>
        {
            ["MLFLOW_HTTP_REQUEST_MAX_RETRIES"] = "2",
            ["MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR"] = "0.5",
            ["MLFLOW_HTTP_REQUEST_BACKOFF_JITTER"] = "0",
            ["MLFLOW_HTTP_RESPECT_RETRY_AFTER_HEADER"] = "false",
        };
        var settings = RetrySettings.FromEnvironment(n => map.GetValueOrDefault(n));
        Assert.Equal((2, 0.5, 0.0, false), (settings.MaxRetries, settings.BackoffFactor, settings.BackoffJitter, settings.RespectRetryAfter));
        map["MLFLOW_HTTP_REQUEST_MAX_RETRIES"] = "many";
        Assert.Contains("MLFLOW_HTTP_REQUEST_MAX_RETRIES='many'", Assert.Throws<ArgumentException>(() => RetrySettings.FromEnvironment(n => map.GetValueOrDefault(n))).Message);
    }
}
