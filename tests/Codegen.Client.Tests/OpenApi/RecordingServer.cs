using System.Collections.Concurrent;
using Codegen.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Codegen.Client.Tests.OpenApi;

/// <summary>One request as it arrived: the method, the target exactly as sent (path and query, still escaped), headers and body.</summary>
public sealed record RecordedRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body, string? ContentType)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>What the server answers: a status, a content type and a body (each SSE event written and flushed on its own).</summary>
public sealed record ScriptedResponse(int Status, string ContentType, string Body, IReadOnlyList<string>? Events = null, IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>
/// A <see cref="LoopbackServer"/> (Kestrel on 127.0.0.1 and a free port) that records every request and answers with
/// the scripted responses in turn: the OpenAI client's requests are checked byte for byte, its parsing against known answers.
/// </summary>
public sealed class RecordingServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private LoopbackServer _server = null!;

    private RecordingServer()
    {
    }

    public Uri BaseAddress => new(_server.BaseAddress, "v1/");

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static async Task<RecordingServer> StartAsync()
    {
        var server = new RecordingServer();
        server._server = await LoopbackServer.StartAsync(server.HandleAsync);
        return server;
    }

    /// <summary>Queues the next answers.</summary>
    public RecordingServer Answer(params ScriptedResponse[] responses)
    {
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }

        return this;
    }

    public RecordingServer AnswerJson(string json, int status = 200) => Answer(new ScriptedResponse(status, "application/json", json));

    /// <summary>The one request recorded since the last call.</summary>
    public RecordedRequest Single()
    {
        var request = Assert.Single(Requests);
        Requests.Clear();
        return request;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        Requests.Enqueue(new RecordedRequest(context.Request.Method, target, headers, body.ToArray(), context.Request.ContentType));

        if (!_script.TryDequeue(out var response))
        {
            response = new ScriptedResponse(500, "application/json", """{"error":{"message":"no answer scripted"}}""");
        }

        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        foreach (var header in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[header.Key] = header.Value;
        }

        if (response.Events is { } events)
        {
            foreach (var item in events)
            {
                await context.Response.WriteAsync(item);
                await context.Response.Body.FlushAsync();
            }

            return;
        }

        await context.Response.WriteAsync(response.Body);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
