using System.Net;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Codegen.Benchmarks.Peers;
using ModelsLab.Completions;

namespace Codegen.Benchmarks.Suites;

/// <summary>
/// Suite 2: a 10,000-chunk server-sent event stream, held in memory, parsed into chunk objects.
/// <para>
/// "Ours (CreateCompletionStreamingAsync)" is what a user calls: the generated client over an <see cref="HttpClient"/>
/// whose handler answers with the in-memory stream, so that no socket is involved and the parse is what is
/// measured (one request's fixed cost spread over 10,000 chunks). "Ours (SSE reader)" runs the same generated
/// reader and converter without the client, to separate the two; the reader is internal but emitted into the
/// user's assembly, so it is reachable here.
/// </para>
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Streaming")]
public class StreamingBenchmarks
{
    public const int Chunks = 10_000;

    private static readonly byte[] Done = "[DONE]"u8.ToArray();
    private byte[] _stream = [];
    private ModelsLabClient _client = null!;
    private CompletionRequest _request = null!;

    [GlobalSetup]
    public void Setup()
    {
        _stream = Payloads.EventStream(Chunks);
        var http = new HttpClient(new InMemoryEventStreamHandler(_stream)) { BaseAddress = new Uri("http://in-memory.test/") };
        _client = new ModelsLabClient(http, new ModelsLabClientOptions { BaseUri = http.BaseAddress, ApiKey = "bench", MaxRetries = 0 });
        _request = Payloads.OursRequest();
    }

    [GlobalCleanup]
    public void Cleanup() => _client.Dispose();

    [Benchmark(Description = "Ours (CreateCompletionStreamingAsync, in-memory handler)")]
    public async Task<int> OursClient()
    {
        var count = 0;
        await foreach (var chunk in _client.CreateCompletionStreamingAsync(_request))
        {
            count += chunk.Choices.Count;
        }

        return Check(count);
    }

    [Benchmark(Description = "Ours (SSE reader + generated converter)")]
    public async Task<int> OursReader()
    {
        using var stream = new MemoryStream(_stream, writable: false);
        var reader = new ModelsLabServerSentEventReader(stream, 1024 * 1024);
        var count = 0;
        while (await reader.ReadAsync(CancellationToken.None) && !reader.DataEquals(Done))
        {
            count += JsonSerializer.Deserialize(reader.Data, ModelsLabJsonContext.Default.CompletionResponse)!.Choices.Count;
        }

        return Check(count);
    }

    /// <summary>System.Net.ServerSentEvents parsing each event's bytes straight into STJ source-generated types.</summary>
    [Benchmark(Baseline = true, Description = "System.Net.ServerSentEvents + STJ source gen")]
    public async Task<int> ServerSentEventsStj()
    {
        using var stream = new MemoryStream(_stream, writable: false);
        var count = 0;
        var parser = SseParser.Create(stream, static (_, data) =>
            data.SequenceEqual(Done) ? null : JsonSerializer.Deserialize(data, StjJsonContext.Default.StjCompletionResponse));
        await foreach (var item in parser.EnumerateAsync())
        {
            if (item.Data is null)
            {
                break;
            }

            count += item.Data.Choices.Count;
        }

        return Check(count);
    }

    /// <summary>The same with types without C# <c>required</c>: System.Text.Json's fastest path (see Peers/StjTypes.cs).</summary>
    [Benchmark(Description = "System.Net.ServerSentEvents + STJ source gen, no `required`")]
    public async Task<int> ServerSentEventsStjLoose()
    {
        using var stream = new MemoryStream(_stream, writable: false);
        var count = 0;
        var parser = SseParser.Create(stream, static (_, data) =>
            data.SequenceEqual(Done) ? null : JsonSerializer.Deserialize(data, StjJsonContext.Default.StjLooseCompletionResponse));
        await foreach (var item in parser.EnumerateAsync())
        {
            if (item.Data is null)
            {
                break;
            }

            count += item.Data.Choices.Count;
        }

        return Check(count);
    }

    /// <summary>The same parser with the generated types: separates the SSE reader's cost from the JSON's.</summary>
    [Benchmark(Description = "System.Net.ServerSentEvents + our converter")]
    public async Task<int> ServerSentEventsOurs()
    {
        using var stream = new MemoryStream(_stream, writable: false);
        var count = 0;
        var parser = SseParser.Create(stream, static (_, data) =>
            data.SequenceEqual(Done) ? null : JsonSerializer.Deserialize(data, ModelsLabJsonContext.Default.CompletionResponse));
        await foreach (var item in parser.EnumerateAsync())
        {
            if (item.Data is null)
            {
                break;
            }

            count += item.Data.Choices.Count;
        }

        return Check(count);
    }

    [Benchmark(Description = "StreamReader.ReadLineAsync + JsonSerializer")]
    public async Task<int> ReadLineLoop()
    {
        using var stream = new MemoryStream(_stream, writable: false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var count = 0;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (!line.StartsWith("data: ", StringComparison.Ordinal))
            {
                continue;
            }

            var data = line.AsSpan(6);
            if (data.SequenceEqual("[DONE]"))
            {
                break;
            }

            count += JsonSerializer.Deserialize(data, StjJsonContext.Default.StjCompletionResponse)!.Choices.Count;
        }

        return Check(count);
    }

    private static int Check(int count) =>
        count == Chunks ? count : throw new InvalidOperationException($"Parsed {count} chunks, expected {Chunks}.");

    /// <summary>Answers every request with the same event stream, from memory.</summary>
    private sealed class InMemoryEventStreamHandler(byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(new MemoryStream(body, writable: false));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/event-stream");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
