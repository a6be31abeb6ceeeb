using Polly;
using Polly.Retry;
using Touchstone.Tracking.Errors;

namespace Touchstone.Tracking.Delivery;

/// <summary>Builds the Polly pipeline that retries <see cref="TransientTrackingException"/>s per <see cref="RetrySettings"/>.</summary>
internal static class RetryPipeline
{
    public static ResiliencePipeline Build(RetrySettings settings, Action<string> onRetry)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = settings.TimeProvider };
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxRetries,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is TransientTrackingException),
                DelayGenerator = args =>
                {
                    var failure = args.Outcome.Exception as TransientTrackingException;
                    return ValueTask.FromResult<TimeSpan?>(
                        settings.DelayBefore(args.AttemptNumber + 1, failure?.RetryAfter, failure?.StatusCode));
                },
                OnRetry = args =>
                {
                    onRetry($"{args.Outcome.Exception?.Message} — retry {args.AttemptNumber + 1} of {settings.MaxRetries} in {args.RetryDelay.TotalSeconds:0.##} s");
                    return ValueTask.CompletedTask;
                },
            });
        }
        return builder.Build();
    }
}
