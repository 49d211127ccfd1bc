using System.Text.Json.Nodes;
using Codegen.Contracts.Naming;

namespace Codegen.Generator.Tests;

/// <summary>
/// Contracts built to reach the shapes that once broke the generated code (issue 9): maps and arrays at every position
/// of objects with many properties; definitions (and properties) named like every member and contract-wide type the
/// generated code declares, in every kind of generated type; boolean subschemas wherever a schema may stand. Used by
/// <see cref="ShapeTests"/> directly and as seeds of <see cref="FuzzTests"/>.
/// </summary>
public static class ShapeContracts
{
    public const int PropertyCount = 12;

    /// <summary>The special values a property may hold, by kind: schema and a sample value.</summary>
    private static readonly (string Kind, string Schema, string Sample)[] Specials =
    [
        ("Map", """{ "type": "object", "additionalProperties": { "type": "integer", "minimum": 0 } }""", """{ "a": 1, "b": 2 }"""),
        ("Array", """{ "type": "array", "items": { "type": "string", "maxLength": 4 }, "maxItems": 3 }""", """["x", "y"]"""),
        ("MapOfArrays", """{ "type": "object", "additionalProperties": { "type": "array", "items": { "type": "number" } } }""", """{ "k": [1.5, 2] }"""),
        ("ArrayOfMaps", """{ "type": "array", "items": { "type": "object", "additionalProperties": { "type": "string" } } }""", """[{ "k": "v" }, {}]"""),
        ("NullableMap", """{ "type": ["object", "null"], "additionalProperties": { "type": "boolean" } }""", """{ "on": true }"""),
    ];

    /// <summary>The ordinary properties around the special one, cycled by position.</summary>
    private static readonly (string Schema, string Sample)[] Ordinary =
    [
        ("""{ "type": "string", "minLength": 1 }""", "\"s\""),
        ("""{ "type": "integer", "maximum": 100 }""", "7"),
        ("""{ "type": "number" }""", "0.25"),
        ("""{ "type": "boolean" }""", "false"),
        ("""{ "type": "string", "enum": ["on", "off"] }""", "\"on\""),
        ("""{ "type": "object", "properties": { "inner": { "type": "string" } } }""", """{ "inner": "i" }"""),
    ];

    /// <summary>For each special kind and each position of <see cref="PropertyCount"/> properties, an object with the special property there; and a sample of each.</summary>
    public static (string Contract, IReadOnlyList<(string Definition, string Sample)> Samples) Positions(string ns = "Shapes.Positions", string prefix = "Positions", int kinds = int.MaxValue)
    {
        var definitions = new JsonObject();
        var samples = new List<(string, string)>();
        foreach (var (kind, schema, sample) in Specials.Take(kinds))
        {
            for (var position = 0; position < PropertyCount; position++)
            {
                var properties = new JsonObject();
                var value = new JsonObject();
                for (var i = 0; i < PropertyCount; i++)
                {
                    var (propertySchema, propertySample) = i == position ? (schema, sample) : Ordinary[(i + position) % Ordinary.Length];
                    properties["p" + i] = JsonNode.Parse(propertySchema);
                    value["p" + i] = JsonNode.Parse(propertySample);
                }

                var name = kind + "At" + position;
                definitions[name] = new JsonObject { ["type"] = "object", ["required"] = new JsonArray("p" + position), ["properties"] = properties };
                samples.Add((name, value.ToJsonString()));
            }
        }

        return (Contract(ns, prefix, definitions), samples);
    }

    /// <summary>Every name the generated code declares, for a contract whose prefix is <paramref name="prefix"/>.</summary>
    public static IReadOnlyList<string> ReservedNames(string prefix) =>
        GeneratedNames.ObjectMembers.Concat(GeneratedNames.EnumMembers).Concat(GeneratedNames.UnionMembers).Concat(GeneratedNames.ContextMembers)
            .Concat(GeneratedNames.BuilderLocals).Concat(GeneratedNames.ContractWideSuffixes.Select(s => prefix + s))
            .Concat(["Value", "value", "Item", "Key", "Case", "Unknown", "Root", "System", "Global", "Json"])
            .Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The kinds a definition named like a generated name is written as, so that each kind of generated type meets each name.</summary>
    public static readonly string[] DefinitionKinds = ["Object", "StringEnum", "Union", "Map", "Array"];

    /// <summary>A definition per reserved name, all of <paramref name="kind"/>, and a holder with a property per reserved name referring to each.</summary>
    public static string Names(string kind, string ns, string prefix)
    {
        var names = ReservedNames(prefix);
        var definitions = new JsonObject();
        foreach (var name in names)
        {
            definitions[name] = kind switch
            {
                // A property named like its own type (C# forbids a member named like its type) and like generated members.
                "Object" => new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject(new[] { name, "Value", "Validate", "value" }.Distinct(StringComparer.Ordinal)
                        .Select(n => KeyValuePair.Create(n, (JsonNode?)JsonNode.Parse("""{ "type": "string" }""")))),
                },
                "StringEnum" => JsonNode.Parse("""{ "type": "string", "enum": ["Value", "value", "Validate", "KnownValues", "other"] }"""),
                "Union" => JsonNode.Parse("""{ "oneOf": [ { "type": "string" }, { "type": "integer" }, { "type": "object", "properties": { "Value": { "type": "string" } } } ] }"""),
                "Map" => JsonNode.Parse("""{ "type": "object", "additionalProperties": { "type": "string" } }"""),
                _ => JsonNode.Parse("""{ "type": "array", "items": { "type": "string" } }"""),
            };
        }

        // A holder that refers to each, so that every definition is reached from a property too.
        definitions["Holder" + kind] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject(names.Select(n => KeyValuePair.Create(n, (JsonNode?)new JsonObject { ["$ref"] = "#/definitions/" + JsonPointerToken(n) }))),
        };
        return Contract(ns, prefix, definitions);
    }

    /// <summary>Boolean subschemas wherever a schema may stand, and samples that are valid (true) or not (false).</summary>
    public static (string Contract, IReadOnlyList<(string Definition, string Sample, bool Valid)> Samples) Booleans(string ns = "Shapes.Booleans", string prefix = "Booleans")
    {
        const string definitions = """
            {
              "Anything": true,
              "Nothing": false,
              "Flags": { "type": "object", "properties": {
                "any": true,
                "never": false,
                "list": { "type": "array", "items": true },
                "closedList": { "type": "array", "items": false },
                "tuple": { "type": "array", "items": [ { "type": "string" }, true ], "additionalItems": false },
                "open": { "type": "object", "additionalProperties": true },
                "closed": { "type": "object", "properties": { "a": { "type": "string" } }, "additionalProperties": false },
                "either": { "anyOf": [ true, { "type": "string" } ] },
                "exactlyOne": { "oneOf": [ false, { "type": "integer" } ] },
                "both": { "allOf": [ true, { "type": "number" } ] },
                "notFalse": { "not": false },
                "refAnything": { "$ref": "#/definitions/Anything" },
                "refNothing": { "$ref": "#/definitions/Nothing" },
                "keys": { "type": "object", "propertyNames": true, "additionalProperties": { "type": "integer" } },
                "contains": { "type": "array", "contains": true }
              } }
            }
            """;
        var samples = new List<(string, string, bool)>
        {
            ("Flags", """{ "any": { "x": [1] }, "list": [1, "a", null], "tuple": ["a", 2], "open": { "k": [] }, "closed": { "a": "x" }, "either": 3, "exactlyOne": 4, "both": 1.5, "notFalse": "n", "refAnything": false, "keys": { "a": 1 }, "contains": [0] }""", true),
            ("Flags", """{ "never": 1 }""", false),
            ("Flags", """{ "closedList": [1] }""", false),
            ("Flags", """{ "tuple": ["a", 2, 3] }""", false),
            ("Flags", """{ "closed": { "b": "x" } }""", false),
            ("Flags", """{ "exactlyOne": "x" }""", false),
            ("Flags", """{ "refNothing": null }""", false),
            ("Flags", """{ "contains": [] }""", false),
        };
        return (Contract(ns, prefix, (JsonObject)JsonNode.Parse(definitions)!), samples);
    }

    private static string Contract(string ns, string prefix, JsonObject definitions) => new JsonObject
    {
        ["$schema"] = "http://json-schema.org/draft-07/schema#",
        ["x-codegen"] = new JsonObject { ["namespace"] = ns, ["prefix"] = prefix },
        ["definitions"] = definitions,
    }.ToJsonString();

    private static string JsonPointerToken(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
