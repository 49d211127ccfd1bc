using System.Text.Json;
using System.Text.Json.Nodes;
using Codegen.Runtime;

namespace Codegen.ContractServer;

/// <summary>What the server decides about a request body: the body to answer from, or why it is refused.</summary>
/// <param name="Body">The body as a JSON object, or null when it is refused.</param>
/// <param name="Problem">Why the body could not be read (not JSON, not an object), or null.</param>
/// <param name="Violations">How the body breaks the operation's schema, in the order the rules engine found them.</param>
internal sealed record RequestBodyVerdict(JsonObject? Body, string? Problem, IReadOnlyList<CodegenRuleViolation> Violations)
{
    public bool Accepted => Body is not null && Problem is null && Violations.Count == 0;
}

public sealed partial class ContractServer
{
    /// <summary>
    /// Reads a request body and validates it against the schema at <paramref name="schemaPointer"/> of the contract's
    /// rules (none: only JSON and an object are required). The one decision every request body of a JSON Schema contract
    /// goes through, also called by the conformance tests (tests/Codegen.Conformance.Tests), so that what they measure is
    /// what the server does. An OpenAPI document's bodies (any JSON value, forms, bytes) are read by <see cref="RequestReader"/>,
    /// which evaluates them with the same engine.
    /// </summary>
    internal static RequestBodyVerdict CheckRequestBody(CodegenSchemaDocument rules, string? schemaPointer, string text)
    {
        JsonObject? body;
        try
        {
            body = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException ex)
        {
            return new RequestBodyVerdict(null, "The request body is not valid JSON: " + ex.Message, []);
        }

        if (body is null)
        {
            return new RequestBodyVerdict(null, "The request body must be a JSON object.", []);
        }

        var violations = new List<CodegenRuleViolation>();
        if (schemaPointer is not null)
        {
            CodegenSchemaEvaluator.Validate(rules.Get(schemaPointer), CodegenJson.Parse(text), "$", violations);
        }

        return new RequestBodyVerdict(body, null, violations);
    }
}
