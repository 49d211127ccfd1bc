using System.Globalization;
using System.Text;
using Codegen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Codegen.Benchmarks.Generator;

/// <summary>
/// Runs <see cref="ContractGenerator"/> in memory the way the compiler does (step tracking off), over .NET 10
/// reference assemblies; through the harness the tests use (tests/Codegen.Testing).
/// </summary>
public static class GeneratorHost
{
    public static readonly CSharpParseOptions ParseOptions = GeneratorHarness.ParseOptions;

    public const string ContractPath = "/contracts/bench.schema.json";

    public static string ModelsLabContract() => File.ReadAllText(RepoPaths.ModelsLabContract);

    /// <summary>The user's code: one file that uses nothing generated, so that an edit to it is unrelated.</summary>
    public static SyntaxTree UserFile(int revision) =>
        CSharpSyntaxTree.ParseText($"namespace User; public static class Unrelated {{ public static int Revision => {revision}; }}", ParseOptions, path: "Unrelated.cs");

    public static CSharpCompilation Compilation(params SyntaxTree[] trees) => GeneratorHarness.CreateCompilation().AddSyntaxTrees(trees);

    public static GeneratorDriver Driver(AdditionalText contract) => Driver(contract, new Dictionary<string, string>());

    /// <summary>A driver over one contract with item metadata (as the package's targets write it: <c>CodegenOperations</c>, ...).</summary>
    public static GeneratorDriver Driver(AdditionalText contract, IReadOnlyDictionary<string, string> metadata) =>
        GeneratorHarness.CreateDriver([(contract, GeneratorHarness.ContractMetadata(metadata))], trackSteps: false);

    /// <summary>The ModelsLab contract with <c>max_tokens</c>' maximum (44000) set to <paramref name="maximum"/>: the edit the guard's figures use.</summary>
    public static string WithMaxTokensMaximum(string contract, int maximum) =>
        contract.Replace("\"maximum\": 44000", "\"maximum\": " + maximum.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>The baseline of the contract at <see cref="ContractPath"/>, holding <paramref name="shippedText"/>.</summary>
    public static AdditionalText Baseline(string shippedText) => Text(Codegen.Contracts.Evolution.ContractBaseline.PathFor(ContractPath), shippedText);

    /// <summary>A driver over one contract and, when given, its baseline (marked as the package's targets mark it).</summary>
    public static GeneratorDriver GuardedDriver(AdditionalText contract, AdditionalText? baseline)
    {
        var files = new List<(AdditionalText, IReadOnlyDictionary<string, string>)> { (contract, GeneratorHarness.ContractMetadata()) };
        if (baseline is not null)
        {
            files.Add((baseline, GeneratorHarness.BaselineMetadata));
        }

        return GeneratorHarness.CreateDriver(files, trackSteps: false);
    }

    /// <summary>A file of the shared real-world contracts beside the repository (../shared/contracts).</summary>
    public static string SharedContract(string relativePath) =>
        File.ReadAllText(RepoPaths.SharedContract(relativePath));

    public static AdditionalText Text(string contractText) => Text(ContractPath, contractText);

    public static AdditionalText Text(string path, string contractText) => new GeneratorHarness.InMemoryAdditionalText(path, contractText);

    /// <summary>
    /// A contract of <paramref name="definitions"/> object definitions of eight properties each: strings, bounded
    /// numbers, an enum, a nullable, an array with a bound and a <c>$ref</c> to the next definition.
    /// </summary>
    public static string SyntheticContract(int definitions)
    {
        var json = new StringBuilder();
        json.Append(CultureInfo.InvariantCulture, $$"""
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "title": "Synthetic {{definitions}}",
              "x-codegen": { "namespace": "Synthetic.N{{definitions}}", "prefix": "Synth" },
              "definitions": {
            """);
        for (var i = 0; i < definitions; i++)
        {
            var next = (i + 1) % definitions;
            json.Append(CultureInfo.InvariantCulture, $$"""
                    "Item{{i}}": {
                      "type": "object",
                      "description": "Definition {{i}}.",
                      "required": ["id", "count"],
                      "properties": {
                        "id": { "type": "string", "minLength": 1, "maxLength": 64, "description": "Identifier." },
                        "count": { "type": "integer", "minimum": 0, "maximum": 1000, "default": 1 },
                        "ratio": { "type": "number", "minimum": 0, "maximum": 1 },
                        "kind": { "type": "string", "enum": ["alpha", "beta", "gamma"] },
                        "note": { "type": ["string", "null"] },
                        "tags": { "type": "array", "items": { "type": "string" }, "maxItems": 10 },
                        "created": { "type": "integer", "format": "int64" },
                        "next": { "$ref": "#/definitions/Item{{next}}" }
                      }
                    }{{(i + 1 < definitions ? "," : "")}}

                """);
        }

        json.Append("  }\n}\n");
        return json.ToString();
    }
}
