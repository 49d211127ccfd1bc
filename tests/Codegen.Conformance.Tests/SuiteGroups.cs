using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Codegen.Runtime;

namespace Codegen.Conformance.Tests;

/// <summary>One test of the suite: its description, its data as written in the suite (raw JSON text) and the verdict.</summary>
public sealed record SuiteTest(string Description, string Data, bool Valid);

/// <summary>
/// One group of the suite (a schema and its tests) and the definition it becomes in its folder's contract: an object
/// named for the group (<see cref="Name"/>, such as <c>AllOf03</c>) with one property, <c>value</c>, holding the
/// group's schema. <see cref="SkipReason"/> says why a group is not run at all.
/// </summary>
public sealed record SuiteGroup(string Folder, string File, int Index, string Description, string Schema, IReadOnlyList<SuiteTest> Tests)
{
    /// <summary>The suite file's name without <c>.json</c>: the keyword the group tests.</summary>
    public string Keyword => Path.GetFileNameWithoutExtension(File);

    /// <summary>Whether the group is from <c>optional/</c>: measured and reported, not asserted.</summary>
    public bool IsOptional => Folder.Contains("optional", StringComparison.Ordinal);

    public string? SkipReason { get; init; }

    /// <summary>The definition's name: the keyword in Pascal case and the group's index in its file.</summary>
    public string Name => string.Concat(Keyword.Split('-', '_').Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1))) + Index.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Where the group's schema lands in its contract.</summary>
    public string ValuePointer => "/definitions/" + Name + "/properties/value";

    public string Id => $"{Folder}/{File}: {Description}";
}

/// <summary>Reads the official JSON Schema Test Suite from <c>../shared/json-schema-test-suite/tests</c> beside the repository.</summary>
public static class SuiteGroups
{
    /// <summary>Indented, and non-ASCII text kept as written (the default encoder would escape it: the same JSON, but harder to read).</summary>
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Directory { get; } = Path.Combine(Codegen.Testing.RepoPaths.JsonSchemaTestSuite, "tests");

    public static bool IsPresent => System.IO.Directory.Exists(Path.Combine(Directory, "draft7"));

    /// <summary>Every group of draft7/*.json and draft7/optional/*.json, in file order.</summary>
    public static IReadOnlyList<SuiteGroup> Draft7()
    {
        var groups = new List<SuiteGroup>();
        foreach (var folder in new[] { "draft7", "draft7/optional" })
        {
            foreach (var path in System.IO.Directory.GetFiles(Path.Combine(Directory, folder), "*.json").OrderBy(f => f, StringComparer.Ordinal))
            {
                using var document = JsonDocument.Parse(System.IO.File.ReadAllText(path));
                var index = 0;
                foreach (var group in document.RootElement.EnumerateArray())
                {
                    var tests = group.GetProperty("tests").EnumerateArray()
                        .Select(t => new SuiteTest(t.GetProperty("description").GetString()!, t.GetProperty("data").GetRawText(), t.GetProperty("valid").GetBoolean()))
                        .ToList();
                    var read = new SuiteGroup(folder, Path.GetFileName(path), index++, group.GetProperty("description").GetString()!, group.GetProperty("schema").GetRawText(), tests);
                    groups.Add(read with { SkipReason = SkipReasonOf(read) });
                }
            }
        }

        return groups;
    }

    /// <summary>
    /// refRemote.json as a whole, and every group whose schema the rules engine reads as referring to another
    /// document, an <c>$id</c> below the root or an anchor: a contract is one document, referred into by JSON pointer.
    /// </summary>
    private static string? SkipReasonOf(SuiteGroup group)
    {
        if (group.File == "refRemote.json")
        {
            return "refRemote.json: every group refers to documents served at http://localhost:1234, which a contract cannot refer to";
        }

        var document = new CodegenSchemaDocument(CodegenJson.Parse(group.Schema), CodegenSchemaDialect.Draft07);
        var reference = document.ReadAll().FirstOrDefault(p => p.Kind == CodegenSchemaProblemKind.Unsupported && p.Pointer.EndsWith("/$ref", StringComparison.Ordinal));
        return reference is null ? null : "a reference to another document, an $id-relative reference or an anchor: " + reference.Message;
    }

    /// <summary>
    /// The contract of some groups: draft-07, with a definition per group whose one property, <c>value</c>, holds the
    /// group's schema. References into the group's schema (<c>#</c>, <c>#/definitions/a</c>, or through the schema's
    /// own root <c>$id</c>) are rewritten to its new place, and that root <c>$id</c> and <c>$schema</c> go: the contract
    /// is the document now, and it declares draft-07. <paramref name="lines"/> gets the lines (from 0) each definition spans.
    /// </summary>
    public static string Contract(IEnumerable<SuiteGroup> groups, Dictionary<SuiteGroup, (int First, int Last)> lines)
    {
        var text = new StringBuilder();
        text.Append("{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n  \"definitions\": {\n");
        var line = 3;
        var first = true;
        foreach (var group in groups)
        {
            if (!first)
            {
                text.Append(",\n");
            }

            first = false;
            var definition = "    " + JsonSerializer.Serialize(group.Name) + ": " + Wrap(group).Replace("\n", "\n    ", StringComparison.Ordinal);
            var count = definition.Count(c => c == '\n');
            lines[group] = (line, line + count);
            line += count + 1;
            text.Append(definition);
        }

        text.Append("\n  }\n}\n");
        return text.ToString();
    }

    /// <summary>The group's definition: an object whose property <c>value</c> is the group's schema, its references rewritten.</summary>
    private static string Wrap(SuiteGroup group)
    {
        var node = JsonNode.Parse(group.Schema)!;
        string? rootId = null;
        if (node is JsonObject root)
        {
            if (root["$id"] is JsonValue id && id.TryGetValue<string>(out var text))
            {
                rootId = text.TrimEnd('#');
                root.Remove("$id");
            }

            root.Remove("$schema");
        }

        RewriteReferences(node, group.ValuePointer, rootId);
        var definition = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["value"] = node },
        };
        return definition.ToJsonString(Indented);
    }

    /// <summary>The reference <paramref name="reference"/> as it reads from the schema's new place.</summary>
    public static string Relocate(string reference, string valuePointer, string? rootId)
    {
        var fragment = reference.StartsWith('#') ? reference
            : rootId is not null && reference.StartsWith(rootId, StringComparison.Ordinal) && (reference.Length == rootId.Length || reference[rootId.Length] == '#') ? "#" + reference.Substring(rootId.Length).TrimStart('#')
            : null;
        return fragment switch
        {
            null => reference,
            "#" => "#" + valuePointer,
            _ when fragment.StartsWith("#/", StringComparison.Ordinal) => "#" + valuePointer + fragment.Substring(1),
            _ => reference, // an anchor: such groups are skipped
        };
    }

    /// <summary>Walks draft-07's schema keywords only: data (<c>const</c>, <c>enum</c>, <c>default</c>) and unknown keywords keep any "$ref" they hold.</summary>
    private static void RewriteReferences(JsonNode? schema, string valuePointer, string? rootId)
    {
        if (schema is not JsonObject obj)
        {
            return;
        }

        if (obj["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var target))
        {
            obj["$ref"] = Relocate(target, valuePointer, rootId);
        }

        foreach (var (name, value) in obj.ToList())
        {
            switch (name)
            {
                case "properties" or "patternProperties" or "definitions" or "dependencies" when value is JsonObject map:
                    foreach (var (_, member) in map)
                    {
                        RewriteReferences(member, valuePointer, rootId);
                    }

                    break;
                case "items" or "allOf" or "anyOf" or "oneOf" when value is JsonArray list:
                    foreach (var item in list)
                    {
                        RewriteReferences(item, valuePointer, rootId);
                    }

                    break;
                case "items" or "additionalItems" or "additionalProperties" or "contains" or "propertyNames" or "if" or "then" or "else" or "not":
                    RewriteReferences(value, valuePointer, rootId);
                    break;
            }
        }
    }
}
