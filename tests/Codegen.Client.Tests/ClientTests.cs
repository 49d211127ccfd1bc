using System.Diagnostics;
using System.Text;
using ModelsLab.Completions;

namespace Codegen.Client.Tests;

[Collection(ServerCollection.Name)]
public sealed class ClientTests(ServerFixture fixture)
{
    private static readonly CompletionRequest Request = CompletionRequest.CreateBuilder("Write a tagline for an ice cream shop.").WithMaxTokens(12).Build();

    private static string Key() => Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Completion_is_deterministic_and_honours_max_tokens_and_usage()
    {
        using var client = new ModelsLabClient(fixture.Options());
        var first = await client.CreateCompletionAsync(Request);
        var second = await client.CreateCompletionAsync(Request);

        Assert.Equal(first.Choices[0].Text, second.Choices[0].Text);
        Assert.Equal(12, first.Usage!.CompletionTokens);
        Assert.Equal(first.Usage.PromptTokens + first.Usage.CompletionTokens, first.Usage.TotalTokens);
        Assert.Equal(CompletionChoiceFinishReason.Length, first.Choices[0].FinishReason);
        Assert.Empty(first.Validate());
    }

    [Fact]
    public async Task Stop_sequence_cuts_the_text()
    {
        using var client = new ModelsLabClient(fixture.Options());
        var full = (await client.CreateCompletionAsync(Request)).Choices[0].Text;
        var stop = full.Split(' ')[3];
        var cut = await client.CreateCompletionAsync(Request with { Stop = stop });

        Assert.Equal(full[..full.IndexOf(stop, StringComparison.Ordinal)], cut.Choices[0].Text);
        Assert.Equal(CompletionChoiceFinishReason.Stop, cut.Choices[0].FinishReason);
    }

    [Fact]
    public async Task Streamed_text_concatenates_to_the_completion_and_arrives_as_written()
    {
        using var client = fixture.Client("chunk-delay=60");
        var expected = (await client.CreateCompletionAsync(Request)).Choices[0].Text;

        var text = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        TimeSpan? firstChunk = null;
        var chunks = 0;
        await foreach (var chunk in client.CreateCompletionStreamingAsync(Request))
        {
            firstChunk ??= stopwatch.Elapsed;
            chunks++;
            text.Append(chunk.Choices[0].Text);
        }

        Assert.Equal(expected, text.ToString());
        Assert.Equal(12, chunks);
        // 11 pauses of 60 ms come after the first chunk: it cannot have been buffered to the end.
        Assert.True(stopwatch.Elapsed - firstChunk!.Value > TimeSpan.FromMilliseconds(400), $"first chunk at {firstChunk}, end at {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task Server_rejection_surfaces_every_violation()
    {
        var options = fixture.Options();
        options.ValidateRequests = false;
        using var client = new ModelsLabClient(options);
        var ex = await Assert.ThrowsAsync<ModelsLabApiException>(() => client.CreateCompletionAsync(Request with { Temperature = 3, TopP = 7 }));

        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("invalid_request_error", ex.ErrorType);
        Assert.Contains(ex.Details, d => d.StartsWith("$.temperature", StringComparison.Ordinal));
        Assert.Contains(ex.Details, d => d.StartsWith("$.top_p", StringComparison.Ordinal));
        Assert.Contains("$.temperature", ex.Message);
    }

    [Fact]
    public async Task Client_validation_rejects_before_sending()
    {
        var key = Key();
        using var client = fixture.Client($"key={key}");
        var ex = await Assert.ThrowsAsync<ModelsLabValidationException>(() => client.CreateCompletionAsync(Request with { Temperature = 3, MaxTokens = 0 }));

        Assert.Equal(2, ex.Violations.Count);
        Assert.Equal(0, fixture.Server.Attempts(key));
    }

    [Fact]
    public async Task Wrong_key_is_401_and_never_retried()
    {
        var key = Key();
        using var client = fixture.Client($"key={key}", o => o.ApiKey = "sk-wrong-key-0123456789");
        var ex = await Assert.ThrowsAsync<ModelsLabApiException>(() => client.CreateCompletionAsync(Request));

        Assert.Equal(401, ex.StatusCode);
        Assert.Equal("invalid_api_key", ex.ErrorCode);
        Assert.Equal(1, fixture.Server.Attempts(key));
        Assert.DoesNotContain("sk-wrong-key-0123456789", ex.ToString());
    }

    [Fact]
    public async Task Rate_limit_with_retry_after_is_retried_then_succeeds()
    {
        var key = Key();
        using var client = fixture.Client($"key={key};status=429;retry-after=1;times=1");
        var stopwatch = Stopwatch.StartNew();
        var response = await client.CreateCompletionAsync(Request);

        Assert.NotEmpty(response.Choices[0].Text);
        Assert.Equal(2, fixture.Server.Attempts(key));
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromSeconds(0.9), $"waited only {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task Retry_after_ms_is_honoured()
    {
        var key = Key();
        using var client = fixture.Client($"key={key};status=503;retry-after-ms=50;times=2");
        await client.CreateCompletionAsync(Request);
        Assert.Equal(3, fixture.Server.Attempts(key));
    }

    [Fact]
    public async Task Long_retry_after_fails_at_once_with_the_value()
    {
        var key = Key();
        using var client = fixture.Client($"key={key};status=429;retry-after=120");
        var stopwatch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<ModelsLabApiException>(() => client.CreateCompletionAsync(Request));

        Assert.Equal(429, ex.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), ex.RetryAfter);
        Assert.Equal(1, fixture.Server.Attempts(key));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Server_errors_are_retried_until_retries_run_out()
    {
        var key = Key();
        using var client = fixture.Client($"key={key};status=500", o => o.MaxRetries = 3);
        var ex = await Assert.ThrowsAsync<ModelsLabApiException>(() => client.CreateCompletionAsync(Request));

        Assert.Equal(500, ex.StatusCode);
        Assert.NotNull(ex.RequestId);
        Assert.NotNull(ex.BodyExcerpt);
        Assert.Equal(4, fixture.Server.Attempts(key));
    }

    [Fact]
    public async Task Connection_dropped_mid_body_is_retried_then_reported()
    {
        var key = Key();
        using var client = fixture.Client($"key={key};drop-after-bytes=40");
        var ex = await Assert.ThrowsAsync<ModelsLabApiException>(() => client.CreateCompletionAsync(Request));

        Assert.Equal(3, fixture.Server.Attempts(key));
        Assert.True(ex.IsConnectionFailure);
        Assert.Equal(200, ex.StatusCode);
        Assert.Contains("40 bytes received", ex.Message);
        Assert.Equal(40, ex.BodyExcerpt!.Length);
        Assert.IsAssignableFrom<IOException>(ex.InnerException);
    }

    [Fact]
    public async Task Malformed_body_is_an_api_exception_not_a_value()
    {
        var key = Key();
        using var client = fixture.Client($"key={key};malformed");
        var ex = await Assert.ThrowsAsync<ModelsLabApiException>(() => client.CreateCompletionAsync(Request));

        Assert.Equal(200, ex.StatusCode);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(ex.InnerException);
        Assert.Equal(1, fixture.Server.Attempts(key));
    }

    [Fact]
    public async Task Malformed_event_is_an_api_exception()
    {
        using var client = fixture.Client("malformed");
        await Assert.ThrowsAsync<ModelsLabApiException>(async () =>
        {
            await foreach (var _ in client.CreateCompletionStreamingAsync(Request))
            {
            }
        });
    }

    [Fact]
    public async Task Stream_cut_mid_event_throws_after_the_whole_chunks_and_is_not_retried()
    {
        var key = Key();
        using var client = fixture.Client($"key={key};cut-after-chunks=3");
        var received = 0;
        var ex = await Assert.ThrowsAsync<ModelsLabApiException>(async () =>
        {
            await foreach (var _ in client.CreateCompletionStreamingAsync(Request))
            {
                received++;
            }
        });

        Assert.Equal(3, received);
        Assert.Equal(1, fixture.Server.Attempts(key));
        Assert.Contains("stream", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public async Task Stream_cut_mid_event_reports_the_events_received_and_what_arrived(int chunks)
    {
        var key = Key();
        using var client = fixture.Client($"key={key};cut-after-chunks={chunks}");
        var received = 0;
        var ex = await Assert.ThrowsAsync<ModelsLabApiException>(async () =>
        {
            await foreach (var _ in client.CreateCompletionStreamingAsync(Request))
            {
                received++;
            }
        });

        Assert.Equal(chunks, received);
        Assert.Equal(chunks, ex.EventsReceived);
        Assert.Equal(200, ex.StatusCode);
        Assert.Equal("data: {\"object\":\"text_comp", ex.BodyExcerpt);
        Assert.Equal(1, fixture.Server.Attempts(key));
    }

    /// <summary>A server that answers 200 and closes the body cleanly before [DONE] (llama.cpp's, for a prompt too long) is not an empty answer.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(12)]
    public async Task Stream_that_ends_without_its_terminator_is_an_api_exception_and_is_not_retried(int chunks)
    {
        var key = Key();
        using var client = fixture.Client($"key={key};end-after-chunks={chunks}");
        var texts = new List<string>();
        var ex = await Assert.ThrowsAsync<ModelsLabApiException>(async () =>
        {
            await foreach (var chunk in client.CreateCompletionStreamingAsync(Request))
            {
                texts.Add(chunk.Choices[0].Text);
            }
        });

        Assert.Equal(chunks, texts.Count);
        Assert.Equal(200, ex.StatusCode);
        Assert.Equal(chunks, ex.EventsReceived);
        Assert.Contains("without its terminator [DONE]", ex.Message);
        if (chunks == 0)
        {
            Assert.Null(ex.BodyExcerpt);
        }
        else
        {
            Assert.Contains(JsonText(texts[^1]), ex.BodyExcerpt);
        }

        Assert.Equal(1, fixture.Server.Attempts(key));
    }

    [Fact]
    public async Task Stream_without_its_terminator_is_complete_when_the_options_allow_it()
    {
        using var client = fixture.Client("end-after-chunks=5", o => o.RequireStreamTerminator = false);
        var chunks = 0;
        await foreach (var _ in client.CreateCompletionStreamingAsync(Request))
        {
            chunks++;
        }

        Assert.Equal(5, chunks);
    }

    [Theory]
    [InlineData("e")]
    [InlineData("abcd1234")]
    [InlineData("sk-7f3a9c1e5b2d4f6a8c0e7f3a9c1e5b2d4f6a8c0e7f3a9c1e5b2d4f6a8c0e7")]
    public async Task Redacting_a_wrong_key_of_any_length_leaves_the_servers_words_intact(string wrongKey)
    {
        Assert.Contains(wrongKey.Length, new[] { 1, 8, 64 });
        using var client = fixture.Client(configure: o => o.ApiKey = wrongKey);
        var ex = await Assert.ThrowsAsync<ModelsLabApiException>(() => client.CreateCompletionAsync(Request));

        Assert.Equal(401, ex.StatusCode);
        // The server's own words: "Missing or incorrect API key. Send Authorization: Bearer <key>." The header's
        // value is redacted as a credential; nothing else is touched, whatever letters the key has.
        Assert.Equal("Missing or incorrect API key. Send Authorization: [redacted]", ex.ErrorMessage);
        Assert.Contains("Missing or incorrect API key.", ex.Message);
        Assert.DoesNotContain("[redacted]ct", ex.BodyExcerpt);
    }

    private static string JsonText(string text) => System.Text.Json.JsonSerializer.Serialize(text)[1..^1];

    [Fact]
    public async Task Caller_cancellation_mid_stream_releases_the_connection()
    {
        // One connection only: if a cancelled stream kept it, the call after the loop would time out.
        using var client = SingleConnectionClient("chunk-delay=50");
        for (var i = 0; i < 4; i++)
        {
            using var cancellation = new CancellationTokenSource();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            {
                await foreach (var _ in client.CreateCompletionStreamingAsync(Request, cancellation.Token))
                {
                    cancellation.Cancel();
                }
            });
        }

        Assert.NotEmpty((await client.CreateCompletionAsync(Request)).Choices);
    }

    [Fact]
    public async Task Stopping_a_stream_early_releases_the_connection()
    {
        using var client = SingleConnectionClient("chunk-delay=50");
        for (var i = 0; i < 4; i++)
        {
            await foreach (var _ in client.CreateCompletionStreamingAsync(Request))
            {
                break;
            }
        }

        Assert.NotEmpty((await client.CreateCompletionAsync(Request)).Choices);
    }

    [Fact]
    public async Task Per_attempt_timeout_is_a_timeout_exception()
    {
        var key = Key();
        using var client = fixture.Client($"key={key};delay=20000", o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(200);
            o.MaxRetries = 1;
        });
        var stopwatch = Stopwatch.StartNew();
        await Assert.ThrowsAsync<TimeoutException>(() => client.CreateCompletionAsync(Request));

        // Two attempts of 200 ms and a short pause, not the server's 20 s: a wide margin for a loaded machine.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
        Assert.Equal(2, fixture.Server.Attempts(key));
    }

    [Fact]
    public async Task Stream_timeout_between_events_is_a_timeout_exception()
    {
        using var client = fixture.Client("chunk-delay=1000", o => o.Timeout = TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAsync<TimeoutException>(async () =>
        {
            await foreach (var _ in client.CreateCompletionStreamingAsync(Request))
            {
            }
        });
    }

    [Fact]
    public async Task Sixty_four_concurrent_calls_share_one_client()
    {
        using var client = new ModelsLabClient(fixture.Options());
        var prompts = Enumerable.Range(0, 64).Select(i => $"prompt number {i}").ToList();
        var answers = await Task.WhenAll(prompts.Select(p => client.CreateCompletionAsync(Request with { Prompt = p })));
        var again = await Task.WhenAll(prompts.Select(p => client.CreateCompletionAsync(Request with { Prompt = p })));

        Assert.Equal(answers.Select(a => a.Choices[0].Text), again.Select(a => a.Choices[0].Text));
    }

    [Fact]
    public async Task Unknown_route_is_404()
    {
        using var client = new ModelsLabClient(Rebase(fixture.Options(), "nowhere/"));
        var ex = await Assert.ThrowsAsync<ModelsLabApiException>(() => client.CreateCompletionAsync(Request));
        Assert.Equal(404, ex.StatusCode);
    }

    [Fact]
    public async Task Served_under_v1_too()
    {
        using var client = new ModelsLabClient(Rebase(fixture.Options(), "v1/"));
        var response = await client.CreateCompletionAsync(Request);
        Assert.NotEmpty(response.Choices[0].Text);
    }

    [Fact]
    public async Task Api_key_never_appears_in_exception_text()
    {
        var faults = new[] { "status=400", "status=500", "malformed", "drop-after-bytes=10", "cut-after-chunks=1", "delay=1000" };
        foreach (var fault in faults)
        {
            using var client = fixture.Client(fault, o =>
            {
                o.MaxRetries = 0;
                o.Timeout = TimeSpan.FromMilliseconds(300);
            });
            var ex = await Record.ExceptionAsync(async () =>
            {
                await foreach (var _ in client.CreateCompletionStreamingAsync(Request))
                {
                }
            });
            Assert.NotNull(ex);
            Assert.DoesNotContain(ServerFixture.ApiKey, ex.ToString());
            Assert.DoesNotContain(ServerFixture.ApiKey, (ex as ModelsLabApiException)?.BodyExcerpt ?? string.Empty);
        }

        Assert.DoesNotContain(ServerFixture.ApiKey, fixture.Options().ToString());
    }

    [Fact]
    public async Task Activity_carries_model_and_usage()
    {
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ModelsLabClient.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (activities) { activities.Add(activity); } },
        };
        ActivitySource.AddActivityListener(listener);
        using var client = new ModelsLabClient(fixture.Options());
        await client.CreateCompletionAsync(Request with { Model = "test-model" });

        Activity activity;
        lock (activities)
        {
            activity = Assert.Single(activities, a => (string?)a.GetTagItem("gen_ai.request.model") == "test-model");
        }

        Assert.Equal(12, activity.GetTagItem("gen_ai.usage.output_tokens"));
        Assert.DoesNotContain(activity.Tags, t => t.Value?.Contains(ServerFixture.ApiKey, StringComparison.Ordinal) == true);
    }

    private ModelsLabClient SingleConnectionClient(string fault)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 });
        http.DefaultRequestHeaders.Add("x-fault", fault);
        var options = fixture.Options();
        options.Timeout = TimeSpan.FromSeconds(5);
        options.MaxRetries = 0;
        return new ModelsLabClient(http, options);
    }

    private static ModelsLabClientOptions Rebase(ModelsLabClientOptions options, string relative)
    {
        options.BaseUri = new Uri(options.BaseUri!, relative);
        return options;
    }

}
