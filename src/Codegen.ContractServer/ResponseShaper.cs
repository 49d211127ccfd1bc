using System.Text.Json.Nodes;
using NJsonSchema;

namespace Codegen.ContractServer;

/// <summary>
/// Builds a response object that the contract's response definition accepts. It walks the schema:
/// properties with a known meaning in completion APIs (text, choices, usage, finish_reason, model, ...)
/// get the completion's values; any other required property gets a plain value of its type.
/// </summary>
internal sealed class ResponseShaper(JsonSchema responseSchema)
{
    private const long Created = 1_700_000_000;

    public JsonObject Build(CompletionText completion, string text, string? finishReason, bool withUsage, string model, string id) =>
        (JsonObject)Value(responseSchema, null, new Values(completion, text, finishReason, withUsage, model, id))!;

    private JsonNode? Value(JsonSchema schema, string? name, Values values)
    {
        schema = schema.ActualSchema;
        switch (name)
        {
            case "text": return values.Text;
            case "index": return 0;
            case "id": return values.Id;
            case "created": return Created;
            case "model": return values.Model;
            case "finish_reason": return values.FinishReason;
            case "prompt_tokens": return values.Completion.PromptTokens;
            case "completion_tokens": return values.Completion.CompletionTokens;
            case "total_tokens": return values.Completion.PromptTokens + values.Completion.CompletionTokens;
        }

        if (schema.Enumeration.Count > 0)
        {
            return JsonValue.Create(schema.Enumeration.First()?.ToString());
        }

        if (schema.Type.HasFlag(JsonObjectType.Object) || schema.ActualProperties.Count > 0)
        {
            var result = new JsonObject();
            foreach (var (propertyName, property) in schema.ActualProperties)
            {
                var wanted = property.IsRequired || propertyName is "finish_reason" || (propertyName == "usage" && values.WithUsage);
                if (wanted)
                {
                    result[propertyName] = Value(property, propertyName, values);
                }
            }

            return result;
        }

        if (schema.Type.HasFlag(JsonObjectType.Array))
        {
            return name == "choices" && schema.Item is { } item ? new JsonArray(Value(item, null, values)) : new JsonArray();
        }

        if (schema.Type.HasFlag(JsonObjectType.String))
        {
            return string.Empty;
        }

        if (schema.Type.HasFlag(JsonObjectType.Integer) || schema.Type.HasFlag(JsonObjectType.Number))
        {
            return 0;
        }

        if (schema.Type.HasFlag(JsonObjectType.Boolean))
        {
            return false;
        }

        return null;
    }

    private sealed record Values(CompletionText Completion, string Text, string? FinishReason, bool WithUsage, string Model, string Id);
}
