using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Codegen.Contracts.Model;
using Codegen.Runtime;

namespace Codegen.ContractServer;

/// <summary>
/// The operations of a JSON Schema contract (its <c>x-codegen</c> block): a JSON object in, a deterministic
/// completion out, shaped by the response definition, or streamed token by token when the request's stream flag is set.
/// </summary>
public sealed partial class ContractServer
{
    private const int MaxRequestBytes = 1024 * 1024;

    private async Task AnswerCompletionAsync(HttpContext http, ServedContract served, OperationSpec operation, Fault fault)
    {
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
        var id = "cmpl-" + completion.Text.GetHashCode(StringComparison.Ordinal).ToString("x8", CultureInfo.InvariantCulture);
        if (IsStreaming(operation, body))
        {
            var chunkShaper = new ResponseShaper(served.Rules.Get(operation.Stream!.EventSchemaPointer!));
            var events = completion.Tokens.Select((token, i) =>
            {
                var last = i == completion.Tokens.Count - 1;
                return chunkShaper.Build(completion, token, last ? completion.FinishReason : null, withUsage: last, model, id).ToJsonString();
            }).ToList();
            await StreamEventsAsync(http, events, operation.Stream.DoneSentinel, fault);
            return;
        }

        var shaper = new ResponseShaper(served.Rules.Get(operation.Success!.SchemaPointer!));
        var response = shaper.Build(completion, completion.Text, completion.FinishReason, withUsage: true, model, id);
        await WriteBodyAsync(http, JsonSerializer.SerializeToUtf8Bytes(response, JsonContext.Default.JsonObject), "application/json", fault);
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

        if (verdict.Violations.Count > 0)
        {
            await ViolationsAsync(http, verdict.Violations);
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
}
