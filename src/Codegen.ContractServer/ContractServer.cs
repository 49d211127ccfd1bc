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
/// Serves the operations of a contract file on Kestrel, under each operation's path and under
/// <c>/v1</c> + path. Start it from code with <see cref="StartAsync"/>, or from the command line.
/// </summary>
public sealed partial class ContractServer : IAsyncDisposable
{
    private const int MaxRequestBytes = 1024 * 1024;

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
        var path = options.ContractPath ?? "contract.schema.json";
        var text = options.ContractText ?? await File.ReadAllTextAsync(
            options.ContractPath ?? throw new ArgumentException("Set ContractPath or ContractText.", nameof(options)), cancellationToken);
        var (served, diagnostics) = await ServedContract.LoadAsync(path, text, cancellationToken);
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

        var operations = served.Contract.Operations.Where(o => path == o.Path || path == "/v1" + o.Path).ToList();
        if (operations.Count == 0)
        {
            await ErrorAsync(http, 404, $"No operation is served at {path}.", "not_found_error", null);
            return;
        }

        var operation = operations.FirstOrDefault(o => string.Equals(o.Method, request.Method, StringComparison.OrdinalIgnoreCase));
        if (operation is null)
        {
            http.Response.Headers.Allow = string.Join(", ", operations.Select(o => o.Method));
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

        var body = await ReadRequestAsync(http, served.Rules, operation);
        if (body is null)
        {
            return;
        }

        if (await AnswerPreferenceAsync(http, served, operation, body))
        {
            return;
        }

        var completion = CompletionText.For(body, DefaultMaxTokens(served.Rules, operation));
        var model = body["model"] is JsonValue m && m.TryGetValue<string>(out var name) ? name : "contract-server";
        var id = "cmpl-" + completion.Text.GetHashCode(StringComparison.Ordinal).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
        var shaper = new ResponseShaper(served.Rules.Get(operation.Success!.SchemaPointer!));
        var streaming = IsStreaming(operation, body);
        if (streaming)
        {
            var chunkShaper = new ResponseShaper(served.Rules.Get(operation.Stream!.EventSchemaPointer!));
            await StreamAsync(http, operation.Stream, chunkShaper, completion, model, id, fault);
            return;
        }

        var response = shaper.Build(completion, completion.Text, completion.FinishReason, withUsage: true, model, id);
        var bytes = fault.Malformed
            ? Encoding.UTF8.GetBytes("{\"object\": \"text_completion\", \"choices\": [")
            : JsonSerializer.SerializeToUtf8Bytes(response, JsonContext.Default.JsonObject);
        http.Response.ContentType = "application/json";
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

    private async Task StreamAsync(HttpContext http, StreamSpec stream, ResponseShaper shaper, CompletionText completion, string model, string id, Fault fault)
    {
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        var written = 0;
        try
        {
            for (var i = 0; i < completion.Tokens.Count; i++)
            {
                if (fault.EndsStreamBefore(i))
                {
                    return;
                }

                var last = i == completion.Tokens.Count - 1;
                if (fault.CutAfterChunks is { } cut && i == cut)
                {
                    // Half an event, then the connection goes: the client must notice, not wait.
                    await WriteAsync(http, "data: {\"object\":\"text_comp");
                    await AbortAsync(http);
                    return;
                }

                var chunk = fault.Malformed && i == 0
                    ? "{not json"
                    : shaper.Build(completion, completion.Tokens[i], last ? completion.FinishReason : null, withUsage: last, model, id).ToJsonString();
                var eventText = "data: " + chunk + "\n\n";
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

            if (!fault.EndsStreamBefore(completion.Tokens.Count))
            {
                await WriteAsync(http, "data: " + stream.DoneSentinel + "\n\n");
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            _faults.RecordAbort(fault.Key);
        }
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

    /// <summary>The request body as JSON, valid against the operation's request definition; null after answering 400.</summary>
    private static async Task<JsonObject?> ReadRequestAsync(HttpContext http, CodegenSchemaDocument rules, OperationSpec operation)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        if (buffer.Length > MaxRequestBytes)
        {
            await ErrorAsync(http, 413, "The request body is too large.", "invalid_request_error", null);
            return null;
        }

        var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var verdict = CheckRequestBody(rules, operation.Body?.SchemaPointer, text);
        if (verdict.Problem is not null)
        {
            await ErrorAsync(http, 400, verdict.Problem, "invalid_request_error", null);
            return null;
        }

        var violations = verdict.Violations;
        if (violations.Count > 0)
        {
            var message = $"The request breaks the contract ({violations.Count} violation{(violations.Count == 1 ? string.Empty : "s")}): " + string.Join("; ", violations);
            await ErrorAsync(http, 400, message, "invalid_request_error", null, violations.Select(v => v.ToString()), violations[0].Path);
            return null;
        }

        return verdict.Body;
    }

    /// <summary>The contract's default of the request's <c>max_tokens</c>, else 16 (OpenAI's).</summary>
    private static int DefaultMaxTokens(CodegenSchemaDocument rules, OperationSpec operation) =>
        operation.Body?.SchemaPointer is { } pointer
        && Resolve(rules.Get(pointer)).TryGetProperty("max_tokens", out var max)
        && Resolve(max).Default is { Kind: CodegenJsonKind.Number } value
        && value.NumberValue.TryGetInt64(out var tokens) && tokens is > 0 and <= int.MaxValue
            ? (int)tokens
            : 16;

    private static bool IsStreaming(OperationSpec operation, JsonObject body) =>
        operation.Stream is { FlagJsonName: { } flagName } && body[flagName] is JsonValue flag && flag.TryGetValue<bool>(out var on) && on;

    private static CodegenSchema Resolve(CodegenSchema schema)
    {
        for (var hops = 0; hops < 16 && schema.ReferenceTarget is { } target; hops++)
        {
            schema = target;
        }

        return schema;
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
