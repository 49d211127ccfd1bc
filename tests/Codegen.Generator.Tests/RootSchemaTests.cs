using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;

namespace Codegen.Generator.Tests;

/// <summary>
/// A JSON Schema contract whose root is itself a schema (a type, assertions, applicators), the usual shape of a schema
/// file, generates that schema as a type, named by its title (else by the prefix), beside its definitions. A root that
/// only holds definitions, or only refers to one, adds no type.
/// </summary>
public class RootSchemaTests
{
    private const string Widget = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "x-codegen": { "namespace": "Acme.Widgets", "prefix": "Widgets" },
          "title": "Widget",
          "type": "object",
          "required": ["name"],
          "properties": {
            "name": { "type": "string", "maxLength": 20 },
            "size": { "type": "integer", "minimum": 0, "maximum": 10 },
            "parts": { "type": "array", "items": { "$ref": "#/definitions/Part" } },
            "parent": { "$ref": "#" }
          },
          "definitions": {
            "Part": { "type": "object", "properties": { "id": { "type": "string", "pattern": "^p[0-9]+$" } } }
          }
        }
        """;

    [Fact]
    public void The_root_schema_is_a_type_named_by_its_title_that_reads_writes_and_validates_by_its_rules()
    {
        var run = GeneratorHarness.Run(Widget, "/contracts/widget.schema.json");
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString()));

        using var loaded = LoadedContract.Load(run);
        const string json = """{"name":"w","size":3,"parts":[{"id":"p1"}],"parent":{"name":"root"}}""";
        var widget = loaded.Deserialize(json, "Acme.Widgets.Widget");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(loaded.Serialize(widget))));
        Assert.Empty((System.Collections.IEnumerable)LoadedContract.Invoke(widget, widget.GetType(), "Validate")!);

        // The root's own rules, a definition's reached from it, and the root's again through "#".
        var broken = loaded.Deserialize("""{"name":"w","size":11,"parts":[{"id":"x"}],"parent":{"name":"a name longer than twenty"}}""", "Acme.Widgets.Widget");
        var paths = ((System.Collections.IEnumerable)LoadedContract.Invoke(broken, broken.GetType(), "Validate")!)
            .Cast<object>()
            .Select(v => (string)v.GetType().GetProperty("Path")!.GetValue(v)!)
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(["$.parent.name", "$.parts[0].id", "$.size"], paths);

        // The builder checks the root's ranges as values are set.
        var builder = LoadedContract.Invoke(null, widget.GetType(), "CreateBuilder", "w")!;
        Assert.ThrowsAny<ArgumentException>(() => LoadedContract.Invoke(builder, builder.GetType(), "WithSize", 11));
    }

    [Fact]
    public void A_root_without_a_title_is_named_by_the_prefix_and_compiles_where_the_namespace_has_the_same_name()
    {
        // No x-codegen: namespace and prefix both come from the file name, so the type shares its namespace's name.
        var run = GeneratorHarness.Run("""
            { "type": "object", "properties": { "size": { "type": "integer", "maximum": 10 } } }
            """, "/contracts/gadget.schema.json");
        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString()));
        using var loaded = LoadedContract.Load(run);
        var gadget = loaded.Deserialize("""{"size":12}""", "Gadget.Gadget");
        Assert.Single((System.Collections.IEnumerable)LoadedContract.Invoke(gadget, gadget.GetType(), "Validate")!);
    }

    [Theory]
    [InlineData("""{ "title": "Only definitions", "description": "d", "definitions": { "Part": { "type": "object", "properties": { "id": { "type": "string" } } } } }""")]
    [InlineData("""{ "$ref": "#/definitions/Part", "definitions": { "Part": { "type": "object", "properties": { "id": { "type": "string" } } } } }""")]
    [InlineData("""{ "$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://example.com/s", "$comment": "c", "x-note": 1, "$defs": { "Part": { "type": "object", "properties": { "id": { "type": "string" } } } } }""")]
    public void A_root_that_holds_or_names_definitions_adds_no_type(string contract)
    {
        var run = GeneratorHarness.Run(contract, "/contracts/parts.schema.json");
        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString()));
        using var loaded = LoadedContract.Load(run);
        Assert.True(loaded.Assembly.GetType("Parts.Part") is not null, string.Join(", ", loaded.Assembly.GetTypes().Select(t => t.FullName)));
        Assert.Null(loaded.Assembly.GetType("Parts.Parts"));
    }

    [Fact]
    public void A_title_that_a_definition_already_has_renames_the_root_not_the_definition()
    {
        var run = GeneratorHarness.Run("""
            {
              "title": "Part",
              "type": "object",
              "properties": { "main": { "$ref": "#/definitions/Part" } },
              "definitions": { "Part": { "type": "object", "properties": { "id": { "type": "string" } } } }
            }
            """, "/contracts/parts.schema.json");
        var collision = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CG0007");
        Assert.Equal(0, collision.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString()));

        using var loaded = LoadedContract.Load(run);
        Assert.NotNull(loaded.Type("Parts.Part").GetProperty("Id"));
        var root = loaded.Assembly.GetTypes().Single(t => t.GetProperty("Main") is not null && t.Namespace == "Parts");
        Assert.Equal(loaded.Type("Parts.Part"), root.GetProperty("Main")!.PropertyType);
    }
}
