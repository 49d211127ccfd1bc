using System.Text.Json.Nodes;
using Codegen.Runtime;

namespace Codegen.ContractServer;

/// <summary>
/// Builds a response object that the contract's response schema accepts. It walks the schema (read by the rules
/// engine from the contract's rules document): properties with a known meaning in completion APIs (text, choices,
/// usage, finish_reason, model, ...) get the completion's values; any other required property gets a plain value of
/// its type.
/// </summary>
internal sealed class ResponseShaper(CodegenSchema responseSchema)
{
    private const long Created = 1_700_000_000;

    public JsonObject Build(CompletionText completion, string text, string? finishReason, bool withUsage, string model, string id) =>
        (JsonObject)Value(responseSchema, null, new Values(completion, text, finishReason, withUsage, model, id))!;

    private static JsonNode? Value(CodegenSchema schema, string? name, Values values)
    {
        schema = Actual(schema);
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

        if (schema.Const is { } constant)
        {
            return JsonNode.Parse(constant.ToString());
        }

        if (schema.Enum is { Count: > 0 } values1)
        {
            return JsonNode.Parse(values1.First(v => !v.IsNull).ToString());
        }

        var types = schema.Types;
        if ((types & CodegenSchemaTypes.Object) != 0 || schema.Properties.Count > 0)
        {
            var result = new JsonObject();
            foreach (var (propertyName, property) in schema.Properties)
            {
                var wanted = schema.Required.Contains(propertyName) || propertyName is "finish_reason" || (propertyName == "usage" && values.WithUsage);
                if (wanted)
                {
                    result[propertyName] = Value(property, propertyName, values);
                }
            }

            return result;
        }

        if ((types & CodegenSchemaTypes.Array) != 0)
        {
            return name == "choices" && schema.Items is { } item ? new JsonArray(Value(item, null, values)) : new JsonArray();
        }

        if ((types & CodegenSchemaTypes.String) != 0)
        {
            return string.Empty;
        }

        if ((types & (CodegenSchemaTypes.Integer | CodegenSchemaTypes.Number)) != 0)
        {
            return 0;
        }

        if ((types & CodegenSchemaTypes.Boolean) != 0)
        {
            return false;
        }

        return null;
    }

    /// <summary>What a schema stands for: references followed, and the first alternative of a union that is not just null.</summary>
    private static CodegenSchema Actual(CodegenSchema schema)
    {
        for (var hops = 0; hops < 32; hops++)
        {
            if (schema.ReferenceTarget is { } target)
            {
                schema = target;
                continue;
            }

            var alternatives = schema.AnyOf ?? schema.OneOf ?? schema.AllOf;
            if (alternatives is { Count: > 0 } && schema.Properties.Count == 0 && schema.Types == CodegenSchemaTypes.None)
            {
                schema = alternatives.FirstOrDefault(a => Actual(a).Types != CodegenSchemaTypes.Null) ?? alternatives[0];
                continue;
            }

            break;
        }

        return schema;
    }

    private sealed record Values(CompletionText Completion, string Text, string? FinishReason, bool WithUsage, string Model, string Id);
}
