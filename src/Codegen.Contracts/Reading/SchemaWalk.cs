using System;
using System.Collections.Generic;
using Codegen.Runtime;

namespace Codegen.Contracts.Reading;

/// <summary>Every schema reachable from some starting points: their subschemas and what their references point at, each once.</summary>
internal static class SchemaWalk
{
    public static IEnumerable<CodegenSchema> Reachable(CodegenSchemaDocument document, IEnumerable<string> pointers)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<CodegenSchema>();
        foreach (var pointer in pointers)
        {
            if (document.TryGet(pointer, out var schema))
            {
                pending.Push(schema);
            }
        }

        while (pending.Count > 0)
        {
            var schema = pending.Pop();
            if (!seen.Add(schema.Pointer))
            {
                continue;
            }

            yield return schema;
            if (schema.ReferenceTarget is { } target)
            {
                pending.Push(target);
            }

            foreach (var subschema in schema.Subschemas())
            {
                pending.Push(subschema);
            }
        }
    }
}
