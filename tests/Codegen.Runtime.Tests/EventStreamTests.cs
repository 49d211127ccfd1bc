using System.Text;
using Microsoft.AspNetCore.Http;

namespace Codegen.Runtime.Tests;

/// <summary>Streams read to their end against real Kestrel servers that write the events given.</summary>
public sealed class EventStreamTests
{
    private static readonly HttpClient Http = new();

    private static async Task<LoopbackServer> Serving(params string[] writes) => await LoopbackServer.StartAsync(async context =>
    {
        context.Response.ContentType = "text/event-stream";
        await context.Response.Body.FlushAsync();
        foreach (var write in writes)
        {
            await context.Response.WriteAsync(write);
            await context.Response.Body.FlushAsync();
        }
    });

    private static async Task<(List<string> Texts, Exception? Error)> Stream(LoopbackServer server, Action<CodegenClientOptions>? configure = null)
    {
        var texts = new List<string>();
        var error = await Record.ExceptionAsync(async () =>
        {
            await foreach (var chunk in server.Pipeline(Http, configure).StreamAsync(HttpMethod.Post, "/", "{}"u8.ToArray(), "[DONE]", TestJsonContext.Default.Chunk, CancellationToken.None))
            {
                texts.Add(chunk.Text);
            }
        });
        return (texts, error);
    }

    [Fact]
    public async Task Events_until_the_terminator_and_nothing_after_it()
    {
        await using var server = await Serving("data: {\"text\":\"a\"}\n\n", "data: {\"text\":\"b\"}\r\n\r\n", "data: [DONE]\n\n", "data: not json\n\n");

        var (texts, error) = await Stream(server);

        Assert.Null(error);
        Assert.Equal(["a", "b"], texts);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task A_body_that_ends_without_the_terminator_is_an_api_exception_with_the_count_and_the_last_event(int events)
    {
        var writes = Enumerable.Range(0, events).Select(i => "data: {\"text\":\"t" + i + "\"}\n\n").ToArray();
        await using var server = await Serving(writes);

        var (texts, error) = await Stream(server);

        var ex = Assert.IsType<CodegenApiException>(error);
        Assert.Equal(events, texts.Count);
        Assert.Equal(200, ex.StatusCode);
        Assert.Equal(events, ex.EventsReceived);
        Assert.Contains("without its terminator [DONE]", ex.Message);
        Assert.Contains("ended after " + events + " event", ex.Message);
        Assert.Equal(events == 0 ? null : "{\"text\":\"t" + (events - 1) + "\"}", ex.BodyExcerpt);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task A_server_known_to_omit_the_terminator_can_be_allowed_to()
    {
        await using var server = await Serving("data: {\"text\":\"a\"}\n\n", "data: {\"text\":\"b\"}\n\n");

        var (texts, error) = await Stream(server, o => o.RequireStreamTerminator = false);

        Assert.Null(error);
        Assert.Equal(["a", "b"], texts);
    }

    [Fact]
    public async Task A_body_that_ends_inside_an_event_reports_what_arrived_of_it()
    {
        await using var server = await Serving("data: {\"text\":\"a\"}\n\n", "data: {\"text\":\"b\"}\n\n", "data: {\"text\":\"partial");

        var (texts, error) = await Stream(server, o => o.RequireStreamTerminator = false);

        var ex = Assert.IsType<CodegenApiException>(error);
        Assert.Equal(["a", "b"], texts);
        Assert.Equal(2, ex.EventsReceived);
        Assert.Equal("data: {\"text\":\"partial", ex.BodyExcerpt);
        Assert.Contains("middle of an event", ex.Message);
    }

    [Fact]
    public async Task An_error_event_is_the_servers_error()
    {
        await using var server = await Serving("data: {\"text\":\"a\"}\n\n", "event: error\ndata: {\"error\": {\"message\": \"overloaded\", \"type\": \"server_error\"}}\n\n");

        var (texts, error) = await Stream(server);

        var ex = Assert.IsType<CodegenApiException>(error);
        Assert.Equal(["a"], texts);
        Assert.Equal("overloaded", ex.ErrorMessage);
        Assert.Equal(1, ex.EventsReceived);
    }

    [Fact]
    public async Task An_event_that_is_not_a_chunk_says_so_with_its_text()
    {
        await using var server = await Serving("data: {\"text\":\"a\"}\n\n", "data: {\"text\": 5}\n\n", "data: [DONE]\n\n");

        var (texts, error) = await Stream(server);

        var ex = Assert.IsType<CodegenApiException>(error);
        Assert.Equal(["a"], texts);
        Assert.Contains("not a valid Chunk", ex.Message);
        Assert.Equal("{\"text\": 5}", ex.BodyExcerpt);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(ex.InnerException);
    }

    [Fact]
    public async Task An_event_over_the_limit_is_an_api_exception()
    {
        await using var server = await Serving("data: {\"text\":\"" + new string('a', 5000) + "\"}\n\n", "data: [DONE]\n\n");

        var (_, error) = await Stream(server, o => o.MaxEventBytes = 2048);

        var ex = Assert.IsType<CodegenApiException>(error);
        Assert.Contains("MaxEventBytes (2048)", ex.Message);
        Assert.IsType<InvalidDataException>(ex.InnerException);
    }

    [Fact]
    public async Task Waiting_too_long_for_an_event_is_a_timeout()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data: {\"text\":\"a\"}\n\n");
            await context.Response.Body.FlushAsync();
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
        });

        var (texts, error) = await Stream(server, o => o.Timeout = TimeSpan.FromMilliseconds(300));

        Assert.IsType<TimeoutException>(error);
        Assert.Equal(["a"], texts);
    }

    [Fact]
    public async Task A_stream_that_fails_before_it_begins_is_retried_like_any_request()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = 503;
                return;
            }

            context.Response.ContentType = "text/event-stream";
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("data: {\"text\":\"a\"}\n\ndata: [DONE]\n\n"));
        });

        var (texts, error) = await Stream(server);

        Assert.Null(error);
        Assert.Equal(["a"], texts);
        Assert.Equal(2, server.Requests);
    }
}
