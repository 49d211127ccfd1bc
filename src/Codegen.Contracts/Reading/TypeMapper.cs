using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.Documents;
using Codegen.Contracts.Model;
using Codegen.Contracts.Naming;
using Codegen.Runtime;

namespace Codegen.Contracts.Reading;

/// <summary>
/// Chooses the C# type of every schema the contract generates: records for objects, unions for
/// alternatives, extensible enums for string enumerations, primitives, arrays and maps. The rule it
/// follows is that a type must hold every value the schema accepts without losing any of it; the rules
/// themselves are checked by the rules engine on the JSON form, so a type never has to express them.
/// Where no narrower type holds every valid value, the value is a <c>JsonElement</c>.
/// </summary>
internal sealed partial class TypeMapper
{
    private const int MaxDepth = 64;

    private readonly CodegenSchemaDocument _schemas;
    private readonly ContractDocument _document;
    private readonly DiagnosticBag _diagnostics;
    private readonly GeneratedNames _names;
    private readonly bool _inferObjects;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, Definition> _definitions = new(StringComparer.Ordinal);
    private readonly List<Definition> _order = new();
    private readonly HashSet<string> _typeNames = new(StringComparer.Ordinal);
    private readonly Stack<Definition> _owners = new();
    private readonly List<TypeSpec> _looseTypes = new();
    private readonly Dictionary<string, Resolved> _inline = new(StringComparer.Ordinal);
    private int _depth;

    /// <param name="inferObjects">
    /// OpenAPI's convention: a schema with <c>properties</c> but no <c>type</c> is an object. In a JSON Schema
    /// contract such a schema also accepts other JSON values, so it is generated as a <c>JsonElement</c>.
    /// </param>
    public TypeMapper(CodegenSchemaDocument schemas, ContractDocument document, DiagnosticBag diagnostics, GeneratedNames names, bool inferObjects, CancellationToken cancellationToken)
    {
        _schemas = schemas;
        _document = document;
        _diagnostics = diagnostics;
        _names = names;
        _inferObjects = inferObjects;
        _cancellationToken = cancellationToken;
        foreach (var name in names.ContractWideTypes)
        {
            _typeNames.Add(name);
        }
    }

    /// <summary>The type a schema maps to: a <see cref="TypeRef"/> and whether null is a valid value.</summary>
    public sealed record Resolved(TypeRef Type, bool Nullable);

    /// <summary>
    /// Names the contract's reusable schemas (<c>definitions</c>, <c>$defs</c>, <c>components/schemas</c>) before
    /// anything is resolved, so that references and recursion find their types by name.
    /// </summary>
    public void Declare(IEnumerable<KeyValuePair<string, string>> definitions)
    {
        foreach (var pair in definitions)
        {
            var jsonName = pair.Key;
            var pointer = pair.Value;
            var candidate = Identifiers.ToPascalCase(jsonName, "Definition");
            var name = UniqueTypeName(candidate);
            if (name != candidate)
            {
                var reason = _names.IsContractWide(candidate)
                    ? $"which the generated code already uses for a contract-wide type ({candidate})"
                    : "which another definition already has";
                _diagnostics.Add(ContractDiagnosticIds.NameCollision, _document.SpanOf(pointer),
                    $"Definition '{JsonPointer.Excerpt(jsonName)}' maps to the C# name '{candidate}', {reason}; it is generated as '{name}'. Rename one of them to keep stable names.");
            }

            var schema = _schemas.Get(pointer);
            var definition = new Definition(jsonName, pointer, schema, name, ShallowKind(schema));
            _definitions[pointer] = definition;
            _order.Add(definition);
        }
    }

    /// <summary>Resolves every declared definition, generating its types.</summary>
    public void ResolveDeclared()
    {
        foreach (var definition in _order)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            ResolveDefinition(definition);
        }
    }

    /// <summary>The type of the schema at <paramref name="pointer"/>, naming inline types after <paramref name="nameHint"/>.</summary>
    public Resolved ResolveAt(string pointer, string nameHint) =>
        _definitions.TryGetValue(pointer, out var definition) ? ResolveDefinition(definition) : Resolve(_schemas.Get(pointer), nameHint);

    /// <summary>Every generated type: definitions in contract order, each followed by the inline types it owns, then inline types of operations.</summary>
    public List<TypeSpec> Types
    {
        get
        {
            var types = new List<TypeSpec>();
            foreach (var definition in _order)
            {
                types.AddRange(definition.Types);
            }

            types.AddRange(_looseTypes);
            return types;
        }
    }

    private Resolved ResolveDefinition(Definition definition)
    {
        if (definition.Result is { } done)
        {
            return done;
        }

        if (definition.InProgress)
        {
            // A reference back to a definition being resolved: named kinds are known up front.
            if (definition.Kind is TypeRefKind.Object or TypeRefKind.Union or TypeRefKind.Enum)
            {
                return new Resolved(TypeRef.Named(definition.Kind, definition.TypeName), IsNullable(definition.Schema));
            }

            _diagnostics.Add(ContractDiagnosticIds.NotGenerated, _document.SpanOf(definition.Pointer),
                $"Definition '{JsonPointer.Excerpt(definition.JsonName)}' refers to itself without an object in between; it is generated as a JsonElement (its rules still apply).");
            return new Resolved(TypeRef.Any, true);
        }

        definition.InProgress = true;
        _owners.Push(definition);
        try
        {
            var result = ResolveCore(definition.Schema, definition.TypeName, exactName: true);
            definition.Result = result;
            return result;
        }
        finally
        {
            _owners.Pop();
            definition.InProgress = false;
        }
    }

    private Resolved Resolve(CodegenSchema schema, string nameHint)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (_inline.TryGetValue(schema.Pointer, out var cached))
        {
            return cached;
        }

        if (++_depth > MaxDepth)
        {
            _depth--;
            _diagnostics.Add(ContractDiagnosticIds.NotGenerated, _document.SpanOf(schema.Pointer),
                $"The schema nests deeper than {MaxDepth.ToString(CultureInfo.InvariantCulture)} levels here; this part is generated as a JsonElement (its rules still apply).");
            return new Resolved(TypeRef.Any, true);
        }

        try
        {
            var result = ResolveCore(schema, nameHint, exactName: false);
            _inline[schema.Pointer] = result;
            return result;
        }
        finally
        {
            _depth--;
        }
    }

    private Resolved ResolveCore(CodegenSchema schema, string nameHint, bool exactName)
    {
        var nullable = IsNullable(schema);
        if (Target(schema) is { } target)
        {
            var resolved = _definitions.TryGetValue(target.Pointer, out var definition) ? ResolveDefinition(definition) : Resolve(target, nameHint);
            return resolved with { Nullable = resolved.Nullable || nullable };
        }

        if (schema.BooleanValue is not null)
        {
            return new Resolved(TypeRef.Any, true);
        }

        var result = Shape(schema, nameHint, exactName);
        return result with { Nullable = result.Nullable || nullable };
    }

    private Resolved Shape(CodegenSchema schema, string nameHint, bool exactName)
    {
        if (schema.Const is { } constant)
        {
            return new Resolved(KindOfValue(constant, schema), constant.IsNull);
        }

        if (schema.Enum is { } values)
        {
            return ShapeOfEnum(schema, values, nameHint, exactName);
        }

        if (schema.AllOf is { Count: > 0 })
        {
            return ShapeOfAllOf(schema, nameHint, exactName);
        }

        var alternatives = Alternatives(schema);
        if (alternatives is not null)
        {
            return ShapeOfAlternatives(schema, alternatives, nameHint, exactName);
        }

        var types = schema.Types & ~CodegenSchemaTypes.Null;
        if (types == CodegenSchemaTypes.None)
        {
            types = Inferred(schema);
        }

        if (Count(types) > 1)
        {
            return ShapeOfTypeList(schema, types, nameHint, exactName);
        }

        switch (types)
        {
            case CodegenSchemaTypes.String:
                return new Resolved(StringType(schema), false);
            case CodegenSchemaTypes.Integer:
                return new Resolved(IntegerType(schema), false);
            case CodegenSchemaTypes.Number:
            case CodegenSchemaTypes.Number | CodegenSchemaTypes.Integer:
                return new Resolved(TypeRef.Number, false);
            case CodegenSchemaTypes.Boolean:
                return new Resolved(TypeRef.Boolean, false);
            case CodegenSchemaTypes.Array:
                return new Resolved(ArrayType(schema, nameHint), false);
            case CodegenSchemaTypes.Object:
                return ShapeOfObject(schema, nameHint, exactName);
            default:
                return new Resolved(TypeRef.Any, false);
        }
    }

    /// <summary>What a schema without <c>type</c> holds: in OpenAPI, an object when it has object keywords (the convention); otherwise anything.</summary>
    private CodegenSchemaTypes Inferred(CodegenSchema schema)
    {
        var hasObjectKeywords = schema.Properties.Count > 0 || schema.AdditionalProperties is not null || schema.Required.Count > 0;
        if (!hasObjectKeywords)
        {
            return CodegenSchemaTypes.None;
        }

        if (_inferObjects)
        {
            return CodegenSchemaTypes.Object;
        }

        if (schema.Properties.Count > 0)
        {
            _diagnostics.Add(ContractDiagnosticIds.NotGenerated, _document.SpanOf(schema.Pointer),
                "This schema has 'properties' but no 'type', so it also accepts values that are not objects; it is generated as a JsonElement (its rules still apply). Add \"type\": \"object\" to get a record.");
        }

        return CodegenSchemaTypes.None;
    }

    private Resolved ShapeOfObject(CodegenSchema schema, string nameHint, bool exactName)
    {
        if (schema.Properties.Count == 0)
        {
            if (schema.AdditionalProperties is { } values && values.BooleanValue is null)
            {
                var value = Resolve(values, nameHint + "Value");
                return new Resolved(TypeRef.MapOf(value.Type, value.Nullable), false);
            }

            // An object the contract says nothing more about: any JSON object.
            return new Resolved(TypeRef.Any, false);
        }

        var spec = CreateObject(new List<CodegenSchema> { schema }, schema, TypeName(nameHint, exactName));
        AddType(spec);
        return new Resolved(TypeRef.Named(TypeRefKind.Object, spec.Name), false);
    }

    private Resolved ShapeOfAllOf(CodegenSchema schema, string nameHint, bool exactName)
    {
        // The parts that say something about the shape; the others only add rules, which the rules engine checks.
        var parts = ShapedParts(schema, out var objectLike);
        if (parts.Count == 1 && !ReferenceEquals(parts[0], schema))
        {
            var only = parts[0];
            if (_definitions.TryGetValue(only.Pointer, out var definition))
            {
                return ResolveDefinition(definition);
            }

            return exactName ? ResolveCore(only, nameHint, exactName: true) : Resolve(only, nameHint);
        }

        if (objectLike && parts.Count > 0)
        {
            var spec = CreateObject(parts, schema, TypeName(nameHint, exactName));
            AddType(spec);
            return new Resolved(TypeRef.Named(TypeRefKind.Object, spec.Name), false);
        }

        return new Resolved(TypeRef.Any, false);
    }

    /// <summary>
    /// The schema and its allOf parts (transitively) that give it a shape; <paramref name="objectLike"/> when every one
    /// describes an object. A part's own allOf is in the list beside it, so it gives the part no shape by itself:
    /// <c>allOf: [{ maximum: 30 }, { minimum: 20 }]</c> has no shaped part and holds any value.
    /// </summary>
    private List<CodegenSchema> ShapedParts(CodegenSchema schema, out bool objectLike)
    {
        var parts = new List<CodegenSchema>();
        objectLike = true;
        foreach (var part in Flatten(schema))
        {
            if (IsShapeless(part))
            {
                continue;
            }

            parts.Add(part);
            objectLike &= IsObjectLike(part);
        }

        return parts;
    }

    /// <summary>The schema and the parts of its allOf, transitively, references followed.</summary>
    private IEnumerable<CodegenSchema> Flatten(CodegenSchema schema)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<CodegenSchema>();
        stack.Push(schema);
        var result = new List<CodegenSchema>();
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            var resolved = Target(current) ?? current;
            if (!seen.Add(resolved.Pointer))
            {
                continue;
            }

            result.Add(resolved);
            if (resolved.AllOf is { } parts)
            {
                for (var i = parts.Count - 1; i >= 0; i--)
                {
                    stack.Push(parts[i]);
                }
            }
        }

        // The schema itself last, so that its own properties override those of its parts.
        result.Remove(Target(schema) ?? schema);
        result.Add(Target(schema) ?? schema);
        return result;
    }

    private TypeRef ArrayType(CodegenSchema schema, string nameHint)
    {
        // A tuple's items differ by position: no one C# item type holds them all, so items are JsonElements.
        if (schema.PrefixItems is { Count: > 0 } || schema.Items is null || schema.Items.BooleanValue is not null)
        {
            return TypeRef.ArrayOf(TypeRef.Any, itemIsNullable: true);
        }

        var item = Resolve(schema.Items, nameHint + "Item");
        return TypeRef.ArrayOf(item.Type, item.Nullable);
    }

    private sealed class Definition
    {
        public Definition(string jsonName, string pointer, CodegenSchema schema, string typeName, TypeRefKind kind)
        {
            JsonName = jsonName;
            Pointer = pointer;
            Schema = schema;
            TypeName = typeName;
            Kind = kind;
        }

        public string JsonName { get; }

        public string Pointer { get; }

        public CodegenSchema Schema { get; }

        public string TypeName { get; }

        public TypeRefKind Kind { get; }

        public bool InProgress { get; set; }

        public Resolved? Result { get; set; }

        public List<TypeSpec> Types { get; } = new();
    }
}
