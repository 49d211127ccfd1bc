using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Codegen.Contracts.Model;
using Codegen.Contracts.Reading;
using Microsoft.AspNetCore.Hosting.Server;
using Codegen.Runtime;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Codegen.ContractServer;

/// <summary>
/// Serves the operations of a contract file on Kestrel (a JSON Schema contract's, or an OpenAPI document's), under
/// each operation's path, under <c>/v1</c> + path and under its servers' paths (<see cref="OperationRouter"/>). This
/// file is the host and what every request goes through (routing, faults, the API key) and how answers are written;
/// the answers themselves are in ContractServer.Completions.cs (JSON Schema contracts) and ContractServer.OpenApi.cs.
/// Start it from code with <see cref="StartAsync"/>, or from the command line.
/// </summary>
public sealed partial class ContractServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string? _apiKey;
    private readonly FaultLog _faults = new();
    private long _requestCount;

    private ContractServer(WebApplication app, ServedContract served, string? apiKey)
    {
        _app = app;
        _served = served;
        _apiKey = apiKey;
    }

    /// <summary>The address the server listens on, e.g. <c>http://127.0.0.1:53124/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The operations served, as the contract declares them.</summary>
    public IReadOnlyList<OperationSpec> Operations => _served.Contract.Operations;

    /// <summary>How many requests carried the fault key (<c>x-fault: key=...</c>).</summary>
    public int Attempts(string key) => _faults.Attempts(key);

    /// <summary>How many streams with the fault key the client abandoned before the end.</summary>
    public int AbortedStreams(string key) => _faults.Aborted(key);

    public static async Task<ContractServer> StartAsync(ContractServerOptions options, CancellationToken cancellationToken = default)
    {
        var input = options.Input ?? new ContractInput(
            options.ContractPath ?? "contract.schema.json",
            options.ContractText ?? await File.ReadAllTextAsync(
                options.ContractPath ?? throw new ArgumentException("Set Input, ContractPath or ContractText.", nameof(options)), cancellationToken));
        var (served, diagnostics) = await ServedContract.LoadAsync(input, cancellationToken);
        if (served is null)
        {
            throw new InvalidOperationException("The contract cannot be read: " + string.Join("; ", diagnostics.Select(d => $"{d.Location}: {d.Id} {d.Message}")));
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls(options.Urls);
        if (!options.Logging)
        {
            builder.Logging.ClearProviders();
        }

        AddCors(builder.Services, options);
        var app = builder.Build();
        var server = new ContractServer(app, served, string.IsNullOrEmpty(options.ApiKey) ? null : options.ApiKey);
        UseRequestLog(app, options);
        UseCors(app, options);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>Waits until the host is asked to stop (Ctrl+C).</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http)
    {
        // One contract per request, even if a reload swaps it meanwhile.
        var served = _served;
        var request = http.Request;
        http.Response.Headers["x-request-id"] = "req_" + Interlocked.Increment(ref _requestCount);
        var path = request.Path.Value ?? "/";
        if (path.StartsWith("/_faults/", StringComparison.Ordinal))
        {
            await FaultReportAsync(http, path);
            return;
        }

        var match = served.Router.Match(request.Method, path);
        if (match.Operation is not { } operation)
        {
            if (match.OtherMethods.Count == 0)
            {
                await ErrorAsync(http, 404, $"No operation is served at {path}.", "not_found_error", null);
                return;
            }

            http.Response.Headers.Allow = string.Join(", ", match.OtherMethods.Select(o => o.Method));
            await ErrorAsync(http, 405, $"{request.Method} is not allowed at {path}.", "invalid_request_error", null);
            return;
        }

        Fault fault;
        try
        {
            fault = Fault.Parse(request.Headers["x-fault"].FirstOrDefault() ?? request.Query["x-fault"].FirstOrDefault());
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            await ErrorAsync(http, 400, "Bad x-fault header: " + ex.Message, "invalid_request_error", null);
            return;
        }

        var attempt = _faults.RecordAttempt(fault.Key);
        if (!fault.AppliesTo(attempt))
        {
            fault = Fault.None;
        }

        if (_apiKey is not null && request.Headers.Authorization.FirstOrDefault() != "Bearer " + _apiKey)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await ErrorAsync(http, 401, "Missing or incorrect API key. Send Authorization: Bearer <key>.", "invalid_request_error", "invalid_api_key");
            return;
        }

        if (fault.Delay > TimeSpan.Zero)
        {
            await Task.Delay(fault.Delay, http.RequestAborted);
        }

        if (fault.Status is { } status)
        {
            if (fault.RetryAfter is not null)
            {
                http.Response.Headers.RetryAfter = fault.RetryAfter;
            }

            if (fault.RetryAfterMs is not null)
            {
                http.Response.Headers["retry-after-ms"] = fault.RetryAfterMs;
            }

            await ErrorAsync(http, status, $"Injected fault: status {status}.", status == 429 ? "rate_limit_error" : "server_error", null);
            return;
        }

        if (served.Contract.Kind == ContractKind.JsonSchema)
        {
            await AnswerCompletionAsync(http, served, operation, fault);
        }
        else
        {
            await AnswerOpenApiAsync(http, served, match, fault);
        }
    }

    /// <summary>
    /// Streams server-sent events, each flushed as it is written, then the terminator (<c>data: [DONE]</c>), with the
    /// request's stream faults: a pause between events, a malformed first event, a cut in the middle of an event,
    /// a dropped connection after some bytes, or an end without the terminator.
    /// </summary>
    private async Task StreamEventsAsync(HttpContext http, IReadOnlyList<string> events, string? done, Fault fault)
    {
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        var written = 0;
        try
        {
            for (var i = 0; i < events.Count; i++)
            {
                if (fault.EndsStreamBefore(i))
                {
                    return;
                }

                var last = i == events.Count - 1;
                if (fault.CutAfterChunks is { } cut && i == cut)
                {
                    // Half an event, then the connection goes: the client must notice, not wait.
                    await WriteAsync(http, "data: {\"object\":\"text_comp");
                    await AbortAsync(http);
                    return;
                }

                var eventText = "data: " + (fault.Malformed && i == 0 ? "{not json" : events[i]) + "\n\n";
                if (fault.DropAfterBytes is { } drop && written + eventText.Length > drop)
                {
                    await WriteAsync(http, eventText[..Math.Max(0, drop - written)]);
                    await AbortAsync(http);
                    return;
                }

                await WriteAsync(http, eventText);
                written += eventText.Length;
                if (fault.ChunkDelay > TimeSpan.Zero && !last)
                {
                    await Task.Delay(fault.ChunkDelay, http.RequestAborted);
                }
            }

            if (done is not null && !fault.EndsStreamBefore(events.Count))
            {
                await WriteAsync(http, "data: " + done + "\n\n");
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            _faults.RecordAbort(fault.Key);
        }
    }

    /// <summary>Writes a whole body, or with the request's faults a malformed one, or part of it before the connection drops.</summary>
    private static async Task WriteBodyAsync(HttpContext http, byte[] bytes, string contentType, Fault fault)
    {
        if (fault.Malformed)
        {
            bytes = Encoding.UTF8.GetBytes("{\"object\": \"text_completion\", \"choices\": [");
        }

        http.Response.ContentType = contentType;
        http.Response.ContentLength = bytes.Length;
        if (fault.DropAfterBytes is { } drop && drop < bytes.Length)
        {
            await http.Response.Body.WriteAsync(bytes.AsMemory(0, drop), http.RequestAborted);
            await http.Response.Body.FlushAsync(http.RequestAborted);
            await AbortAsync(http);
            return;
        }

        await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
    }

    /// <summary>
    /// Drops the connection. The pause first lets the client read what was sent: a reset that arrives
    /// before the client has read the bytes makes the kernel discard them.
    /// </summary>
    private static async Task AbortAsync(HttpContext http)
    {
        await Task.Delay(100, http.RequestAborted);
        http.Abort();
    }

    private static async Task WriteAsync(HttpContext http, string text)
    {
        await http.Response.WriteAsync(text, http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }

    private async Task FaultReportAsync(HttpContext http, string path)
    {
        var key = http.Request.Query["key"].FirstOrDefault();
        if (key is null || path is not ("/_faults/attempts" or "/_faults/aborted"))
        {
            await ErrorAsync(http, 404, "Use GET /_faults/attempts?key=... or /_faults/aborted?key=...", "not_found_error", null);
            return;
        }

        var count = path == "/_faults/attempts" ? _faults.Attempts(key) : _faults.Aborted(key);
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync($"{{\"key\":{JsonSerializer.Serialize(key, JsonContext.Default.String)},\"count\":{count}}}");
    }

    /// <summary>A 400 naming every rule the request breaks: in the message, one per item in <c>details</c>, the first path as <c>param</c>.</summary>
    private static Task ViolationsAsync(HttpContext http, IReadOnlyList<CodegenRuleViolation> violations)
    {
        var message = $"The request breaks the contract ({violations.Count} violation{(violations.Count == 1 ? string.Empty : "s")}): " + string.Join("; ", violations);
        return ErrorAsync(http, 400, message, "invalid_request_error", null, violations.Select(v => v.ToString()), violations[0].Path);
    }

    /// <summary>Answers with an OpenAI-style error body: <c>{"error": {"message", "type", "param", "code", "details"}}</c>.</summary>
    private static Task ErrorAsync(HttpContext http, int status, string message, string type, string? code, IEnumerable<string>? details = null, string? parameter = null)
    {
        var error = new JsonObject
        {
            ["message"] = message,
            ["type"] = type,
            ["param"] = parameter,
            ["code"] = code,
        };
        if (details is not null)
        {
            error["details"] = new JsonArray(details.Select(d => (JsonNode?)d).ToArray());
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(new JsonObject { ["error"] = error }.ToJsonString(), http.RequestAborted);
    }
}
