using System.Text;
using Microsoft.AspNetCore.Http;

namespace Codegen.Runtime.Tests;

/// <summary>The pipeline against real Kestrel servers: body limits, retries, error bodies, redaction.</summary>
public sealed class PipelineTests
{
    private const string Key = "sk-runtime-test-key-0123456789";

    private static readonly HttpClient Http = new();

    private static Task<byte[]> ReadBody(CodegenClientPipeline pipeline, long? limit = null) =>
        pipeline.SendAsync(HttpMethod.Get, "/body", null, false, async (response, token) =>
        {
            using (response)
            {
                return await pipeline.ReadBodyAsync(response, limit ?? pipeline.Options.MaxResponseBytes, token);
            }
        }, CancellationToken.None);

    private static Task<byte[]> Send(CodegenClientPipeline pipeline) => ReadBody(pipeline);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_within_the_limit_is_read_whole_with_or_without_a_Content_Length(bool contentLength)
    {
        var body = Encoding.UTF8.GetBytes(new string('a', 100_000));
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (contentLength)
            {
                context.Response.ContentLength = body.Length;
            }

            // Several writes, so that a body without Content-Length arrives in chunks.
            for (var offset = 0; offset < body.Length; offset += 7000)
            {
                await context.Response.Body.WriteAsync(body.AsMemory(offset, Math.Min(7000, body.Length - offset)));
                await context.Response.Body.FlushAsync();
            }
        });

        Assert.Equal(body, await ReadBody(server.Pipeline(Http), limit: body.Length));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_the_limit_is_an_api_exception_and_not_retried(bool contentLength)
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (contentLength)
            {
                context.Response.ContentLength = 5000;
            }

            await context.Response.Body.WriteAsync(new byte[5000]);
        });

        var ex = await Assert.ThrowsAsync<CodegenApiException>(() => ReadBody(server.Pipeline(Http), limit: 4096));

        Assert.Equal(200, ex.StatusCode);
        Assert.Contains("larger than the limit of 4096 bytes", ex.Message);
        Assert.False(ex.IsConnectionFailure);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task An_error_body_is_read_up_to_its_own_limit_and_the_excerpt_is_bounded()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync("{\"error\": {\"message\": \"" + new string('m', 10_000) + "\"}}");
        });

        var ex = await Assert.ThrowsAsync<CodegenApiException>(() => Send(server.Pipeline(Http)));

        Assert.Equal(10_000, ex.ErrorMessage!.Length);
        Assert.Equal(CodegenClientPipeline.MaxExcerptChars + 1, ex.BodyExcerpt!.Length);
        Assert.EndsWith("…", ex.BodyExcerpt);
    }

    [Fact]
    public async Task An_error_body_over_its_limit_keeps_the_status_without_the_text()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 400;
            await context.Response.Body.WriteAsync(new byte[CodegenClientPipeline.MaxErrorBodyBytes + 1]);
        });

        var ex = await Assert.ThrowsAsync<CodegenApiException>(() => Send(server.Pipeline(Http)));

        Assert.Equal(400, ex.StatusCode);
        Assert.Null(ex.BodyExcerpt);
    }

    [Theory]
    [InlineData(503, 3)]
    [InlineData(429, 3)]
    [InlineData(400, 1)]
    [InlineData(404, 1)]
    public async Task Transient_statuses_are_retried_until_the_retries_run_out(int status, int attempts)
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        });

        var ex = await Assert.ThrowsAsync<CodegenApiException>(() => Send(server.Pipeline(Http)));

        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(attempts, server.Requests);
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_cap_fails_at_once_and_says_so()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 429;
            context.Response.Headers["retry-after-ms"] = "1e300";
            return Task.CompletedTask;
        });

        var ex = await Assert.ThrowsAsync<CodegenApiException>(() => Send(server.Pipeline(Http)));

        Assert.Equal(TimeSpan.MaxValue, ex.RetryAfter);
        Assert.Contains("longer than MaxRetryAfter", ex.Message);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task A_short_retry_after_ms_is_waited_for_then_the_request_succeeds()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = 503;
                context.Response.Headers["retry-after-ms"] = "30";
                return;
            }

            await context.Response.WriteAsync("ok");
        });

        Assert.Equal("ok"u8.ToArray(), await Send(server.Pipeline(Http)));
        Assert.Equal(2, server.Requests);
    }

    public static TheoryData<int, string, string, string?> ErrorShapes => new()
    {
        { 401, """{"error": {"message": "Incorrect API key provided.", "type": "invalid_request_error", "code": "invalid_api_key"}}""", "Incorrect API key provided.", "invalid_api_key" },
        { 400, """{"status": "error", "message": "Prompt is required"}""", "Prompt is required", null },
        { 401, """{"detail": "Invalid API key"}""", "Invalid API key", null },
        { 422, """{"detail": [{"loc": ["body", "prompt"], "msg": "field required", "type": "value_error.missing"}]}""", "body.prompt: field required", null },
        { 403, """{"type": "about:blank", "title": "Forbidden", "status": 403, "detail": "No access to this model."}""", "No access to this model.", null },
    };

    [Theory]
    [MemberData(nameof(ErrorShapes))]
    public async Task Every_common_error_shape_reaches_the_exception_message(int status, string body, string message, string? code)
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body);
        });

        var ex = await Assert.ThrowsAsync<CodegenApiException>(() => Send(server.Pipeline(Http)));

        Assert.Equal(status, ex.StatusCode);
        Assert.Equal(message, ex.ErrorMessage);
        Assert.Equal(code, ex.ErrorCode);
        Assert.EndsWith(": " + message, ex.Message);
        Assert.Equal(body, ex.BodyExcerpt);
    }

    [Fact]
    public async Task An_error_inside_a_200_body_is_reported_as_an_error_not_as_malformed_json()
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Response.WriteAsync("""{"detail": "Model is loading"}"""));
        var pipeline = server.Pipeline(Http);

        var ex = await Assert.ThrowsAsync<CodegenApiException>(() => pipeline.SendAsync(HttpMethod.Get, "/", null, false, async (response, token) =>
        {
            using (response)
            {
                return pipeline.Deserialize(response, await pipeline.ReadBodyAsync(response, 1000, token), TestJsonContext.Default.Chunk);
            }
        }, CancellationToken.None));

        Assert.Equal("Model is loading", ex.ErrorMessage);
        Assert.Equal(200, ex.StatusCode);
    }

    public static TheoryData<string> Keys => new() { "e", "abcd1234", new string('k', 60) + "0123" };

    /// <summary>A server that echoes the request's Authorization header and the key in its error, as careless servers do.</summary>
    [Theory]
    [MemberData(nameof(Keys))]
    public async Task An_echoed_key_never_reaches_the_exception_and_ordinary_words_survive(string key)
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            var authorization = context.Request.Headers.Authorization.ToString();
            var bearer = authorization["Bearer ".Length..];
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync("{\"error\": {\"message\": \"This model's maximum context length is exceeded; key " + bearer + " was used\", \"type\": \"invalid_request_error\", \"details\": [\"Authorization: " + authorization + "\"]}}");
        });

        var ex = await Assert.ThrowsAsync<CodegenApiException>(() => Send(server.Pipeline(Http, o => o.ApiKey = key)));

        Assert.Equal("This model's maximum context length is exceeded; key [redacted] was used", ex.ErrorMessage);
        Assert.Equal(["Authorization: [redacted]"], ex.Details);
        foreach (var text in new[] { ex.Message, ex.BodyExcerpt!, ex.ErrorMessage!, ex.Details[0] })
        {
            Assert.DoesNotContain("Bearer " + key, text);
            Assert.DoesNotContain(" " + key + " ", text);
        }

        Assert.Contains("maximum context length", ex.Message);
    }

    [Fact]
    public async Task Connection_failures_are_retried_and_reported_without_the_key()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Abort();
            return Task.CompletedTask;
        });

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => Send(server.Pipeline(Http)));

        Assert.Equal(3, server.Requests);
        Assert.Contains("connection failed or closed", ex.Message);
        Assert.DoesNotContain(Key, ex.ToString());
    }
}
