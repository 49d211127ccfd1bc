using System.Net;
using System.Text;
using Codegen.Runtime.Tests;
using ModelsLab.Completions;

namespace Codegen.Client.Tests;

/// <summary>
/// The generated server-sent event reader keeps event data as bytes across reads: here every read returns one
/// byte, so each line end (<c>\r\n</c> split between two reads included), each multi-byte UTF-8 character and each
/// event arrives in pieces. Not against the contract server, which cannot split its writes this finely.
/// </summary>
public sealed class SmallReadStreamTests
{
    private static string Chunk(string text) =>
        "{\"object\":\"text_completion\",\"created\":1732624363,\"model\":\"m\",\"choices\":[{\"text\":\"" + text +
        "\",\"index\":0,\"logprobs\":null,\"finish_reason\":null,\"stop_reason\":null}]}";

    [Fact]
    public async Task Events_split_into_one_byte_reads_parse_with_every_line_end()
    {
        var first = Chunk("crème");
        var second = Chunk(" brûlée");
        var third = Chunk(" done");
        var body =
            ": a comment\r\n" +
            "event: message\r\nid: 1\r\nretry: 10\r\n" +
            "data: " + first + "\r\n\r\n" +
            "data:" + second + "\r\r" +
            // One chunk over two data lines: they are joined by \n, which JSON reads as whitespace.
            "data: " + third.Substring(0, third.IndexOf(",\"model\"", StringComparison.Ordinal) + 1) + "\n" +
            "data: " + third.Substring(third.IndexOf(",\"model\"", StringComparison.Ordinal) + 1) + "\n\n" +
            "data: [DONE]\r\n\r\n" +
            "data: not json, never read\n\n";
        var http = new HttpClient(new OneByteHandler(Encoding.UTF8.GetBytes(body))) { BaseAddress = new Uri("http://in-memory.test/") };
        using var client = new ModelsLabClient(http, new ModelsLabClientOptions { BaseUri = http.BaseAddress, ApiKey = "test", MaxRetries = 0 });

        var texts = new List<string>();
        await foreach (var chunk in client.CreateCompletionStreamingAsync(CompletionRequest.CreateBuilder("hello").Build()))
        {
            texts.Add(chunk.Choices[0].Text);
        }

        Assert.Equal(["crème", " brûlée", " done"], texts);
    }

    [Fact]
    public async Task Body_ending_inside_an_event_split_into_one_byte_reads_is_an_api_exception()
    {
        var body = "data: " + Chunk("one") + "\r\n\r\n" + "data: {\"object\":";
        var http = new HttpClient(new OneByteHandler(Encoding.UTF8.GetBytes(body))) { BaseAddress = new Uri("http://in-memory.test/") };
        using var client = new ModelsLabClient(http, new ModelsLabClientOptions { BaseUri = http.BaseAddress, ApiKey = "test", MaxRetries = 0 });

        var texts = new List<string>();
        await Assert.ThrowsAsync<ModelsLabApiException>(async () =>
        {
            await foreach (var chunk in client.CreateCompletionStreamingAsync(CompletionRequest.CreateBuilder("hello").Build()))
            {
                texts.Add(chunk.Choices[0].Text);
            }
        });
        Assert.Equal(["one"], texts);
    }

    private sealed class OneByteHandler(byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(new PiecewiseStream(body, readSize: 1));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/event-stream");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
