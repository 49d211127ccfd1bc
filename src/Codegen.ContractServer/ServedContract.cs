using Codegen.Contracts.Model;
using Codegen.Contracts.Reading;
using Codegen.Runtime;

namespace Codegen.ContractServer;

/// <summary>
/// Everything the server answers from, read once from one contract text: the model, its rules (read by the rules
/// engine, as the generated code reads them) and the examples of its types. Immutable, so that a reload swaps it whole.
/// </summary>
internal sealed class ServedContract
{
    private ServedContract(ContractSpec contract)
    {
        Contract = contract;
        Rules = new CodegenSchemaDocument(CodegenJson.Parse(contract.Rules.Document), Enum.Parse<CodegenSchemaDialect>(contract.Rules.Dialect));
        var examples = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var type in contract.Types)
        {
            if (type.Examples.Count > 0)
            {
                examples[type.SchemaPointer] = type.Examples;
            }
        }

        Examples = examples;
        var formats = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in contract.Types.OfType<ObjectTypeSpec>().SelectMany(t => t.Properties))
        {
            if (property.Format is { } format)
            {
                formats[property.SchemaPointer] = format;
            }
        }

        Formats = formats;
        Router = new OperationRouter(contract);
    }

    public ContractSpec Contract { get; }

    /// <summary>The contract's rules: requests are validated against them and responses shaped from them.</summary>
    public CodegenSchemaDocument Rules { get; }

    /// <summary>The examples of each type that has some, by the JSON pointer of its schema.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Examples { get; }

    /// <summary>The <c>format</c> of each property schema that has one, by the JSON pointer of its schema.</summary>
    public IReadOnlyDictionary<string, string> Formats { get; }

    /// <summary>Finds the operation a request names.</summary>
    public OperationRouter Router { get; }

    /// <summary>The examples of the type a schema is, or refers to (a response's <c>$ref</c> to a component schema).</summary>
    public IReadOnlyList<string> ExamplesOf(string? pointer)
    {
        for (var hops = 0; hops < 16 && pointer is not null; hops++)
        {
            if (Examples.TryGetValue(pointer, out var examples))
            {
                return examples;
            }

            pointer = Rules.TryGet(pointer, out var schema) ? schema.ReferenceTarget?.Pointer : null;
        }

        return [];
    }

    /// <summary>The contract to serve, or null (with the reasons) when the text gives no model to serve.</summary>
    public static Task<(ServedContract? Served, EquatableArray<ContractDiagnostic> Diagnostics)> LoadAsync(ContractInput input, CancellationToken cancellationToken)
    {
        var parsed = ContractParser.Parse(input, cancellationToken);
        return Task.FromResult(parsed.Contract is null ? ((ServedContract?)null, parsed.Diagnostics) : (new ServedContract(parsed.Contract), parsed.Diagnostics));
    }
}
