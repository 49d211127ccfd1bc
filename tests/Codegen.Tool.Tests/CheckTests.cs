using System.Text.Json.Nodes;
using Codegen.Generator.Tests;
using Microsoft.CodeAnalysis;

namespace Codegen.Tool.Tests;

/// <summary>
/// <c>codegen check</c> reports exactly what the source generator reports for the same files: ids,
/// severities, messages, lines and columns, on the broken contracts the generator's tests use.
/// </summary>
public class CheckTests
{
    private const string Header = """
        {
          "x-codegen": { "namespace": "Wild.Diagnostics", "prefix": "Diag" },
          "definitions": {
        """;

    /// <summary>Every broken contract of the generator's location tests, whole.</summary>
    public static TheoryData<string> BrokenContracts()
    {
        var data = new TheoryData<string>();
        foreach (var row in DiagnosticLocationTests.Cases)
        {
            data.Add(Header + "\n    " + ((string)row[1]).Trim() + "\n    }\n  }\n");
        }

        // Malformed JSON, a malformed extension, a keyword without effect, no extension: more of the generator tests' inputs.
        data.Add("{ \"a\": 1 \"b\": 2 }");
        data.Add("{\n  \"title\": \"unterminated\n}");
        data.Add("{\n  \"title\": \"a\",\n  \"title\": \"b\"\n}");
        data.Add("""{ "x-codegen": { "namespace": "1bad", "prefix": "P" } }""");
        data.Add("""{ "x-codegen": { "namespace": "Ok.Name", "prefix": "P", "colour": "red" } }""");
        data.Add("""{ "x-codegen": { "namespace": "W", "prefix": "D" }, "$defs": { "A": { "type": "object", "properties": { "b": { "type": "string", "nullable": true } } } } }""");
        data.Add("""{ "definitions": { "A": { "type": "object", "properties": { "b": { "type": "string" } } } } }""");
        data.Add(string.Empty);
        return data;
    }

    [Theory]
    [MemberData(nameof(BrokenContracts))]
    public async Task ReportsWhatTheGeneratorReports(string text)
    {
        using var folder = new TempFolder();
        var path = folder.Write("broken.schema.json", text);

        var run = await Tool.RunAsync("check", path, "--format", "json");

        var expected = Expected(GeneratorHarness.Run(new ContractInput(path, text)).GeneratorDiagnostics);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Reported(run));
        var errors = expected.Count(d => d.Severity == "error");
        Assert.Equal(errors > 0 ? 1 : 0, run.ExitCode);
    }

    [Fact]
    public async Task ClashesBetweenContractsAreTheGeneratorsToo()
    {
        using var folder = new TempFolder();
        static string Contract(string prefix) => $$"""
            {
              "x-codegen": { "namespace": "Acme.Shared", "prefix": "{{prefix}}" },
              "definitions": { "Thing": { "type": "object", "properties": { "name": { "type": "string" } } } }
            }
            """;
        var one = folder.Write("one.schema.json", Contract("First"));
        var two = folder.Write("two.schema.json", Contract("Second"));
        var three = folder.Write("b/one.schema.json", Contract("First"));

        var run = await Tool.RunAsync("check", three, two, one, "--format", "json");

        var generator = GeneratorHarness.Run([new ContractInput(one, File.ReadAllText(one)), new ContractInput(two, File.ReadAllText(two)), new ContractInput(three, File.ReadAllText(three))]);
        var expected = Expected(generator.GeneratorDiagnostics);
        Assert.Equal(2, expected.Count(d => d.Id == "CG0011"));
        Assert.Equal(expected, Reported(run));
        Assert.Equal(1, run.ExitCode);
        var contracts = JsonNode.Parse(run.Output)!["contracts"]!.AsArray();
        // The path that sorts first (b/one) keeps its names, as in a build.
        Assert.Equal([false, false, true], Generated(contracts, one, two, three));
    }

    [Fact]
    public async Task CleanContractExitsZeroAndSaysSo()
    {
        var run = await Tool.RunAsync("check", GeneratorHarness.ModelsLabContractPath);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("1 contract checked: 0 errors, 0 warnings, 0 messages.", run.Output.Trim());
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task TextLinesAreMsBuildStyleAndOneBased()
    {
        using var folder = new TempFolder();
        var text = Header + "\n    \"A\": { \"type\": \"object\", \"properties\": { \"n\": { \"type\": \"integer\", \"minimum\": 9, \"maximum\": 1 } } }\n    }\n  }\n";
        var path = folder.Write("bounds.schema.json", text);

        var run = await Tool.RunAsync("check", path);

        var offset = text.IndexOf("\"minimum\"", StringComparison.Ordinal);
        var line = text[..offset].Count(c => c == '\n') + 1;
        var column = offset - text.LastIndexOf('\n', offset);
        Assert.StartsWith($"{path}({line},{column}): error CG0008: ", run.Output.Split('\n')[0]);
        Assert.Contains("1 error, 0 warnings", run.Output);
        Assert.DoesNotContain('\u001b', run.Output);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task WarningsPassUnlessWarnAsError()
    {
        using var folder = new TempFolder();
        var path = folder.Write("collision.schema.json", """{ "x-codegen": { "namespace": "W", "prefix": "D" }, "definitions": { "foo-bar": { "type": "object", "properties": { "b": { "type": "string" } } }, "foo_bar": { "type": "object", "properties": { "b": { "type": "string" } } } } }""");

        var lenient = await Tool.RunAsync("check", path);
        var strict = await Tool.RunAsync("check", path, "--warnaserror");

        Assert.Equal(0, lenient.ExitCode);
        Assert.Contains(": warning CG0007: ", lenient.Output);
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains(": error CG0007: ", strict.Output);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("check --format xml x.json")]
    [InlineData("check x.json --bogus")]
    [InlineData("generate x.json")]
    [InlineData("serve")]
    [InlineData("frobnicate")]
    [InlineData("")]
    public async Task UsageErrorsExitTwoWithAPointerToHelp(string commandLine)
    {
        var run = await Tool.RunAsync(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--help' for usage and examples.", run.Error);
        run.AssertNoStackTrace();
    }

    [Fact]
    public async Task ReportGoesToAFileWhenAsked()
    {
        using var folder = new TempFolder();
        var report = Path.Combine(folder.Path, "out", "codegen.sarif");

        var run = await Tool.RunAsync("check", GeneratorHarness.ModelsLabContractPath, "--format", "sarif", "--output", report);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("2.1.0", (string?)JsonNode.Parse(File.ReadAllText(report))!["version"]);
        Assert.Contains("Report written to " + report, run.Output);
    }

    private static bool[] Generated(JsonArray contracts, params string[] paths) =>
        paths.Select(p => (bool)contracts.Single(c => (string)c!["path"]! == p)!["generated"]!).ToArray();

    /// <summary>The generator's diagnostics in the tool's terms: one-based positions, lower-case severity.</summary>
    private static List<Reported> Expected(IEnumerable<Diagnostic> diagnostics) => diagnostics
        .Select(d =>
        {
            var span = d.Location.GetLineSpan();
            var severity = d.Severity switch { DiagnosticSeverity.Error => "error", DiagnosticSeverity.Warning => "warning", _ => "info" };
            return new Reported(d.Id, severity, d.GetMessage(), span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, span.EndLinePosition.Line + 1, span.EndLinePosition.Character + 1, d.Descriptor.HelpLinkUri);
        })
        .Order()
        .ToList();

    private static List<Reported> Reported(ToolRun run) => JsonNode.Parse(run.Output)!["diagnostics"]!.AsArray()
        .Select(d => new Reported((string)d!["id"]!, (string)d["severity"]!, (string)d["message"]!, (string)d["path"]!, (int)d["line"]!, (int)d["column"]!, (int)d["endLine"]!, (int)d["endColumn"]!, (string)d["helpUri"]!))
        .Order()
        .ToList();
}

public sealed record Reported(string Id, string Severity, string Message, string Path, int Line, int Column, int EndLine, int EndColumn, string HelpUri) : IComparable<Reported>
{
    public int CompareTo(Reported? other) => string.CompareOrdinal(ToString(), other?.ToString());
}
