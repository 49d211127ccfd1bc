using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;

namespace Codegen.Generator.Tests;

/// <summary>
/// Contracts nobody on the project would write: hostile text, awkward names, unusual shapes.
/// Each must give valid, warning-free C# that keeps the JSON names on the wire.
/// </summary>
public class HostileContractTests
{
    /// <summary>Text that tries to close every context it can land in and declare a type.</summary>
    private const string Payload = "*/ </summary> \\\" \\\"\\\"\\\" \\\\ { } \\r\\n#error injected\\n#if X\\u2028\\u2029 */ } } namespace Evil { public class Injected { } } /* <!-- ' @\\\"";

    [Fact]
    public void TextFromTheContractCannotCloseACommentOrDeclareAType()
    {
        var text = $$"""
            {
              "x-codegen": { "namespace": "Wild.Hostile", "prefix": "Hostile" },
              "title": "{{Payload}}",
              "description": "{{Payload}}",
              "definitions": {
                "Thing": {
                  "title": "{{Payload}}",
                  "description": "{{Payload}}",
                  "type": "object",
                  "properties": {
                    "text": { "type": "string", "description": "{{Payload}}", "default": "{{Payload}}", "pattern": "[a-z\\\\\"*/]", "maxLength": 400 },
                    "kind": { "type": "string", "enum": ["{{Payload}}", "*/", "\"\"\"", "a\r\nb", "\u2028", "", "class"], "description": "{{Payload}}" },
                    "choice": { "description": "{{Payload}}", "oneOf": [ { "type": "string", "title": "{{Payload}}" }, { "type": "integer" } ] }
                  }
                }
              }
            }
            """;
        var run = GeneratorHarness.Run(text);

        // The pattern is searched for (JSON Schema's meaning), so the hostile default, which holds a letter, is valid.
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()));
        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString()));
        Assert.Null(run.Output.GetTypeByMetadataName("Evil.Injected"));
        Assert.DoesNotContain(run.Output.GetSymbolsWithName(_ => true, SymbolFilter.Type), s => s.Name == "Injected");

        // The hostile enum values and default survive unchanged, as data.
        using var loaded = LoadedContract.Load(run);
        var thing = loaded.Deserialize("""{ "text": "x", "kind": "*/" }""", "Wild.Hostile.Thing");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "text": "x", "kind": "*/" }"""), JsonNode.Parse(loaded.Serialize(thing))));
        var values = loaded.Type("Wild.Hostile.ThingKind").GetProperty("KnownValues")!.GetValue(null) as System.Collections.IEnumerable;
        Assert.Contains("\"\"\"", values!.Cast<object>().Select(v => v.ToString()));
        Assert.Contains("a\r\nb", values!.Cast<object>().Select(v => v.ToString()));
    }

    [Fact]
    public void ATypeNamedLikeAContractWideTypeButForItsCaseGetsAFileOfItsOwn()
    {
        // 'ACMEFile' and the contract-wide 'AcmeFile' are two C# types, but one hint name without regard to case
        // (the compiler refuses that with CS8785, and so does a file system that ignores case).
        const string text = """
            {
              "x-codegen": { "namespace": "Wild.Case", "prefix": "Acme" },
              "definitions": {
                "ACMEFile": { "type": "object", "properties": { "name": { "type": "string" } } }
              }
            }
            """;

        var run = GeneratorHarness.Run(text);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(run.CompilationDiagnostics);
        var hints = run.Sources.Select(s => s.HintName).ToList();
        Assert.Equal(hints.Count, hints.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains(run.Sources, s => s.SourceText.ToString().Contains("partial record ACMEFile", StringComparison.Ordinal));
        Assert.Contains(run.Sources, s => s.SourceText.ToString().Contains("class AcmeFile", StringComparison.Ordinal));
    }

    [Fact]
    public void AwkwardNamesBecomeValidUniqueIdentifiersAndKeepTheirJsonNames()
    {
        const string text = """
            {
              "x-codegen": { "namespace": "Wild.Names", "prefix": "Names" },
              "definitions": {
                "class": { "type": "object", "properties": {
                  "namespace": { "type": "string" }, "1st": { "type": "integer" }, "dash-ed": { "type": "string" },
                  "with space": { "type": "string" }, "größe": { "type": "number" }, "名前": { "type": "string" },
                  "": { "type": "string" }, "Name": { "type": "string" }, "name": { "type": "string" }, "NAME": { "type": "string" },
                  "validate": { "type": "string" }, "class": { "type": "string" }, "_": { "type": "string" }, "$": { "type": "string" }
                } },
                "2fa": { "type": "object", "properties": { "a": { "type": "string" } } },
                "Class": { "type": "object", "properties": { "b": { "type": "string" } } },
                "": { "type": "object", "properties": { "c": { "type": "string" } } },
                "void": { "type": "string", "enum": ["void", "Void", "VOID", "", "1", "-"] }
              }
            }
            """;
        var run = GeneratorHarness.Run(text);

        Assert.Empty(run.CompilationDiagnostics.Select(d => d.GetMessage() + " @ " + d.Location.GetLineSpan()));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.All(run.GeneratorDiagnostics, d => Assert.Equal("CG0007", d.Id));

        using var loaded = LoadedContract.Load(run);
        var typeName = loaded.Assembly.GetTypes().Single(t => t.Namespace == "Wild.Names" && t.GetProperty("Größe") is not null).FullName!;
        const string json = """
            { "namespace": "n", "1st": 1, "dash-ed": "d", "with space": "s", "größe": 1.5, "名前": "x", "": "empty",
              "Name": "A", "name": "b", "NAME": "C", "validate": "v", "class": "k", "_": "u", "$": "d" }
            """;
        var value = loaded.Deserialize(json, typeName);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(loaded.Serialize(value))), loaded.Serialize(value));
    }

    [Fact]
    public void UnusualShapesCompileAndRoundTrip()
    {
        const string text = """
            {
              "x-codegen": { "namespace": "Wild.Shapes", "prefix": "Shapes" },
              "definitions": {
                "Node": { "type": "object", "properties": { "value": { "type": "integer" }, "children": { "type": "array", "items": { "$ref": "#/definitions/Node" } }, "parent": { "$ref": "#/definitions/Node" } } },
                "Ping": { "type": "object", "properties": { "pong": { "$ref": "#/definitions/Pong" } } },
                "Pong": { "type": "object", "properties": { "ping": { "$ref": "#/definitions/Ping" } } },
                "Empty": { "type": "object" },
                "EmptyWithProperties": { "type": "object", "properties": {} },
                "Bag": { "type": "object", "properties": { "tags": { "type": "object", "additionalProperties": { "type": "string" } }, "nested": { "type": "object", "additionalProperties": { "$ref": "#/definitions/Node" } } }, "additionalProperties": { "type": "integer" } },
                "Numbers": { "type": "object", "properties": { "level": { "type": "integer", "enum": [1, 2, 3] }, "ratio": { "type": "number", "enum": [0.5, 1.5] }, "mixed": { "enum": [1, "two", null] } } },
                "Base": { "type": "object", "required": ["id"], "properties": { "id": { "type": "string" } } },
                "Derived": { "allOf": [ { "$ref": "#/definitions/Base" }, { "type": "object", "properties": { "extra": { "type": "boolean" } } } ] },
                "Nullables": { "type": "object", "properties": { "a": { "type": ["string", "null"] }, "b": { "type": ["integer", "string", "null"] }, "c": { "type": ["array", "null"], "items": { "type": ["number", "null"] } }, "d": { "type": "null" } } },
                "Deep": { "type": "object", "properties": { "l1": { "type": "object", "properties": { "l2": { "type": "object", "properties": { "l3": { "type": "object", "properties": { "l4": { "type": "object", "properties": { "l5": { "type": "object", "properties": { "l6": { "type": "array", "items": { "type": "array", "items": { "type": "object", "properties": { "leaf": { "type": "string" } } } } } } } } } } } } } } } } }
              }
            }
            """;
        var run = GeneratorHarness.Run(text);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString()));

        using var loaded = LoadedContract.Load(run);
        foreach (var (type, json) in new[]
        {
            ("Node", """{ "value": 1, "children": [ { "value": 2, "children": [] } ], "parent": { "value": 0 } }"""),
            ("Ping", """{ "pong": { "ping": { "pong": {} } } }"""),
            ("Bag", """{ "tags": { "a": "b" }, "nested": { "n": { "value": 3 } }, "other": 4 }"""),
            ("Numbers", """{ "level": 2, "ratio": 1.5, "mixed": null }"""),
            ("Derived", """{ "id": "x", "extra": true }"""),
            ("Nullables", """{ "a": null, "b": 5, "c": [1.5, null], "d": null }"""),
            ("Deep", """{ "l1": { "l2": { "l3": { "l4": { "l5": { "l6": [[{ "leaf": "x" }]] } } } } } }"""),
        })
        {
            var value = loaded.Deserialize(json, "Wild.Shapes." + type);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(loaded.Serialize(value))), type + ": " + loaded.Serialize(value));
        }
    }
}
