using System.Text.Json.Nodes;

namespace Codegen.Conformance.Tests;

/// <summary>How a group's schema is placed in its contract: references follow it, data and unknown keywords keep theirs.</summary>
public sealed class SuiteGroupsTests
{
    private static SuiteGroup Group(string schema) => new("draft7", "ref.json", 3, "a group", schema, []);

    [Theory]
    [InlineData("#", null, "#/definitions/Ref03/properties/value")]
    [InlineData("#/definitions/a", null, "#/definitions/Ref03/properties/value/definitions/a")]
    [InlineData("#/definitions/foo%22bar", null, "#/definitions/Ref03/properties/value/definitions/foo%22bar")]
    [InlineData("urn:example:1", "urn:example:1", "#/definitions/Ref03/properties/value")]
    [InlineData("urn:example:1#/definitions/bar", "urn:example:1", "#/definitions/Ref03/properties/value/definitions/bar")]
    [InlineData("urn:example:10", "urn:example:1", "urn:example:10")]
    [InlineData("#foo", null, "#foo")]
    [InlineData("http://localhost:1234/integer.json", null, "http://localhost:1234/integer.json")]
    public void A_reference_into_the_group_s_schema_follows_it(string reference, string? rootId, string expected) =>
        Assert.Equal(expected, SuiteGroups.Relocate(reference, Group("{}").ValuePointer, rootId));

    [Fact]
    public void Only_schema_keywords_are_rewritten_and_the_root_id_goes()
    {
        var group = Group("""
            {
              "$id": "http://example.com/root.json", "$schema": "http://json-schema.org/draft-07/schema#",
              "properties": { "$ref": { "$ref": "#/definitions/a" }, "b": { "items": [ { "$ref": "#" } ] } },
              "enum": [ { "$ref": "#/definitions/a" } ], "const": { "$ref": "#" }, "default": { "$ref": "#" },
              "x-unknown": { "$ref": "#/definitions/a" },
              "definitions": { "a": { "not": { "$ref": "http://example.com/root.json#/definitions/a" } } }
            }
            """);
        var lines = new Dictionary<SuiteGroup, (int First, int Last)>();
        var contract = JsonNode.Parse(SuiteGroups.Contract([group], lines))!;
        var value = contract["definitions"]!["Ref03"]!["properties"]!["value"]!;

        Assert.Equal("http://json-schema.org/draft-07/schema#", (string?)contract["$schema"]);
        Assert.Null(value["$id"]);
        Assert.Null(value["$schema"]);
        Assert.Equal("#/definitions/Ref03/properties/value/definitions/a", (string?)value["properties"]!["$ref"]!["$ref"]);
        Assert.Equal("#/definitions/Ref03/properties/value", (string?)value["properties"]!["b"]!["items"]![0]!["$ref"]);
        Assert.Equal("#/definitions/Ref03/properties/value/definitions/a", (string?)value["definitions"]!["a"]!["not"]!["$ref"]);
        Assert.Equal("#/definitions/a", (string?)value["enum"]![0]!["$ref"]);
        Assert.Equal("#", (string?)value["const"]!["$ref"]);
        Assert.Equal("#", (string?)value["default"]!["$ref"]);
        Assert.Equal("#/definitions/a", (string?)value["x-unknown"]!["$ref"]);

        // The definition's lines, as diagnostics are attributed to groups by line.
        var text = SuiteGroups.Contract([group], lines).Split('\n');
        Assert.Contains("\"Ref03\"", text[lines[group].First], StringComparison.Ordinal);
        Assert.Equal("    }", text[lines[group].Last]);
    }
}
