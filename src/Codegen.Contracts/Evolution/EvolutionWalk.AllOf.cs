using System;
using System.Collections.Generic;
using Codegen.Runtime;

namespace Codegen.Contracts.Evolution;

// A union held in an allOf (allOf: [a union, {stream_id}], as OpenAI's ResponsesWebSocketStreamEvent) is no generated union:
// the generator reads such a value as any JSON value, so no type compares its alternatives. They are compared here, from
// the rules documents, by what they name: the definition a $ref alternative refers to, else the inline schema itself.
internal sealed partial class EvolutionWalk
{
    /// <summary>On a value of no generated type (an allOf of a union and an object is read as any JSON value).</summary>
    private void CompareAllOfUnions(in ValueSite site, CodegenSchema? before, CodegenSchema? after) =>
        CompareAllOfUnions(before, after, site.Direction, site.Where, site.Members, site.OldPointer, site.NewPointer);

    private void CompareAllOfUnions(CodegenSchema? oldSchema, CodegenSchema? newSchema, DataDirection direction, string where, IReadOnlyList<string> members,
        string? oldAnchor, string? newAnchor)
    {
        var before = AllOfAlternatives(oldSchema);
        var after = AllOfAlternatives(newSchema);
        foreach (var pair in after)
        {
            if (!before.ContainsKey(pair.Key))
            {
                Report(ChangeRules.UnionAlternativeAdded, direction, where, $"the alternative {pair.Value.Name} was added to the union in its allOf",
                    null, pair.Value.Pointer, members, oldAnchor: oldAnchor);
            }
        }

        foreach (var pair in before)
        {
            if (!after.ContainsKey(pair.Key))
            {
                Report(ChangeRules.UnionAlternativeRemoved, direction, where, $"the alternative {pair.Value.Name} was removed from the union in its allOf",
                    pair.Value.Pointer, null, members, newAnchor: newAnchor);
            }
        }
    }

    /// <summary>The alternatives of every anyOf or oneOf in the schema's allOf parts (transitively, references followed), by what they name.</summary>
    private static Dictionary<string, (string Name, string Pointer)> AllOfAlternatives(CodegenSchema? schema)
    {
        var alternatives = new Dictionary<string, (string Name, string Pointer)>(StringComparer.Ordinal);

        // The schema's own alternatives are a generated union's (compared as such): only those of its allOf parts count.
        for (var depth = 0; schema?.ReferenceTarget is { } target && depth < 16; depth++)
        {
            schema = target;
        }

        if (schema?.AllOf is not { Count: > 0 } parts)
        {
            return alternatives;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<CodegenSchema>(parts);
        while (pending.Count > 0 && seen.Count < 256)
        {
            var part = pending.Pop();
            if (!seen.Add(part.Pointer))
            {
                continue;
            }

            if (part.ReferenceTarget is { } target)
            {
                pending.Push(target);
            }

            foreach (var nested in part.AllOf ?? Array.Empty<CodegenSchema>())
            {
                pending.Push(nested);
            }

            foreach (var union in new[] { part.AnyOf, part.OneOf })
            {
                foreach (var alternative in union ?? Array.Empty<CodegenSchema>())
                {
                    var (key, name) = alternative.ReferenceTarget is { } definition
                        ? (definition.Pointer, Code(Documents.JsonPointer.LastToken(definition.Pointer)))
                        : ("inline " + alternative.Json, "an inline schema");
                    if (!alternatives.ContainsKey(key))
                    {
                        alternatives[key] = (name, alternative.Pointer);
                    }
                }
            }
        }

        return alternatives;
    }
}
