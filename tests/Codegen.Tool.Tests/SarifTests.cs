using System.Text.Json.Nodes;
using Codegen.Generator.Tests;
using NJsonSchema;

namespace Codegen.Tool.Tests;

/// <summary>
/// <c>--format sarif</c> against the SARIF 2.1.0 JSON schema that the SARIF SDK's package ships
/// (restored with the project, see the .csproj), and what a code-scanning service reads from it.
/// </summary>
public class SarifTests
{
    internal static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "sarif-2.1.0.json"))).GetAwaiter().GetResult());

    [Fact]
    public async Task LogWithResultsAndUnreadableContractsIsValidSarif()
    {
        using var folder = new TempFolder();
        var broken = folder.Write("with space/broken.schema.json", """
            {
              "x-codegen": { "namespace": "W", "prefix": "D" },
              "definitions": { "A": { "type": "object", "properties": { "n": { "type": "integer", "minimum": 9, "maximum": 1 } } } }
            }
            """);
        var defs = folder.Write("collision.schema.json", """{ "x-codegen": { "namespace": "V", "prefix": "E" }, "definitions": { "foo-bar": { "type": "object", "properties": { "b": { "type": "string" } } }, "foo_bar": { "type": "object", "properties": { "b": { "type": "string" } } } } }""");

        var run = await Tool.RunAsync("check", broken, defs, GeneratorHarness.ModelsLabContractPath, Path.Combine(folder.Path, "missing.json"), "--format", "sarif");

        Assert.Equal(1, run.ExitCode);
        AssertValid(run.Output);
        var sarif = JsonNode.Parse(run.Output)!;
        var runNode = sarif["runs"]![0]!;
        var results = runNode["results"]!.AsArray();
        Assert.Equal(["CG0007", "CG0008"], results.Select(r => (string)r!["ruleId"]!).Order().ToArray());
        var bounds = results.Single(r => (string)r!["ruleId"]! == "CG0008")!;
        Assert.Equal("error", (string)bounds["level"]!);
        var region = bounds["locations"]![0]!["physicalLocation"]!["region"]!;
        Assert.Equal(3, (int)region["startLine"]!);
        Assert.Equal(ExpectedColumn(File.ReadAllText(broken), "\"minimum\""), (int)region["startColumn"]!);
        var rules = runNode["tool"]!["driver"]!["rules"]!.AsArray();
        Assert.Equal("CG0008", (string)rules[(int)bounds["ruleIndex"]!]!["id"]!);
        Assert.EndsWith("docs/diagnostics/CG0008.md", (string)rules[(int)bounds["ruleIndex"]!]!["helpUri"]!);
        Assert.Equal("warning", (string)results.Single(r => (string)r!["ruleId"]! == "CG0007")!["level"]!);
        Assert.Contains("%20", (string)bounds["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!);
        var invocation = runNode["invocations"]![0]!;
        Assert.False((bool)invocation["executionSuccessful"]!);
        Assert.Contains("missing.json' does not exist", (string)invocation["toolExecutionNotifications"]![0]!["message"]!["text"]!);
    }

    [Fact]
    public async Task CleanLogIsValidSarifWithEveryRule()
    {
        var run = await Tool.RunAsync("check", GeneratorHarness.ModelsLabContractPath, "--format", "sarif");

        Assert.Equal(0, run.ExitCode);
        AssertValid(run.Output);
        var runNode = JsonNode.Parse(run.Output)!["runs"]![0]!;
        Assert.Empty(runNode["results"]!.AsArray());
        Assert.Equal(Codegen.Contracts.Diagnostics.ContractDiagnosticCatalog.All.Select(k => k.Id), runNode["tool"]!["driver"]!["rules"]!.AsArray().Select(r => (string)r!["id"]!));
    }

    [Fact]
    public void TheSchemaRejectsWhatIsNotSarif()
    {
        // The validation can fail: a log without its required "version" and with a bad level is refused.
        var errors = Schema.Value.Validate("""{ "runs": [ { "tool": { "driver": { "name": "x" } }, "results": [ { "level": "fatal", "message": { "text": "m" } } ] } ] }""");

        Assert.Contains(errors, e => e.Property == "version");
        Assert.Contains(errors, e => e.Path?.Contains("level", StringComparison.Ordinal) == true || e.ToString().Contains("level", StringComparison.Ordinal));
    }

    internal static void AssertValid(string sarif)
    {
        var errors = Schema.Value.Validate(sarif);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.ToString())));
    }

    private static int ExpectedColumn(string text, string token)
    {
        var offset = text.IndexOf(token, StringComparison.Ordinal);
        return offset - text.LastIndexOf('\n', offset);
    }
}
