namespace Codegen.Runtime;

/// <summary>
/// A contract's schemas, read with one dialect: <see cref="Get"/> returns the schema at a JSON pointer, read on first
/// use and kept (one node per pointer, safe from any thread); <see cref="ReadAll()"/> reads everything reachable and
/// returns the problems found. References resolve inside this document by JSON pointer.
/// </summary>
internal sealed class CodegenSchemaDocument
{
    private readonly object _gate = new();
    private readonly global::System.Collections.Generic.Dictionary<string, CodegenSchema> _nodes = new(global::System.StringComparer.Ordinal);
    private readonly global::System.Collections.Generic.List<CodegenSchemaProblem> _problems = new();

    public CodegenSchemaDocument(CodegenJson root, CodegenSchemaDialect dialect)
    {
        Root = root ?? throw new global::System.ArgumentNullException(nameof(root));
        Dialect = dialect;
        if (dialect != CodegenSchemaDialect.OpenApi30 && root.TryGetProperty("$id", out var id) && id.Kind == CodegenJsonKind.String)
        {
            // An empty fragment names the document itself: "http://example.com/root.json#".
            RootId = id.StringValue.EndsWith("#", global::System.StringComparison.Ordinal) ? id.StringValue.Substring(0, id.StringValue.Length - 1) : id.StringValue;
        }
    }

    /// <summary>Reads <paramref name="json"/> (strict JSON) as a document of <paramref name="dialect"/>, or of the dialect it declares when that is null.</summary>
    /// <exception cref="CodegenJsonException">The text is not JSON.</exception>
    public static CodegenSchemaDocument Parse(string json, CodegenSchemaDialect? dialect = null)
    {
        var root = CodegenJson.Parse(json);
        return new CodegenSchemaDocument(root, dialect ?? CodegenSchemaDialects.Detect(root, CodegenSchemaDialect.Draft07));
    }

    public CodegenJson Root { get; }

    public CodegenSchemaDialect Dialect { get; }

    /// <summary>The root's <c>$id</c> without an empty fragment; references that start with it are references into this document.</summary>
    internal string? RootId { get; }

    /// <summary>The root as a schema (a JSON Schema contract; an OpenAPI document's schemas are under <c>/components/schemas</c>).</summary>
    public CodegenSchema RootSchema => Get(string.Empty);

    /// <summary>Every problem found so far, ordered by pointer.</summary>
    public global::System.Collections.Generic.IReadOnlyList<CodegenSchemaProblem> Problems
    {
        get
        {
            lock (_gate)
            {
                var problems = _problems.ToArray();
                // A stable sort by pointer keeps the order problems were found in for the same keyword.
                var order = new int[problems.Length];
                for (var i = 0; i < order.Length; i++)
                {
                    order[i] = i;
                }

                global::System.Array.Sort(order, (a, b) =>
                {
                    var byPointer = string.CompareOrdinal(problems[a].Pointer, problems[b].Pointer);
                    return byPointer != 0 ? byPointer : a.CompareTo(b);
                });
                var sorted = new CodegenSchemaProblem[problems.Length];
                for (var i = 0; i < order.Length; i++)
                {
                    sorted[i] = problems[order[i]];
                }

                return sorted;
            }
        }
    }

    /// <summary>The schema at <paramref name="pointer"/> (<c>/definitions/A</c>, or as a fragment, <c>#/definitions/A</c>).</summary>
    /// <exception cref="global::System.ArgumentException">Nothing is at <paramref name="pointer"/>, or it is not a pointer.</exception>
    public CodegenSchema Get(string pointer)
    {
        if (!TryGet(pointer, out var schema))
        {
            throw new global::System.ArgumentException("The document has no value at the JSON pointer '" + pointer + "'.", nameof(pointer));
        }

        return schema;
    }

    /// <summary>The schema at <paramref name="pointer"/>, or false when nothing is there.</summary>
    public bool TryGet(string pointer, out CodegenSchema schema)
    {
        schema = null!;
        if (!CodegenJsonPointer.TryParse(pointer, out var tokens))
        {
            return false;
        }

        var normalized = pointer.Length > 0 && pointer[0] == '#' ? Normalize(tokens) : pointer;
        lock (_gate)
        {
            if (_nodes.TryGetValue(normalized, out schema!))
            {
                return true;
            }

            var json = CodegenJsonPointer.Find(Root, tokens, tokens.Count);
            if (json is null)
            {
                return false;
            }

            schema = GetOrRead(normalized, json, IsInEmbeddedResource(tokens));
            return true;
        }
    }

    /// <summary>The JSON value at <paramref name="pointer"/>, or null.</summary>
    public CodegenJson? Find(string pointer) => CodegenJsonPointer.Find(Root, pointer);

    /// <summary>
    /// Reads every schema reachable from the document's schemas (the root and its <c>definitions</c>/<c>$defs</c> for
    /// JSON Schema; each of <c>/components/schemas</c> for OpenAPI) and returns every problem found.
    /// </summary>
    public global::System.Collections.Generic.IReadOnlyList<CodegenSchemaProblem> ReadAll()
    {
        var pointers = new global::System.Collections.Generic.List<string>();
        if (Dialect.IsOpenApi())
        {
            if (Root.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var schemas))
            {
                foreach (var member in schemas.Members)
                {
                    pointers.Add(CodegenJsonPointer.Append("/components/schemas", member.Key));
                }
            }
        }
        else
        {
            pointers.Add(string.Empty);
        }

        return ReadAll(pointers);
    }

    /// <summary>Reads the schemas at <paramref name="pointers"/> and everything reachable from them (subschemas, references, definitions) and returns every problem found in the document so far.</summary>
    /// <exception cref="global::System.ArgumentException">A pointer points at nothing.</exception>
    public global::System.Collections.Generic.IReadOnlyList<CodegenSchemaProblem> ReadAll(global::System.Collections.Generic.IEnumerable<string> pointers)
    {
        var pending = new global::System.Collections.Generic.Stack<CodegenSchema>();
        var seen = new global::System.Collections.Generic.HashSet<CodegenSchema>();
        foreach (var pointer in pointers)
        {
            pending.Push(Get(pointer));
        }

        while (pending.Count > 0)
        {
            var schema = pending.Pop();
            if (!seen.Add(schema))
            {
                continue;
            }

            if (schema.Pattern is { } pattern && !pattern.TryCompile(out var error))
            {
                Report(new CodegenSchemaProblem(CodegenJsonPointer.Append(schema.Pointer, "pattern"), CodegenSchemaProblemKind.InvalidValue, "The pattern could not be compiled for .NET (" + error + "); please report this with the pattern."));
            }

            foreach (var child in schema.Subschemas())
            {
                pending.Push(child);
            }

            if (schema.ReferenceTarget is { } target)
            {
                pending.Push(target);
            }

            foreach (var container in new[] { "definitions", "$defs" })
            {
                if (schema.Json.TryGetProperty(container, out var definitions))
                {
                    var at = CodegenJsonPointer.Append(schema.Pointer, container);
                    if (definitions.Kind != CodegenJsonKind.Object)
                    {
                        Report(new CodegenSchemaProblem(at, CodegenSchemaProblemKind.InvalidValue, "'" + container + "' must be an object of named schemas."));
                        continue;
                    }

                    foreach (var member in definitions.Members)
                    {
                        pending.Push(Get(CodegenJsonPointer.Append(at, member.Key)));
                    }
                }
            }
        }

        return Problems;
    }

    /// <summary>The node for a subschema being read (under the lock: node constructors run inside <see cref="TryGet"/>).</summary>
    internal CodegenSchema GetOrRead(string pointer, CodegenJson json, bool inEmbeddedResource)
    {
        lock (_gate)
        {
            if (!_nodes.TryGetValue(pointer, out var schema))
            {
                schema = new CodegenSchema(this, pointer, json, inEmbeddedResource);
                _nodes[pointer] = schema;
            }

            return schema;
        }
    }

    internal void Report(CodegenSchemaProblem problem)
    {
        lock (_gate)
        {
            _problems.Add(problem);
        }
    }

    /// <summary>Whether a schema object starts a resource of its own: it has an <c>$id</c> other than an anchor, and the dialect gives it one.</summary>
    internal bool IsResourceRoot(CodegenJson schema) =>
        Dialect != CodegenSchemaDialect.OpenApi30
        && schema.TryGetProperty("$id", out var id) && id.Kind == CodegenJsonKind.String && !id.StringValue.StartsWith("#", global::System.StringComparison.Ordinal)
        && !(Dialect.RefReplacesSiblings() && schema.TryGetProperty("$ref", out _));

    /// <summary>", the nearest existing value is '...'" for an unresolved pointer, to show where the path goes wrong.</summary>
    internal string DescribeNearest(string pointer)
    {
        if (!CodegenJsonPointer.TryParse(pointer, out var tokens))
        {
            return string.Empty;
        }

        for (var count = tokens.Count - 1; count >= 0; count--)
        {
            var found = CodegenJsonPointer.Find(Root, tokens, count);
            if (found is null)
            {
                continue;
            }

            var parent = Normalize(tokens.GetRange(0, count));
            return "; '#" + parent + "' exists but has no '" + tokens[count] + "'" + (found.Kind == CodegenJsonKind.Object ? " (it has " + Names(found) + ")" : string.Empty);
        }

        return string.Empty;
    }

    /// <summary>
    /// Whether a schema's ancestors include an embedded resource (a subschema with its own <c>$id</c>), inside which
    /// pointer references would resolve against that <c>$id</c>. The walk knows which keywords hold data, not schemas.
    /// </summary>
    private bool IsInEmbeddedResource(global::System.Collections.Generic.List<string> tokens)
    {
        var current = Root;
        var isContainer = false;
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            var token = tokens[i];
            if (!isContainer && token is "enum" or "const" or "default" or "examples" or "example")
            {
                return false;
            }

            isContainer = !isContainer && current.Kind == CodegenJsonKind.Object && token is "properties" or "patternProperties" or "definitions" or "$defs" or "dependentSchemas" or "dependencies";
            var next = CodegenJsonPointer.Find(current, new[] { token }, 1);
            if (next is null)
            {
                return false;
            }

            current = next;
            if (!isContainer && current.Kind == CodegenJsonKind.Object && IsResourceRoot(current))
            {
                return true;
            }
        }

        return false;
    }

    private static string Names(CodegenJson value)
    {
        var names = new global::System.Collections.Generic.List<string>();
        foreach (var member in value.Members)
        {
            if (names.Count == 8)
            {
                names.Add("...");
                break;
            }

            names.Add("'" + member.Key + "'");
        }

        return names.Count == 0 ? "no members" : string.Join(", ", names);
    }

    private static string Normalize(global::System.Collections.Generic.List<string> tokens)
    {
        var pointer = string.Empty;
        foreach (var token in tokens)
        {
            pointer = CodegenJsonPointer.Append(pointer, token);
        }

        return pointer;
    }
}
