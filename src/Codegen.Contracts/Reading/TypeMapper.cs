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
internal sealed class TypeMapper
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

    private Resolved ShapeOfEnum(CodegenSchema schema, IReadOnlyList<CodegenJson> values, string nameHint, bool exactName)
    {
        var nullable = false;
        var strings = new List<string>();
        var kinds = CodegenSchemaTypes.None;
        foreach (var value in values)
        {
            switch (value.Kind)
            {
                case CodegenJsonKind.Null:
                    nullable = true;
                    break;
                case CodegenJsonKind.String:
                    strings.Add(value.StringValue);
                    kinds |= CodegenSchemaTypes.String;
                    break;
                case CodegenJsonKind.Number:
                    kinds |= value.NumberValue.IsInteger ? CodegenSchemaTypes.Integer : CodegenSchemaTypes.Number;
                    break;
                case CodegenJsonKind.True:
                case CodegenJsonKind.False:
                    kinds |= CodegenSchemaTypes.Boolean;
                    break;
                default:
                    kinds |= CodegenSchemaTypes.Object;
                    break;
            }
        }

        if (kinds == CodegenSchemaTypes.String)
        {
            if (strings.Count == 1)
            {
                // A single value (OpenAI's "x-stainless-const" idiom): a string that the generated code sets for you.
                return new Resolved(TypeRef.String, nullable);
            }

            var spec = CreateEnum(schema, strings, isOpen: false, TypeName(nameHint, exactName));
            AddType(spec);
            return new Resolved(TypeRef.Named(TypeRefKind.Enum, spec.Name), nullable);
        }

        var type = kinds switch
        {
            CodegenSchemaTypes.Integer => IntegerType(schema, values),
            CodegenSchemaTypes.Number or (CodegenSchemaTypes.Number | CodegenSchemaTypes.Integer) => TypeRef.Number,
            CodegenSchemaTypes.Boolean => TypeRef.Boolean,
            _ => TypeRef.Any,
        };
        return new Resolved(type, nullable);
    }

    private Resolved ShapeOfAlternatives(CodegenSchema schema, List<CodegenSchema> alternatives, string nameHint, bool exactName)
    {
        var nonNull = alternatives.FindAll(a => !IsNullSchema(a));
        var nullable = nonNull.Count != alternatives.Count;
        if (nonNull.Count == 0)
        {
            return new Resolved(TypeRef.Any, true);
        }

        if (nonNull.Count == 1)
        {
            // A wrapper that only adds null: the definition's name goes to what it wraps.
            var only = exactName && Target(nonNull[0]) is null ? ResolveCore(nonNull[0], nameHint, exactName: true) : Resolve(nonNull[0], nameHint);
            return only with { Nullable = only.Nullable || nullable };
        }

        // The open-enum idiom: anyOf [{ enum: [...] }, { type: string }] (or only enums, closed).
        var stringish = nonNull.TrueForAll(a => IsStringish(Target(a) ?? a));
        if (stringish && nonNull.Exists(a => (Target(a) ?? a).Enum is not null))
        {
            var values = new List<string>();
            var open = false;
            foreach (var alternative in nonNull)
            {
                var resolved = Target(alternative) ?? alternative;
                if (resolved.Enum is null)
                {
                    open = true;
                    continue;
                }

                foreach (var value in resolved.Enum)
                {
                    if (value.Kind == CodegenJsonKind.String && !values.Contains(value.StringValue))
                    {
                        values.Add(value.StringValue);
                    }
                }
            }

            var spec = CreateEnum(schema, values, open, TypeName(nameHint, exactName));
            AddType(spec);
            return new Resolved(TypeRef.Named(TypeRefKind.Enum, spec.Name), nullable);
        }

        var typeName = TypeName(nameHint, exactName);
        var cases = new List<UnionCaseSpec>();
        var caseNames = new HashSet<string>(GeneratedNames.UnionMembers, StringComparer.Ordinal) { typeName };
        var shapes = new HashSet<string>(StringComparer.Ordinal);
        var ambiguous = false;
        for (var i = 0; i < nonNull.Count; i++)
        {
            var alternative = nonNull[i];
            var resolvedAlternative = Target(alternative) ?? alternative;
            var title = resolvedAlternative.Title;
            var hint = typeName + (string.IsNullOrWhiteSpace(title) ? "Option" + (i + 1).ToString(CultureInfo.InvariantCulture) : Identifiers.ToPascalCase(title, "Option"));
            var resolved = Resolve(alternative, hint);
            nullable |= resolved.Nullable;
            // Two cases alike on the wire, or one that takes any value, are told apart by their schemas when read.
            ambiguous |= !shapes.Add(ShapeOf(resolved.Type)) || resolved.Type.Kind == TypeRefKind.Any;
            var caseName = Identifiers.MakeUnique(CaseName(resolved.Type), caseNames);
            cases.Add(new UnionCaseSpec(caseName, resolved.Type) { SchemaPointer = (Target(alternative) ?? alternative).Pointer });
        }

        var union = new UnionTypeSpec
        {
            Name = typeName,
            Description = schema.Description,
            SchemaPointer = schema.Pointer,
            Cases = cases.ToEquatableArray(),
            Discriminator = DiscriminatorOf(schema, cases),
            IsExclusive = schema.OneOf is not null,
            CasesShareShapes = ambiguous,
        };
        AddType(union);
        return new Resolved(TypeRef.Named(TypeRefKind.Union, typeName), nullable);
    }

    /// <summary>OpenAPI's discriminator, resolved to case names; explicit mappings first, then each case's own name.</summary>
    private DiscriminatorSpec? DiscriminatorOf(CodegenSchema schema, List<UnionCaseSpec> cases)
    {
        if (schema.Discriminator is not { } discriminator)
        {
            return null;
        }

        var mappings = new List<DiscriminatorMappingSpec>();
        foreach (var entry in discriminator.Mapping)
        {
            var pointer = JsonPointer.FromFragment(entry.Value) ?? "/components/schemas/" + JsonPointer.Escape(entry.Value);
            var match = cases.Find(c => c.SchemaPointer == pointer);
            if (match is null)
            {
                _diagnostics.Add(ContractDiagnosticIds.NotGenerated, _document.SpanOf(JsonPointer.Append(JsonPointer.Append(JsonPointer.Append(schema.Pointer, "discriminator"), "mapping"), entry.Key)),
                    $"The discriminator value '{JsonPointer.Excerpt(entry.Key)}' maps to '{JsonPointer.Excerpt(entry.Value)}', which is not one of the alternatives; such values are read by their shape.");
                continue;
            }

            mappings.Add(new DiscriminatorMappingSpec(entry.Key, match.Name));
        }

        foreach (var unionCase in cases)
        {
            if (unionCase.SchemaPointer is { } pointer && pointer.StartsWith("/components/schemas/", StringComparison.Ordinal))
            {
                var implicitValue = JsonPointer.LastToken(pointer);
                if (!mappings.Exists(m => m.CaseName == unionCase.Name) && !mappings.Exists(m => m.Value == implicitValue))
                {
                    mappings.Add(new DiscriminatorMappingSpec(implicitValue, unionCase.Name));
                }
            }
        }

        return new DiscriminatorSpec(discriminator.PropertyName, mappings.ToEquatableArray());
    }

    private Resolved ShapeOfTypeList(CodegenSchema schema, CodegenSchemaTypes types, string nameHint, bool exactName)
    {
        var typeName = TypeName(nameHint, exactName);
        var cases = new List<UnionCaseSpec>();
        var caseNames = new HashSet<string>(GeneratedNames.UnionMembers, StringComparer.Ordinal) { typeName };
        void Add(TypeRef type) => cases.Add(new UnionCaseSpec(Identifiers.MakeUnique(CaseName(type), caseNames), type) { SchemaPointer = schema.Pointer });
        if ((types & CodegenSchemaTypes.String) != 0)
        {
            Add(StringType(schema));
        }

        if ((types & CodegenSchemaTypes.Number) != 0)
        {
            Add(TypeRef.Number);
        }
        else if ((types & CodegenSchemaTypes.Integer) != 0)
        {
            Add(IntegerType(schema));
        }

        if ((types & CodegenSchemaTypes.Boolean) != 0)
        {
            Add(TypeRef.Boolean);
        }

        if ((types & CodegenSchemaTypes.Array) != 0)
        {
            Add(ArrayType(schema, nameHint));
        }

        if ((types & CodegenSchemaTypes.Object) != 0)
        {
            Add(ShapeOfObject(schema, nameHint + "Object", exactName: false).Type);
        }

        var union = new UnionTypeSpec { Name = typeName, Description = schema.Description, SchemaPointer = schema.Pointer, Cases = cases.ToEquatableArray() };
        AddType(union);
        return new Resolved(TypeRef.Named(TypeRefKind.Union, typeName), false);
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

    private ObjectTypeSpec CreateObject(List<CodegenSchema> parts, CodegenSchema owner, string typeName)
    {
        var properties = new List<PropertySpec>();
        var byJsonName = new Dictionary<string, int>(StringComparer.Ordinal);
        var memberNames = new HashSet<string>(GeneratedNames.ObjectMembers, StringComparer.Ordinal) { typeName };
        var parameterNames = new HashSet<string>(GeneratedNames.BuilderLocals, StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        var drafts = new List<(string JsonName, CodegenSchema Schema)>();
        var closed = false;
        foreach (var part in parts)
        {
            foreach (var name in part.Required)
            {
                required.Add(name);
            }

            closed |= part.AdditionalProperties is { BooleanValue: false };
            foreach (var property in part.Properties)
            {
                if (byJsonName.TryGetValue(property.Key, out var index))
                {
                    drafts[index] = (property.Key, property.Value);
                }
                else
                {
                    byJsonName[property.Key] = drafts.Count;
                    drafts.Add((property.Key, property.Value));
                }
            }
        }

        foreach (var (jsonName, propertySchema) in drafts)
        {
            var candidate = Identifiers.ToMemberName(jsonName, "Property");
            if (GeneratedNames.IsObjectMember(candidate) || candidate == typeName)
            {
                candidate += "Value";
            }

            var name = Identifiers.MakeUnique(candidate, memberNames);
            if (name != candidate)
            {
                _diagnostics.Add(ContractDiagnosticIds.NameCollision, _document.SpanOf(propertySchema.Pointer),
                    $"Property '{JsonPointer.Excerpt(jsonName)}' of '{typeName}' maps to the C# name '{candidate}', which another property already has; it is generated as '{name}' (the JSON name is kept on the wire).");
            }

            var resolved = Resolve(propertySchema, typeName + name);
            var annotations = Target(propertySchema) is { } target && propertySchema.Description is null ? target : propertySchema;
            properties.Add(new PropertySpec
            {
                JsonName = jsonName,
                Name = name,
                ParameterName = UniqueParameterName(name, parameterNames),
                Description = propertySchema.Description ?? annotations.Description,
                Type = resolved.Type,
                IsRequired = required.Contains(jsonName),
                IsNullable = resolved.Nullable,
                Default = DefaultOf(propertySchema, resolved),
                Constant = ConstantOf(propertySchema),
                IsDeprecated = propertySchema.Deprecated || annotations.Deprecated,
                IsReadOnly = propertySchema.ReadOnly || annotations.ReadOnly,
                IsWriteOnly = propertySchema.WriteOnly || annotations.WriteOnly,
                SchemaPointer = propertySchema.Pointer,
            });
        }

        return new ObjectTypeSpec
        {
            Name = typeName,
            Description = owner.Description,
            SchemaPointer = owner.Pointer,
            Properties = properties.ToEquatableArray(),
            IsClosed = closed,
        };
    }

    private EnumTypeSpec CreateEnum(CodegenSchema schema, List<string> values, bool isOpen, string typeName)
    {
        var members = new List<EnumMemberSpec>();
        var memberNames = new HashSet<string>(GeneratedNames.EnumMembers, StringComparer.Ordinal) { typeName };
        foreach (var value in values)
        {
            members.Add(new EnumMemberSpec(Identifiers.MakeUnique(Identifiers.ToMemberName(value, "Empty"), memberNames), value));
        }

        return new EnumTypeSpec { Name = typeName, Description = schema.Description, SchemaPointer = schema.Pointer, Members = members.ToEquatableArray(), IsOpen = isOpen };
    }

    /// <summary>The default, when it is a valid value of the property (checked by the rules engine, as any value is).</summary>
    private ContractValue? DefaultOf(CodegenSchema property, Resolved resolved)
    {
        var annotated = property.Default is not null ? property : Target(property);
        if (annotated?.Default is not { } value)
        {
            return null;
        }

        var pointer = JsonPointer.Append(annotated.Pointer, "default");
        var violation = CodegenSchemaEvaluator.FirstViolation(property, value, "$");
        if (violation is not null)
        {
            _diagnostics.Add(ContractDiagnosticIds.InvalidDefault, _document.SpanOf(pointer),
                $"The default {JsonPointer.Excerpt(value.ToString())} breaks the property's own schema ({violation.Rule}); it is ignored. Make the default a valid value.");
            return null;
        }

        if (value.IsNull && !resolved.Nullable)
        {
            return null;
        }

        return ContractValue.From(value);
    }

    /// <summary>The single value a property can have (<c>const</c>, or an enum of one), which the generated code sets for you.</summary>
    private static ContractValue? ConstantOf(CodegenSchema property)
    {
        var schema = property;
        for (var hops = 0; hops < 8 && Target(schema) is { } target; hops++)
        {
            schema = target;
        }

        if (schema.Const is { Kind: CodegenJsonKind.String } constant)
        {
            return ContractValue.From(constant);
        }

        return schema.Enum is { Count: 1 } values && values[0].Kind == CodegenJsonKind.String ? ContractValue.From(values[0]) : null;
    }

    private TypeRefKind ShallowKind(CodegenSchema schema)
    {
        // What the type will be named after: a wrapper that only adds null, or an allOf with one shaped part, is its content.
        for (var hops = 0; hops < 8; hops++)
        {
            if (Alternatives(schema) is { } wrapped && schema.Enum is null && wrapped.FindAll(a => !IsNullSchema(a)) is { Count: 1 } single && Target(single[0]) is null && single[0].BooleanValue is null)
            {
                schema = single[0];
                continue;
            }

            break;
        }

        if (Target(schema) is not null || schema.BooleanValue is not null)
        {
            return TypeRefKind.Any;
        }

        if (schema.Enum is { } values)
        {
            var strings = 0;
            foreach (var value in values)
            {
                if (value.Kind == CodegenJsonKind.String)
                {
                    strings++;
                }
                else if (!value.IsNull)
                {
                    return TypeRefKind.Any;
                }
            }

            return strings > 1 ? TypeRefKind.Enum : TypeRefKind.Any;
        }

        if (schema.AllOf is { Count: > 0 })
        {
            // As ShapeOfAllOf decides: several object parts, or the schema's own object shape, make an object.
            var parts = ShapedParts(schema, out var objects);
            return objects && (parts.Count > 1 || (parts.Count == 1 && ReferenceEquals(parts[0], schema))) ? TypeRefKind.Object : TypeRefKind.Any;
        }

        if (Alternatives(schema) is { } alternatives)
        {
            var nonNull = alternatives.FindAll(a => !IsNullSchema(a));
            if (nonNull.Count < 2)
            {
                return TypeRefKind.Any;
            }

            return nonNull.TrueForAll(a => IsStringish(Target(a) ?? a)) && nonNull.Exists(a => (Target(a) ?? a).Enum is not null) ? TypeRefKind.Enum : TypeRefKind.Union;
        }

        var types = schema.Types & ~CodegenSchemaTypes.Null;
        if (types == CodegenSchemaTypes.None && _inferObjects && (schema.Properties.Count > 0 || schema.Required.Count > 0))
        {
            types = CodegenSchemaTypes.Object;
        }

        if (Count(types) > 1)
        {
            return TypeRefKind.Union;
        }

        return types == CodegenSchemaTypes.Object && schema.Properties.Count > 0 ? TypeRefKind.Object : TypeRefKind.Any;
    }

    /// <summary>The schema a reference stands for, when the reference is all there is to it (its siblings only annotate or add rules).</summary>
    private static CodegenSchema? Target(CodegenSchema schema)
    {
        if (schema.ReferenceTarget is not { } target)
        {
            return null;
        }

        // In 2020-12 a $ref may sit beside other keywords; a shape beside it (properties, alternatives) is not just a reference.
        var shaped = schema.Properties.Count > 0 || schema.AllOf is not null || schema.AnyOf is not null || schema.OneOf is not null || schema.Items is not null;
        return shaped ? null : target;
    }

    private static List<CodegenSchema>? Alternatives(CodegenSchema schema)
    {
        if (schema.OneOf is null && schema.AnyOf is null)
        {
            return null;
        }

        var list = new List<CodegenSchema>();
        if (schema.OneOf is { } oneOf)
        {
            list.AddRange(oneOf);
        }

        if (schema.AnyOf is { } anyOf)
        {
            list.AddRange(anyOf);
        }

        return list;
    }

    private static bool IsNullable(CodegenSchema schema)
    {
        if ((schema.Types & CodegenSchemaTypes.Null) != 0 || schema.AcceptsNull || schema.Const is { IsNull: true })
        {
            return true;
        }

        if (schema.Enum is { } values)
        {
            foreach (var value in values)
            {
                if (value.IsNull)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsNullSchema(CodegenSchema schema)
    {
        var resolved = Target(schema) ?? schema;
        if (resolved.Types == CodegenSchemaTypes.Null || resolved.Const is { IsNull: true })
        {
            return true;
        }

        if (resolved.Enum is not { Count: > 0 } values)
        {
            return false;
        }

        foreach (var value in values)
        {
            if (!value.IsNull)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A part of a flattened allOf with no type, no properties, no alternatives, no enum: it only annotates or adds rules.
    /// Its own allOf does not count: those parts are flattened beside it.
    /// </summary>
    private static bool IsShapeless(CodegenSchema schema) =>
        schema.BooleanValue is not null
        || ((schema.Types & ~CodegenSchemaTypes.Null) == CodegenSchemaTypes.None && schema.Properties.Count == 0 && schema.AdditionalProperties is null
            && schema.Enum is null && schema.Const is null && schema.AnyOf is null && schema.OneOf is null && schema.Items is null && schema.PrefixItems is null
            && schema.ReferenceTarget is null);

    /// <summary>A part of a flattened allOf that describes an object (its own allOf does not count, as for <see cref="IsShapeless"/>).</summary>
    private static bool IsObjectLike(CodegenSchema schema)
    {
        var types = schema.Types & ~CodegenSchemaTypes.Null;
        return (types == CodegenSchemaTypes.Object || (types == CodegenSchemaTypes.None && (schema.Properties.Count > 0 || schema.Required.Count > 0)))
            && schema.Enum is null && schema.AnyOf is null && schema.OneOf is null;
    }

    private static bool IsStringish(CodegenSchema schema)
    {
        var types = schema.Types & ~CodegenSchemaTypes.Null;
        if (schema.Enum is { } values)
        {
            foreach (var value in values)
            {
                if (!(value.Kind == CodegenJsonKind.String || value.IsNull))
                {
                    return false;
                }
            }

            return types is CodegenSchemaTypes.None or CodegenSchemaTypes.String;
        }

        return types == CodegenSchemaTypes.String && schema.ReferenceTarget is null && schema.AnyOf is null && schema.OneOf is null && schema.AllOf is null;
    }

    private TypeRef StringType(CodegenSchema schema) => schema.Format switch
    {
        "byte" => TypeRef.Bytes,
        "binary" => TypeRef.FileOf(_names.File),
        _ => TypeRef.String,
    };

    /// <summary>int when the contract's format or bounds keep every value within 32 bits; long otherwise.</summary>
    private static TypeRef IntegerType(CodegenSchema schema, IReadOnlyList<CodegenJson>? values = null)
    {
        if (schema.Format is "int32" or "uint8" or "int8" or "int16" or "uint16")
        {
            return TypeRef.Int32;
        }

        if (values is not null)
        {
            foreach (var value in values)
            {
                if (value.Kind == CodegenJsonKind.Number && !(value.NumberValue.TryGetInt64(out var whole) && whole >= int.MinValue && whole <= int.MaxValue))
                {
                    return TypeRef.Int64;
                }
            }

            return TypeRef.Int32;
        }

        var lower = schema.Minimum ?? schema.ExclusiveMinimum;
        var upper = schema.Maximum ?? schema.ExclusiveMaximum;
        return lower is { } min && upper is { } max && min >= CodegenNumber.FromInt64(int.MinValue) && max <= CodegenNumber.FromInt64(int.MaxValue)
            ? TypeRef.Int32
            : TypeRef.Int64;
    }

    private static TypeRef KindOfValue(CodegenJson value, CodegenSchema schema) => value.Kind switch
    {
        CodegenJsonKind.String => TypeRef.String,
        CodegenJsonKind.Number => value.NumberValue.IsInteger ? IntegerType(schema, new[] { value }) : TypeRef.Number,
        CodegenJsonKind.True or CodegenJsonKind.False => TypeRef.Boolean,
        _ => TypeRef.Any,
    };

    private static int Count(CodegenSchemaTypes types)
    {
        var count = 0;
        foreach (var flag in new[] { CodegenSchemaTypes.String, CodegenSchemaTypes.Boolean, CodegenSchemaTypes.Array, CodegenSchemaTypes.Object })
        {
            if ((types & flag) != 0)
            {
                count++;
            }
        }

        // integer | number is a number.
        return count + ((types & (CodegenSchemaTypes.Integer | CodegenSchemaTypes.Number)) != 0 ? 1 : 0);
    }

    private static string CaseName(TypeRef type) => type.Kind switch
    {
        TypeRefKind.String => "String",
        TypeRefKind.Int32 or TypeRefKind.Int64 => "Integer",
        TypeRefKind.Number => "Number",
        TypeRefKind.Boolean => "Boolean",
        TypeRefKind.Any => "Json",
        TypeRefKind.Bytes => "Bytes",
        TypeRefKind.File => "File",
        TypeRefKind.Map => CaseName(type.Item!) + "Map",
        TypeRefKind.Array => CaseName(type.Item!) + "Array",
        _ => type.Name!,
    };

    /// <summary>What a value looks like on the wire, as far as telling union cases apart goes.</summary>
    private static string ShapeOf(TypeRef type) => type.Kind switch
    {
        TypeRefKind.String or TypeRefKind.Enum or TypeRefKind.Bytes or TypeRefKind.File => "string",
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Number => "number",
        TypeRefKind.Boolean => "boolean",
        TypeRefKind.Array => "array of " + ShapeOf(type.Item!),
        TypeRefKind.Any => "any",
        TypeRefKind.Union => "union",
        _ => "object",
    };

    /// <summary>
    /// Properties that differ only in case ("Name", "NAME") give the same camelCase parameter; builder fields are named
    /// after parameters and carry an "IsSet" twin, so both names must be free.
    /// </summary>
    private static string UniqueParameterName(string propertyName, HashSet<string> taken)
    {
        var candidate = Identifiers.ToCamelCase(propertyName);
        var bare = candidate.TrimStart('@');
        var result = candidate;
        for (var i = 2; taken.Contains(result.TrimStart('@')) || taken.Contains(result.TrimStart('@') + "IsSet"); i++)
        {
            result = bare + i.ToString(CultureInfo.InvariantCulture);
        }

        taken.Add(result.TrimStart('@'));
        taken.Add(result.TrimStart('@') + "IsSet");
        return result;
    }

    private string TypeName(string hint, bool exact) => exact ? hint : UniqueTypeName(hint);

    private string UniqueTypeName(string candidate)
    {
        // A type may not be named like a member its own kind declares (a union named "Value" with a "Value" member).
        if (GeneratedNames.IsReservedTypeName(candidate))
        {
            candidate += "Type";
        }

        return Identifiers.MakeUnique(candidate, _typeNames);
    }

    private void AddType(TypeSpec spec)
    {
        spec = spec with { Examples = ExamplesOf(spec.SchemaPointer) };
        if (_owners.Count > 0)
        {
            _owners.Peek().Types.Add(spec with { Group = _owners.Peek().TypeName });
        }
        else
        {
            _looseTypes.Add(spec);
        }
    }

    private EquatableArray<string> ExamplesOf(string pointer)
    {
        var schema = _schemas.Get(pointer);
        var examples = new List<string>();
        if (schema.Examples is { } values)
        {
            foreach (var value in values)
            {
                examples.Add(value.ToString());
            }
        }

        if (schema.Example is { } example)
        {
            examples.Add(example.ToString());
        }

        return examples.ToEquatableArray();
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
