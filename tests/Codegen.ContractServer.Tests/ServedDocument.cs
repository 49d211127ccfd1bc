using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Codegen.Contracts.Model;
using Codegen.Contracts.Reading;
using Codegen.ContractServer;
using Codegen.Testing;
using ContractInput = Codegen.Contracts.Reading.ContractInput;

namespace Codegen.ContractServer.Tests;

/// <summary>
/// One contract server on a free loopback port serving a document from ../shared/contracts (with an overlay from
/// this folder, when given), shared by the tests of a class, and what the tests need to check its answers: HTTP
/// helpers and the document's own rules, read by the rules engine.
/// </summary>
public abstract class ServedDocument : IAsyncLifetime
{
    private readonly string? _document;
    private readonly string? _overlay;
    private readonly ContractInput? _input;

    protected ServedDocument(string document, string? overlay = null)
    {
        _document = document;
        _overlay = overlay;
    }

    /// <summary>A document held in memory.</summary>
    protected ServedDocument(ContractInput input) => _input = input;

    public global::Codegen.ContractServer.ContractServer Server { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The document as the server read it: its rules, for checking answers against the schemas they claim to follow.</summary>
    internal CodegenSchemaDocument Rules { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var path = _document is null ? null : RepoPaths.SharedContract(_document);
        if (path is not null && !File.Exists(path))
        {
            // The tests skip (SharedContractFact); there is nothing to serve.
            return;
        }

        var input = _input ?? new ContractInput(path!, await File.ReadAllTextAsync(path!));
        if (_overlay is not null)
        {
            var overlayPath = Path.Combine(AppContext.BaseDirectory, _overlay);
            input = input with { OverlayPath = overlayPath, OverlayText = await File.ReadAllTextAsync(overlayPath) };
        }

        Server = await global::Codegen.ContractServer.ContractServer.StartAsync(new ContractServerOptions { Input = input });
        Http.BaseAddress = Server.BaseAddress;
        Rules = new CodegenSchemaDocument(CodegenJson.Parse(Server.Contract.Rules.Document), Enum.Parse<CodegenSchemaDialect>(Server.Contract.Rules.Dialect));
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }

    public OperationSpec Operation(string method, string path) => Server.Contract.Operations.Single(o => o.Method == method && o.Path == path);

    /// <summary>The schema of an operation's response of a status and kind, as the model names it.</summary>
    internal CodegenSchema ResponseSchema(string method, string path, string status = "200", BodyKind kind = BodyKind.Json) =>
        Rules.Get(Operation(method, path).Responses.First(r => r.Status == status && r.Kind == kind).SchemaPointer!);

    internal static IReadOnlyList<string> Violations(CodegenSchema schema, string json) =>
        [.. CodegenSchemaEvaluator.Validate(schema, CodegenJson.Parse(json)).Select(v => v.ToString())];

    public Task<HttpResponseMessage> PostAsync(string path, string json, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return Http.SendAsync(request);
    }

    /// <summary>The <c>data:</c> payloads of a server-sent event stream, in order, the terminator included.</summary>
    public static List<string> Events(string body) =>
        [.. body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(e => e.Trim()).Where(e => e.StartsWith("data: ", StringComparison.Ordinal)).Select(e => e["data: ".Length..])];

    public static JsonNode Json(string text) => JsonNode.Parse(text)!;

    public static MediaTypeHeaderValue? ContentType(HttpResponseMessage response) => response.Content.Headers.ContentType;
}

/// <summary>The whole OpenAI API (OpenAPI 3.1, YAML), as it is.</summary>
public sealed class OpenAiServer() : ServedDocument(Document)
{
    public const string Document = "openai-openapi/openapi.yaml";
}

/// <summary>ModelsLab's own document (OpenAPI 3.1, JSON), with the overlay that declares its stream.</summary>
public sealed class ModelsLabServer() : ServedDocument(Document, "modelslab-streaming.overlay.yaml")
{
    public const string Document = "modelslab-uncensored-chat/openapi.json";
}

/// <summary>One server for OpenAI's document, shared by every class that calls it.</summary>
[CollectionDefinition(Name)]
public sealed class OpenAiCollection : ICollectionFixture<OpenAiServer>
{
    public const string Name = "openai-openapi";
}
