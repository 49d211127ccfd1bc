using System.Net;

namespace Codegen.Runtime.Tests;

public sealed class RetryPolicyTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static CodegenRetryPolicy Policy(double baseSeconds = 0.5, double maxSeconds = 8) =>
        new(2, TimeSpan.FromSeconds(baseSeconds), TimeSpan.FromSeconds(maxSeconds), TimeSpan.FromSeconds(60));

    private static TimeSpan? RetryAfter(params (string Name, string Value)[] headers)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return CodegenRetryPolicy.RetryAfter(response.Headers, Now);
    }

    [Theory]
    [InlineData(408, true)]
    [InlineData(409, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(422, false)]
    [InlineData(501, false)]
    [InlineData(505, false)]
    public void Only_transient_statuses_are_retried(int status, bool retried)
    {
        Assert.Equal(retried, CodegenRetryPolicy.IsRetryable(status));
    }

    [Theory]
    [InlineData(0, 0.0, 375)]
    [InlineData(0, 1.0, 625)]
    [InlineData(0, 0.5, 500)]
    [InlineData(1, 0.0, 750)]
    [InlineData(2, 1.0, 2500)]
    [InlineData(3, 0.5, 4000)]
    public void Backoff_doubles_per_attempt_within_a_quarter_either_way(int attempt, double jitter, double milliseconds)
    {
        Assert.Equal(milliseconds, Policy().Backoff(attempt, jitter).TotalMilliseconds, precision: 6);
    }

    [Fact]
    public void Backoff_never_exceeds_the_maximum_and_a_huge_attempt_does_not_overflow()
    {
        var policy = Policy();
        Assert.Equal(TimeSpan.FromSeconds(8), policy.Backoff(5, 1.0));
        Assert.Equal(TimeSpan.FromSeconds(8), policy.Backoff(int.MaxValue, 0.0));
    }

    [Fact]
    public void Backoff_with_random_jitter_stays_within_its_bounds()
    {
        var policy = Policy();
        for (var i = 0; i < 1000; i++)
        {
            var delay = policy.Backoff(1);
            Assert.InRange(delay.TotalMilliseconds, 750, 1250);
        }
    }

    [Fact]
    public void Negative_settings_mean_no_wait_rather_than_an_exception()
    {
        var policy = new CodegenRetryPolicy(-1, TimeSpan.FromSeconds(-1), TimeSpan.FromSeconds(-1), TimeSpan.Zero);

        Assert.Equal(0, policy.MaxRetries);
        Assert.Equal(TimeSpan.Zero, policy.Backoff(3, 0.5));
    }

    [Fact]
    public void Retry_after_ms_wins_over_Retry_After()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(1500), RetryAfter(("retry-after-ms", "1500"), ("Retry-After", "7")));
        Assert.Equal(TimeSpan.FromMilliseconds(2.5), RetryAfter(("retry-after-ms", "2.5")));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("NaN")]
    [InlineData("")]
    public void An_unreadable_or_negative_retry_after_ms_falls_back_to_Retry_After(string value)
    {
        Assert.Equal(TimeSpan.FromSeconds(7), RetryAfter(("retry-after-ms", value), ("Retry-After", "7")));
        Assert.Null(RetryAfter(("retry-after-ms", value)));
    }

    [Theory]
    [InlineData("1e300")]
    [InlineData("Infinity")]
    [InlineData("922337203685478")]
    public void A_retry_after_ms_too_large_for_a_TimeSpan_is_the_largest_wait_not_an_overflow(string value)
    {
        var wait = RetryAfter(("retry-after-ms", value));

        Assert.Equal(TimeSpan.MaxValue, wait);
        Assert.False(Policy().Honours(wait!.Value));
    }

    [Fact]
    public void Retry_After_in_seconds_and_as_a_date()
    {
        Assert.Equal(TimeSpan.FromSeconds(120), RetryAfter(("Retry-After", "120")));
        Assert.Equal(TimeSpan.FromSeconds(30), RetryAfter(("Retry-After", Now.AddSeconds(30).ToString("r"))));
        Assert.Equal(TimeSpan.Zero, RetryAfter(("Retry-After", Now.AddMinutes(-5).ToString("r"))));
        Assert.Null(RetryAfter(("Retry-After", "soon")));
        Assert.Null(RetryAfter());
    }

    [Fact]
    public void A_wait_is_honoured_up_to_MaxRetryAfter_inclusive()
    {
        var policy = Policy();

        Assert.True(policy.Honours(TimeSpan.FromSeconds(60)));
        Assert.False(policy.Honours(TimeSpan.FromSeconds(60.001)));
    }
}
