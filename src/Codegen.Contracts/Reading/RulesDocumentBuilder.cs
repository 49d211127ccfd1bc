using System;
using System.Collections.Generic;
using Codegen.Contracts.Documents;
using Codegen.Runtime;

namespace Codegen.Contracts.Reading;

/// <summary>
/// The rules of a contract as one small JSON document: every schema the generated code, the server and
/// the analyzers check against, at the same JSON pointer as in the contract (so references still resolve),
/// with annotations (descriptions, examples, vendor extensions) left out; defaults stay. The model carries it
/// as text, the generator embeds it in the consumer's code, and every consumer reads it with the one
/// schema reader: one reading of a rule, everywhere.
/// </summary>
internal static class RulesDocumentBuilder
{
    // Keywords whose value is a map of names to schemas.
    private static readonly HashSet<string> SchemaMaps = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "definitions", "$defs", "dependentSchemas",
    };

    // Keywords whose value is one schema.
    private static readonly HashSet<string> SchemaValues = new(StringComparer.Ordinal)
    {
        "additionalProperties", "additionalItems", "contains", "propertyNames", "not", "if", "then", "else",
        "unevaluatedItems", "unevaluatedProperties",
    };

    // Keywords whose value is a list of schemas.
    private static readonly HashSet<string> SchemaLists = new(StringComparer.Ordinal)
    {
        "allOf", "anyOf", "oneOf", "prefixItems",
    };

    // Keywords whose value is data the rules use as it is.
    private static readonly HashSet<string> DataKeywords = new(StringComparer.Ordinal)
    {
        "type", "enum", "const", "multipleOf", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
        "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems", "minContains", "maxContains",
        "required", "minProperties", "maxProperties", "dependentRequired", "$ref", "nullable",
        "$dynamicRef", "$recursiveRef",

        // An annotation, kept because code fixes and the contract server use it (a NaN becomes the default).
        "default",
    };

    /// <summary>The rules document holding the schemas at <paramref name="schemaPointers"/> and everything they refer to.</summary>
    public static CodegenJson Build(CodegenJson root, IEnumerable<string> schemaPointers)
    {
        var pending = new Queue<string>(schemaPointers);
        var stripped = new Dictionary<string, CodegenJson>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var pointer = pending.Dequeue();
            if (stripped.ContainsKey(pointer) || JsonPointer.Find(root, pointer) is not { } schema)
            {
                continue;
            }

            stripped[pointer] = Strip(schema, pending);
        }

        // A schema inside another included schema is already there.
        var result = CodegenJson.NewObject(new KeyValuePair<string, CodegenJson>[0]);
        var placed = new List<string>();
        foreach (var pointer in SortedByDepth(stripped.Keys))
        {
            if (placed.Exists(p => pointer == p || pointer.StartsWith(p + "/", StringComparison.Ordinal)))
            {
                continue;
            }

            result = Place(result, JsonPointer.Split(pointer), 0, stripped[pointer]);
            placed.Add(pointer);
        }

        return result;
    }

    private static IEnumerable<string> SortedByDepth(IEnumerable<string> pointers)
    {
        var list = new List<string>(pointers);
        list.Sort((a, b) =>
        {
            var depth = Count(a, '/').CompareTo(Count(b, '/'));
            return depth != 0 ? depth : string.CompareOrdinal(a, b);
        });
        return list;
    }

    private static int Count(string text, char c)
    {
        var n = 0;
        foreach (var x in text)
        {
            if (x == c)
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>A schema with only its validation keywords, its subschemas stripped likewise; same-document references are queued.</summary>
    private static CodegenJson Strip(CodegenJson schema, Queue<string> pending)
    {
        if (schema.Kind != CodegenJsonKind.Object)
        {
            return schema;
        }

        var members = new List<KeyValuePair<string, CodegenJson>>();
        foreach (var member in schema.Members)
        {
            var key = member.Key;
            var value = member.Value;
            if (SchemaMaps.Contains(key) && value.Kind == CodegenJsonKind.Object)
            {
                var map = new List<KeyValuePair<string, CodegenJson>>();
                foreach (var entry in value.Members)
                {
                    map.Add(new KeyValuePair<string, CodegenJson>(entry.Key, Strip(entry.Value, pending)));
                }

                members.Add(new KeyValuePair<string, CodegenJson>(key, CodegenJson.NewObject(map.ToArray())));
            }
            else if (key == "dependencies" && value.Kind == CodegenJsonKind.Object)
            {
                // Draft 7: each value is a schema or a list of property names.
                var map = new List<KeyValuePair<string, CodegenJson>>();
                foreach (var entry in value.Members)
                {
                    map.Add(new KeyValuePair<string, CodegenJson>(entry.Key, entry.Value.Kind == CodegenJsonKind.Array ? entry.Value : Strip(entry.Value, pending)));
                }

                members.Add(new KeyValuePair<string, CodegenJson>(key, CodegenJson.NewObject(map.ToArray())));
            }
            else if (key == "items" || SchemaLists.Contains(key))
            {
                members.Add(new KeyValuePair<string, CodegenJson>(key, value.Kind == CodegenJsonKind.Array ? StripAll(value, pending) : Strip(value, pending)));
            }
            else if (SchemaValues.Contains(key))
            {
                members.Add(new KeyValuePair<string, CodegenJson>(key, Strip(value, pending)));
            }
            else if (DataKeywords.Contains(key))
            {
                if (key == "$ref" && value.Kind == CodegenJsonKind.String && JsonPointer.FromFragment(value.StringValue) is { } target)
                {
                    pending.Enqueue(target);
                }

                members.Add(member);
            }
        }

        return CodegenJson.NewObject(members.ToArray());
    }

    private static CodegenJson StripAll(CodegenJson list, Queue<string> pending)
    {
        var items = new CodegenJson[list.Items.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Strip(list.Items[i], pending);
        }

        return CodegenJson.NewArray(items);
    }

    /// <summary>Puts <paramref name="value"/> at the pointer, creating objects on the way (arrays on the way are objects keyed by index: pointers still resolve).</summary>
    private static CodegenJson Place(CodegenJson node, IReadOnlyList<string> tokens, int depth, CodegenJson value)
    {
        if (depth == tokens.Count)
        {
            return value;
        }

        var members = new List<KeyValuePair<string, CodegenJson>>(node.Members);
        var index = members.FindIndex(m => m.Key == tokens[depth]);
        var child = index >= 0 ? members[index].Value : CodegenJson.NewObject(new KeyValuePair<string, CodegenJson>[0]);
        var replaced = new KeyValuePair<string, CodegenJson>(tokens[depth], Place(child, tokens, depth + 1, value));
        if (index >= 0)
        {
            members[index] = replaced;
        }
        else
        {
            members.Add(replaced);
        }

        return CodegenJson.NewObject(members.ToArray());
    }
}
