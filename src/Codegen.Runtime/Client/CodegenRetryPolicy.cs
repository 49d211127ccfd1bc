namespace Codegen.Runtime;

/// <summary>
/// When a failed attempt is tried again and how long the client waits first: which statuses are worth a retry,
/// exponential backoff with jitter, and the server's <c>retry-after-ms</c> or <c>Retry-After</c>, which wins when
/// it is within <see cref="CodegenClientOptions.MaxRetryAfter"/>.
/// </summary>
internal sealed class CodegenRetryPolicy
{
    /// <summary>Doubling stops here, so that a large retry count cannot overflow the delay.</summary>
    private const int MaxDoublings = 30;

    public CodegenRetryPolicy(int maxRetries, global::System.TimeSpan baseDelay, global::System.TimeSpan maxDelay, global::System.TimeSpan maxRetryAfter)
    {
        MaxRetries = global::System.Math.Max(0, maxRetries);
        BaseDelay = baseDelay < global::System.TimeSpan.Zero ? global::System.TimeSpan.Zero : baseDelay;
        MaxDelay = maxDelay < global::System.TimeSpan.Zero ? global::System.TimeSpan.Zero : maxDelay;
        MaxRetryAfter = maxRetryAfter;
    }

    public int MaxRetries { get; }

    public global::System.TimeSpan BaseDelay { get; }

    public global::System.TimeSpan MaxDelay { get; }

    public global::System.TimeSpan MaxRetryAfter { get; }

    /// <summary>Request timeout, conflict, rate limit and the server errors that a gateway or an overloaded server gives.</summary>
    public static bool IsRetryable(int status) => status is 408 or 409 or 429 or 500 or 502 or 503 or 504;

    /// <summary>Whether the client waits as long as the server asked; a longer wait fails at once instead.</summary>
    public bool Honours(global::System.TimeSpan retryAfter) => retryAfter <= MaxRetryAfter;

    /// <summary>The backoff before retry number <paramref name="attempt"/> + 1 (0-based), with fresh jitter.</summary>
    public global::System.TimeSpan Backoff(int attempt) => Backoff(attempt, global::System.Random.Shared.NextDouble());

    /// <summary>
    /// <see cref="BaseDelay"/> doubled per attempt, scaled by 0.75 to 1.25 (<paramref name="jitter"/> from 0 to 1) so that
    /// clients failing together do not retry together, and never above <see cref="MaxDelay"/>.
    /// </summary>
    public global::System.TimeSpan Backoff(int attempt, double jitter)
    {
        var doubled = BaseDelay.TotalMilliseconds * global::System.Math.Pow(2, global::System.Math.Clamp(attempt, 0, MaxDoublings));
        var jittered = doubled * (0.75 + (global::System.Math.Clamp(jitter, 0, 1) * 0.5));
        return global::System.TimeSpan.FromMilliseconds(global::System.Math.Min(jittered, MaxDelay.TotalMilliseconds));
    }

    /// <summary>
    /// How long the server asked to wait: <c>retry-after-ms</c> (OpenAI's, in milliseconds) first, then <c>Retry-After</c>
    /// in seconds or as an HTTP date (a date in the past means now). Values too large for a <see cref="global::System.TimeSpan"/>
    /// become <see cref="global::System.TimeSpan.MaxValue"/>; negative or unreadable ones are ignored.
    /// </summary>
    public static global::System.TimeSpan? RetryAfter(global::System.Net.Http.Headers.HttpResponseHeaders headers, global::System.DateTimeOffset now)
    {
        if (headers.TryGetValues("retry-after-ms", out var values))
        {
            foreach (var value in values)
            {
                if (double.TryParse(value, global::System.Globalization.NumberStyles.Float, global::System.Globalization.CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
                {
                    return milliseconds >= global::System.TimeSpan.MaxValue.TotalMilliseconds
                        ? global::System.TimeSpan.MaxValue
                        : global::System.TimeSpan.FromMilliseconds(milliseconds);
                }
            }
        }

        var header = headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < global::System.TimeSpan.Zero ? null : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait < global::System.TimeSpan.Zero ? global::System.TimeSpan.Zero : wait;
        }

        return null;
    }
}
