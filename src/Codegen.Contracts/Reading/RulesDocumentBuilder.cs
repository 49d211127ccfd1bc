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

    /// <summary>
    /// Whether a JSON Schema contract's root is itself a schema to generate: it says something of the value (a type, an
    /// assertion, an applicator) beyond holding the contract's definitions and annotations. A root that is only a
    /// <c>$ref</c> names a definition, which is that type already.
    /// </summary>
    public static bool DeclaresValue(CodegenJson root)
    {
        if (root.Kind != CodegenJsonKind.Object)
        {
            return false;
        }

        foreach (var member in root.Members)
        {
            var key = member.Key;
            if (key is "$ref" or "default" or "definitions" or "$defs")
            {
                continue;
            }

            if (key == "items" || SchemaMaps.Contains(key) || SchemaValues.Contains(key) || SchemaLists.Contains(key) || DataKeywords.Contains(key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The rules document holding the schemas at <paramref name="schemaPointers"/> and everything they refer to.</summary>
    public static CodegenJson Build(CodegenJson root, IEnumerable<string> schemaPointers)
    {
        var pending = new Queue<string>(schemaPointers);
        var stripped = new Dictionary<string, CodegenJson>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var pointer = pending.Dequeue();
            if (!stripped.ContainsKey(pointer) && JsonPointer.Find(root, pointer) is { } schema)
            {
                stripped[pointer] = Strip(schema, pending);
            }
        }

        // The root included (a root that is a type) holds every other schema; otherwise a schema inside another included
        // schema is already there, and the rest hang from a skeleton of plain objects.
        if (stripped.TryGetValue(string.Empty, out var whole))
        {
            return whole;
        }

        var skeleton = new Node();
        foreach (var pair in stripped)
        {
            if (!HasIncludedAncestor(pair.Key, stripped))
            {
                skeleton.Place(JsonPointer.Split(pair.Key), 0, pair.Value);
            }
        }

        return skeleton.ToJson();
    }

    private static bool HasIncludedAncestor(string pointer, Dictionary<string, CodegenJson> included)
    {
        for (var slash = pointer.LastIndexOf('/'); slash > 0; slash = pointer.LastIndexOf('/', slash - 1))
        {
            if (included.ContainsKey(pointer.Substring(0, slash)))
            {
                return true;
            }
        }

        return pointer.Length > 0 && included.ContainsKey(string.Empty);
    }

    /// <summary>An object under construction: members in a stable (ordinal) order, so the document is the same whatever order schemas were found in.</summary>
    private sealed class Node
    {
        private readonly SortedDictionary<string, Node> _children = new(StringComparer.Ordinal);
        private CodegenJson? _value;

        public void Place(IReadOnlyList<string> tokens, int depth, CodegenJson value)
        {
            if (depth == tokens.Count)
            {
                _value = value;
                return;
            }

            if (!_children.TryGetValue(tokens[depth], out var child))
            {
                child = new Node();
                _children[tokens[depth]] = child;
            }

            child.Place(tokens, depth + 1, value);
        }

        public CodegenJson ToJson()
        {
            if (_value is not null)
            {
                return _value;
            }

            var members = new KeyValuePair<string, CodegenJson>[_children.Count];
            var i = 0;
            foreach (var child in _children)
            {
                members[i++] = new KeyValuePair<string, CodegenJson>(child.Key, child.Value.ToJson());
            }

            return CodegenJson.NewObject(members);
        }
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

}
