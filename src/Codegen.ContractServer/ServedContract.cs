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
    }

    public ContractSpec Contract { get; }

    /// <summary>The contract's rules: requests are validated against them and responses shaped from them.</summary>
    public CodegenSchemaDocument Rules { get; }

    /// <summary>The examples of each type that has some, by the JSON pointer of its schema.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Examples { get; }

    /// <summary>The contract to serve, or null (with the reasons) when the text gives no model to serve.</summary>
    public static Task<(ServedContract? Served, EquatableArray<ContractDiagnostic> Diagnostics)> LoadAsync(string path, string text, CancellationToken cancellationToken)
    {
        var parsed = ContractParser.Parse(path, text, cancellationToken);
        return Task.FromResult(parsed.Contract is null ? ((ServedContract?)null, parsed.Diagnostics) : (new ServedContract(parsed.Contract), parsed.Diagnostics));
    }
}
