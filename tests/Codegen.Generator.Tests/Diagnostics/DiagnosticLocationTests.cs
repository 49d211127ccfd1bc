using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Codegen.Generator.Tests;

/// <summary>
/// Every contract problem is reported with its id, a help link, and the line and column of the
/// offending key in the schema (the expected position is found in the text, not hard-coded).
/// </summary>
public class DiagnosticLocationTests
{
    private const string Header = """
        {
          "x-codegen": { "namespace": "Wild.Diagnostics", "prefix": "Diag" },
          "definitions": {
        """;

    private const string Footer = """

          }
        }
        """;

    public static TheoryData<string, string, string> Cases => new()
    {
        // id, definitions body, the text whose first character the diagnostic must point at
        { "CG0005", """ "A": { "type": "object", "properties": { "b": { "$ref": "#/definitions/Nope" } } } """, "\"$ref\"" },
        { "CG0005", """ "A": { "type": "object", "properties": { "b": { "$ref": "other.json#/definitions/X" } } } """, "\"$ref\"" },
        { "CG0007", """ "foo-bar": { "type": "object", "properties": { "a": { "type": "string" } } }, "foo_bar": { "type": "object", "properties": { "a": { "type": "string" } } } """, "\"foo_bar\"" },
        { "CG0007", """ "A": { "type": "object", "properties": { "my-name": { "type": "string" }, "my_name": { "type": "string" } } } """, "\"my_name\"" },
        { "CG0008", """ "A": { "type": "object", "properties": { "n": { "type": "integer", "minimum": 9, "maximum": 1 } } } """, "\"minimum\"" },
        { "CG0008", """ "A": { "type": "object", "properties": { "s": { "type": "string", "minLength": 5, "maxLength": 2 } } } """, "\"minLength\"" },
        { "CG0008", """ "A": { "type": "object", "properties": { "l": { "type": "array", "items": { "type": "string" }, "minItems": 5, "maxItems": 2 } } } """, "\"minItems\"" },
        { "CG0009", """ "A": { "type": "object", "properties": { "n": { "type": "integer", "maximum": 10, "default": 50 } } } """, "\"default\"" },
        { "CG0009", """ "A": { "type": "object", "properties": { "n": { "type": "integer", "default": "ten" } } } """, "\"default\"" },
        { "CG0010", """ "A": { "type": "object", "unevaluatedProperties": false, "properties": { "s": { "type": "string" } } } """, "\"unevaluatedProperties\"" },
        { "CG0010", """ "A": { "type": "object", "properties": { "l": { "type": "array", "unevaluatedItems": false } } } """, "\"unevaluatedItems\"" },
        { "CG0020", """ "A": { "type": "object", "properties": { "b": { "$ref": "#/definitions/A", "maxLength": 5 } } } """, "\"maxLength\"" },
        { "CG0020", """ "A": { "type": "object", "properties": { "n": { "type": "integer", "nullable": true } } } """, "\"nullable\"" },
        { "CG0017", """ "A": { "properties": { "n": { "type": "integer" } } } """, "\"A\"" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReportsAtTheOffendingKey(string id, string definitions, string at)
    {
        var text = Header + "\n    " + definitions.Trim() + Footer;
        var run = GeneratorHarness.Run(text, "/contracts/diag.schema.json");

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == id);
        AssertAt(diagnostic, text, text.IndexOf(at, StringComparison.Ordinal));
        Assert.Equal(ContractGenerator.HelpLinkBase + id + ".md", diagnostic.Descriptor.HelpLinkUri);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CG0099");
    }

    [Fact]
    public void ALineBreakInsideAStringIsReportedWhereItIs()
    {
        const string text = "{\n  \"title\": \"unterminated\n}";
        var run = GeneratorHarness.Run(text);

        // JSON forbids a raw line break in a string: the parser stops at it, not at the end of the text.
        AssertAt(Assert.Single(run.GeneratorDiagnostics), text, text.IndexOf("unterminated", StringComparison.Ordinal) + "unterminated".Length, "CG0001");
        Assert.Contains("must be escaped", Assert.Single(run.GeneratorDiagnostics).GetMessage());
    }

    [Fact]
    public void DefsAreReadAsDefinitionsWithoutComplaint()
    {
        // $defs is 2020-12's name for definitions; a reference is a JSON pointer, so both read alike (CG0006 is retired).
        const string text = """
            {
              "x-codegen": { "namespace": "Wild.Diagnostics", "prefix": "Diag" },
              "$defs": { "A": { "type": "object", "properties": { "b": { "$ref": "#/$defs/A" } } } }
            }
            """;
        var run = GeneratorHarness.Run(text);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(run.Sources, s => s.HintName.EndsWith(".A.g.cs", StringComparison.Ordinal));
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Theory]
    [InlineData("{ \"a\": 1 \"b\": 2 }", "\"b\"")]
    [InlineData("{\n  \"definitions\": {\n    \"A\": { \"type\": \"object\" \n  }", "\n  }")]
    [InlineData("{ \"a\": 1 } trailing", "trailing")]
    [InlineData("{\n  \"title\": \"a\",\n  \"title\": \"b\"\n}", "\n  \"title\": \"b\"")]
    public void MalformedJsonIsReportedWhereTheParserStopped(string text, string near)
    {
        var run = GeneratorHarness.Run(text);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CG0001", diagnostic.Id);
        var expected = Position(text, text.IndexOf(near, StringComparison.Ordinal) + (near.StartsWith('\n') ? 1 : 0));
        Assert.Equal(expected.Line, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        if (!near.StartsWith('\n'))
        {
            Assert.Equal(expected.Character, diagnostic.Location.GetLineSpan().StartLinePosition.Character);
        }

        Assert.Contains("not valid JSON", diagnostic.GetMessage());
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void MissingExtensionIsInfoAtTheRootObject()
    {
        var run = GeneratorHarness.Run("""{ "definitions": { "A": { "type": "object", "properties": { "b": { "type": "string" } } } } }""");

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("CG0003", DiagnosticSeverity.Info), (diagnostic.Id, diagnostic.Severity));
        Assert.Equal(new LinePosition(0, 0), diagnostic.Location.GetLineSpan().StartLinePosition);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Theory]
    [InlineData("""{ "x-codegen": { "namespace": "1bad", "prefix": "P" } }""", "\"namespace\"")]
    [InlineData("""{ "x-codegen": 5 }""", "\"x-codegen\"")]
    [InlineData("""{ "x-codegen": { "namespace": "Ok.Name", "prefix": "P", "colour": "red" } }""", "\"colour\"")]
    public void MalformedExtensionIsReportedAtItsKey(string text, string at)
    {
        var run = GeneratorHarness.Run(text);

        AssertAt(Assert.Single(run.GeneratorDiagnostics), text, text.IndexOf(at, StringComparison.Ordinal), "CG0004");
    }

    [Fact]
    public void UnsupportedConstructStillEmitsTheRestWithAFallbackType()
    {
        const string text = """
            {
              "x-codegen": { "namespace": "Wild.Diagnostics", "prefix": "Diag" },
              "definitions": {
                "A": { "type": "object", "unevaluatedProperties": false, "properties": { "t": { "type": "array", "items": [ { "type": "string" } ] }, "name": { "type": "string" } } }
              }
            }
            """;
        var run = GeneratorHarness.Run(text);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(("CG0010", DiagnosticSeverity.Warning), (diagnostic.Id, diagnostic.Severity));
        Assert.Contains("'unevaluatedProperties' is not supported", diagnostic.GetMessage());

        // A tuple is an array of JSON values (its items differ by position); its rules are checked all the same.
        var a = run.Sources.Single(s => s.HintName.EndsWith(".A.g.cs")).SourceText.ToString();
        Assert.Contains("IReadOnlyList<global::System.Text.Json.JsonElement?>? T", a);
        Assert.Contains("string? Name", a);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void EveryIdHasAHelpPageAndARelease()
    {
        var releases = File.ReadAllText(Path.Combine(GeneratorHarness.RepoRoot, "src", "Codegen.Generator", "AnalyzerReleases.Unshipped.md"));
        foreach (var kind in Codegen.Contracts.Diagnostics.ContractDiagnosticIds.All)
        {
            Assert.True(File.Exists(Path.Combine(GeneratorHarness.RepoRoot, "docs", "diagnostics", kind.Id + ".md")), kind.Id);
            Assert.Contains($"{kind.Id} | Contract | {kind.Severity} |", releases);
        }
    }

    private static void AssertAt(Diagnostic diagnostic, string text, int offset, string? id = null)
    {
        Assert.True(offset >= 0);
        if (id is not null)
        {
            Assert.Equal(id, diagnostic.Id);
        }

        Assert.Equal(Position(text, offset), diagnostic.Location.GetLineSpan().StartLinePosition);
        Assert.False(string.IsNullOrWhiteSpace(diagnostic.GetMessage()));
    }

    private static LinePosition Position(string text, int offset)
    {
        var before = text.Substring(0, offset);
        var line = before.Count(c => c == '\n');
        return new LinePosition(line, offset - (before.LastIndexOf('\n') + 1));
    }
}
