using System.Text.Json;
using System.Text.Json.Nodes;
using Codegen.Contracts.Model;
using Codegen.Contracts.Parsing;
using NJsonSchema;

namespace Codegen.ContractServer;

/// <summary>
/// Everything the server answers from, read from one contract text: the model, the schema requests are
/// validated against, and each definition's <c>examples</c>. Immutable, so that a reload swaps it whole.
/// </summary>
internal sealed class ServedContract
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private ServedContract(ContractSpec contract, JsonSchema schema, IReadOnlyDictionary<string, IReadOnlyList<JsonNode?>> examples)
    {
        Contract = contract;
        Schema = schema;
        Examples = examples;
    }

    public ContractSpec Contract { get; }

    public JsonSchema Schema { get; }

    /// <summary>The <c>examples</c> array of each definition that has one, by definition name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<JsonNode?>> Examples { get; }

    /// <summary>The contract to serve, or null (with the reasons) when the text gives no model to serve.</summary>
    public static async Task<(ServedContract? Served, EquatableArray<ContractDiagnostic> Diagnostics)> LoadAsync(string path, string text, CancellationToken cancellationToken)
    {
        var parsed = ContractParser.Parse(path, text, cancellationToken);
        if (parsed.Contract is null)
        {
            return (null, parsed.Diagnostics);
        }

        var schema = await JsonSchema.FromJsonAsync(text, cancellationToken);
        return (new ServedContract(parsed.Contract, schema, ReadExamples(text)), parsed.Diagnostics);
    }

    private static Dictionary<string, IReadOnlyList<JsonNode?>> ReadExamples(string text)
    {
        var examples = new Dictionary<string, IReadOnlyList<JsonNode?>>(StringComparer.Ordinal);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: DocumentOptions);
        }
        catch (JsonException)
        {
            // The contract's own parser accepted it; a text System.Text.Json reads differently just has no examples.
            return examples;
        }

        foreach (var key in new[] { "definitions", "$defs" })
        {
            if (root?[key] is not JsonObject definitions)
            {
                continue;
            }

            foreach (var (name, definition) in definitions)
            {
                if (definition is JsonObject schema && schema["examples"] is JsonArray values && !examples.ContainsKey(name))
                {
                    examples[name] = values.ToList();
                }
            }
        }

        return examples;
    }
}
