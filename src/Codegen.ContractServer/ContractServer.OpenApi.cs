using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Codegen.Contracts.Model;
using Codegen.Runtime;

namespace Codegen.ContractServer;

/// <summary>
/// The operations of an OpenAPI document. After the request's parameters and body pass the rules engine, the answer
/// has the status the operation documents first among its 2XX responses (or the one <c>Prefer: code=</c> names),
/// and its body is the media type's documented example, else the response schema's own example, else a value
/// synthesised from the schema (<see cref="ResponseSynthesizer"/>; <c>Prefer: dynamic=true</c> asks for it even
/// when there are examples). An operation that offers <c>text/event-stream</c> streams when the request's stream flag
/// is set (or, without a flag, when the client accepts only events): one event per token for completion APIs, one
/// synthesised event otherwise, then the terminator.
/// </summary>
public sealed partial class ContractServer
{
    private async Task AnswerOpenApiAsync(HttpContext http, ServedContract served, RouteMatch match, Fault fault)
    {
        var operation = match.Operation!;
        var request = await RequestReader.ReadAsync(http, served.Rules, operation, match.PathValues);
        if (request.Refusal is { } refusal)
        {
            await ErrorAsync(http, refusal.Status, refusal.Message, "invalid_request_error", null);
            return;
        }

        if (request.Violations.Count > 0)
        {
            await ViolationsAsync(http, request.Violations);
            return;
        }

        var preferences = Preferences.Read(http.Request);
        var status = preferences.Code ?? DocumentedStatus(operation);
        var candidates = Candidates(operation, status);
        if (candidates.Count == 0 || !int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code is < 100 or > 599)
        {
            var documented = string.Join(", ", operation.Responses.Select(r => r.Status).Distinct());
            await ProblemAsync(http, $"Requested status code {status} is not defined in the document: {operation.Method} {operation.Path} answers {documented}.");
            return;
        }

        var applied = new List<string>();
        if (preferences.Code is not null)
        {
            applied.Add("code=" + status);
        }

        var streaming = operation.Stream is not null && Streams(operation, request, http.Request, candidates);
        var response = streaming
            ? candidates.First(r => r.Kind == BodyKind.EventStream)
            : candidates.FirstOrDefault(r => r.Kind != BodyKind.EventStream) ?? candidates[0];
        string? example = null;
        if (preferences.Example is { } wanted)
        {
            example = FindExample(served, response, wanted);
            if (example is null)
            {
                var names = response.Examples.Select((e, i) => e.Name.Length == 0 ? i.ToString(CultureInfo.InvariantCulture) : e.Name)
                    .Concat(served.ExamplesOf(response.SchemaPointer).Select((_, i) => i.ToString(CultureInfo.InvariantCulture))).Distinct().ToList();
                var known = names.Count == 0 ? "it has no examples" : "its examples are " + string.Join(", ", names);
                await ProblemAsync(http, $"Response for example '{wanted}' does not exist: {status} {response.MediaType ?? "(no body)"} answers {operation.Method} {operation.Path}, and {known}.");
                return;
            }

            applied.Add("example=" + wanted);
        }
        else if (preferences.Dynamic)
        {
            applied.Add("dynamic=true");
        }
        else
        {
            example = response.Examples.Count > 0 ? response.Examples[0].Json : served.ExamplesOf(response.SchemaPointer).FirstOrDefault();
        }

        if (applied.Count > 0)
        {
            http.Response.Headers["Preference-Applied"] = string.Join(", ", applied);
        }

        http.Response.StatusCode = code;
        var hints = Hints(served, operation, request, match);
        if (streaming)
        {
            var events = example is not null ? [example] : Events(served, operation, response, hints);
            await StreamEventsAsync(http, events, operation.Stream!.DoneSentinel, fault);
            return;
        }

        var hintsWhole = hints.Completion is { } completion
            ? hints with { Text = completion.Text, FinishReason = completion.FinishReason, CompletionTokens = completion.CompletionTokens, WithUsage = true }
            : hints;
        switch (response.Kind)
        {
            case BodyKind.None:
                http.Response.ContentLength = 0;
                return;
            case BodyKind.Binary:
                await WriteBodyAsync(http, Bytes(hints.Seed), Concrete(response.MediaType, "application/octet-stream"), fault with { Malformed = false });
                return;
            case BodyKind.Text:
                var text = example is not null && CodegenJson.Parse(example) is { Kind: CodegenJsonKind.String } value ? value.StringValue
                    : example ?? (hints.Completion?.Text ?? Synthesize(served, response.SchemaPointer, hintsWhole).ToString());
                await WriteBodyAsync(http, Encoding.UTF8.GetBytes(text), Concrete(response.MediaType, "text/plain"), fault with { Malformed = false });
                return;
            default:
                var json = example ?? Synthesize(served, response.SchemaPointer, hintsWhole).ToString();
                await WriteBodyAsync(http, Encoding.UTF8.GetBytes(json), Concrete(response.MediaType, "application/json"), fault);
                return;
        }
    }

    /// <summary>The status an operation answers when nothing else is asked: its first 2XX response (<c>2XX</c> is 200), else 200.</summary>
    private static string DocumentedStatus(OperationSpec operation)
    {
        var success = operation.Responses.FirstOrDefault(r => r.Status[0] == '2');
        return success is null || !char.IsDigit(success.Status[1]) ? "200" : success.Status;
    }

    /// <summary>The responses documented for a status: exact ones, else its range (<c>4XX</c>), else <c>default</c>.</summary>
    private static List<ResponseSpec> Candidates(OperationSpec operation, string status)
    {
        var exact = operation.Responses.Where(r => r.Status == status).ToList();
        if (exact.Count > 0)
        {
            return exact;
        }

        var range = operation.Responses.Where(r => r.Status.Length == 3 && r.Status[0] == status[0] && r.Status[1..].Equals("XX", StringComparison.OrdinalIgnoreCase)).ToList();
        return range.Count > 0 ? range : [.. operation.Responses.Where(r => r.Status == "default")];
    }

    /// <summary>Whether to answer with events: the request's stream flag, or without one, a client that accepts events and not JSON.</summary>
    private static bool Streams(OperationSpec operation, ServedRequest request, HttpRequest http, List<ResponseSpec> candidates)
    {
        if (!candidates.Exists(r => r.Kind == BodyKind.EventStream))
        {
            return false;
        }

        if (operation.Stream!.FlagJsonName is { } flag)
        {
            return request.Body?[flag] is JsonValue value && value.TryGetValue<bool>(out var on) && on;
        }

        var accept = http.Headers.Accept.ToString();
        return !candidates.Exists(r => r.Kind != BodyKind.EventStream) || (accept.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase) && !accept.Contains("json", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A documented example by name (or by position: 0 is the first), of the media type or of its schema.</summary>
    private static string? FindExample(ServedContract served, ResponseSpec response, string wanted)
    {
        if (response.Examples.FirstOrDefault(e => e.Name.Length > 0 && e.Name == wanted) is { } named)
        {
            return named.Json;
        }

        if (!int.TryParse(wanted, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return null;
        }

        var all = response.Examples.Select(e => e.Json).Concat(served.ExamplesOf(response.SchemaPointer)).ToList();
        return index < all.Count ? all[index] : null;
    }

    /// <summary>What a synthesised answer to this request fills in: its seed, id and model, and for completion APIs the completion.</summary>
    private static SynthesisHints Hints(ServedContract served, OperationSpec operation, ServedRequest request, RouteMatch match)
    {
        var seed = request.Identity;
        // Retrieving something by its id (GET /models/{model}) answers with that id.
        var id = operation.Method == "GET" && operation.Parameters.LastOrDefault(p => p.Location == ParameterLocation.Path) is { } last && match.PathValues.TryGetValue(last.Name, out var value)
            ? value
            : "id_" + SynthesisHints.Fnv(seed).ToString("x8", CultureInfo.InvariantCulture);
        var body = request.Body;
        var model = body?["model"] is JsonValue m && m.TryGetValue<string>(out var name) ? name : null;
        var isCompletion = body is not null && (body.ContainsKey("prompt") || body.ContainsKey("messages"));
        var dimensions = body?["dimensions"] is JsonValue d && d.TryGetValue<int>(out var n) && n is > 0 and <= 4096 ? n : 8;
        var base64 = body?["encoding_format"] is JsonValue format && format.TryGetValue<string>(out var encoding) && encoding == "base64";
        var hints = new SynthesisHints(seed, id) { Model = model, Dimensions = dimensions, Base64Embeddings = base64, EmbeddingSeed = model + "|" + body?["input"]?.ToJsonString() };
        if (body is null || !(isCompletion || body.ContainsKey("input")))
        {
            return hints;
        }

        var completion = CompletionText.For(body, DefaultMaxTokens(served.Rules, operation));
        // Embeddings count the input's tokens and write no text.
        return isCompletion ? hints with { Completion = completion } : hints with { Completion = completion with { Tokens = [] } };
    }

    /// <summary>The events of a stream: one per token of a completion (the last with the finish reason and usage), else one.</summary>
    private static List<string> Events(ServedContract served, OperationSpec operation, ResponseSpec response, SynthesisHints hints)
    {
        var pointer = response.SchemaPointer ?? operation.Stream!.EventSchemaPointer;
        if (hints.Completion is not { Tokens.Count: > 0 } completion)
        {
            return [Synthesize(served, pointer, hints).ToString()];
        }

        return [.. completion.Tokens.Select((token, i) =>
        {
            var last = i == completion.Tokens.Count - 1;
            return Synthesize(served, pointer, hints with
            {
                Text = token,
                FinishReason = last ? completion.FinishReason : null,
                CompletionTokens = completion.CompletionTokens,
                WithUsage = last,
            }).ToString();
        })];
    }

    private static CodegenJson Synthesize(ServedContract served, string? pointer, SynthesisHints hints) =>
        pointer is not null && served.Rules.TryGet(pointer, out var schema)
            ? new ResponseSynthesizer(served.Formats, hints).Build(schema)
            : CodegenJson.CreateObject([]);

    /// <summary>A documented media type to answer with: a range such as <c>audio/*</c> becomes the fallback.</summary>
    private static string Concrete(string? mediaType, string fallback) => mediaType is null || mediaType.Contains('*') ? fallback : mediaType;

    /// <summary>Bytes for a binary answer, the same for the same request.</summary>
    private static byte[] Bytes(string seed) => [.. Enumerable.Range(0, 64).Select(i => (byte)SynthesisHints.Fnv(seed + "#" + i.ToString(CultureInfo.InvariantCulture)))];
}
