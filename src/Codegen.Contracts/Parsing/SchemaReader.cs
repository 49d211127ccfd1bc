using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.Model;
using Codegen.Contracts.Naming;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Codegen.Contracts.Parsing;

/// <summary>
/// Walks the NJsonSchema model of a contract and turns each definition (and each inline object, union
/// or enum it meets) into a <see cref="TypeSpec"/>. JSON pointers travel alongside so that every
/// diagnostic lands on its line.
/// </summary>
internal sealed class SchemaReader
{
    private const int MaxDepth = 64;

    /// <summary>Members every generated record has; a contract property with one of these names is renamed.</summary>
    private static readonly string[] ReservedMemberNames =
    {
        "AdditionalProperties", "Builder", "CreateBuilder", "Validate", "ThrowIfInvalid", "CollectViolations", "JsonConverter", "Defaults", "EqualityContract", "Equals",
        "GetHashCode", "ToString", "Deconstruct", "PrintMembers", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    /// <summary>Locals of generated builders and validation; a builder parameter of the same name is renamed (and so is one starting with "checked").</summary>
    private static readonly string[] ReservedParameterNames = { "checkedValue", "result", "violations", "path", "value", "options", "writer", "reader", "additional", "item", "i" };

    private static readonly string[] ReservedEnumMemberNames = { "Value", "HasValue", "JsonConverter", "Equals", "GetHashCode", "ToString", "GetType", "IsKnown", "KnownValues" };

    private readonly JsonDocumentMap _document;
    private readonly DiagnosticBag _diagnostics;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<string> _typeNames = new(StringComparer.Ordinal);
    private readonly Dictionary<JsonSchema, Definition> _bySchema = new(ReferenceComparer.Instance);
    private readonly Dictionary<string, Definition> _byName = new(StringComparer.Ordinal);
    private readonly List<Definition> _order = new();
    private readonly Stack<Definition> _owners = new();
    private readonly List<TypeSpec> _looseTypes = new();
    private int _depth;

    public SchemaReader(JsonDocumentMap document, DiagnosticBag diagnostics, string prefix, CancellationToken cancellationToken)
    {
        _document = document;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;

        // Contract-wide types the emitters add (src/Codegen.Runtime's files among them); a definition of the same name is renamed.
        foreach (var suffix in new[]
        {
            "JsonContext", "Client", "ClientOptions", "ApiException", "ContractViolation", "ValidationException", "ServiceCollectionExtensions",
            "ClientServiceCollectionExtensions", "JsonHelpers", "ValidationHelpers", "ClientPipeline", "RetryPolicy", "ErrorBody", "SecretRedactor",
            "ServerSentEventReader", "EventStream",
        })
        {
            _typeNames.Add(prefix + suffix);
        }
    }

    public List<TypeSpec> ReadDefinitions(JsonSchema root)
    {
        foreach (var pair in root.Definitions)
        {
            var pointer = JsonDocumentMap.Append("/definitions", pair.Key);
            var candidate = Identifiers.ToPascalCase(pair.Key, "Definition");
            var name = Identifiers.MakeUnique(candidate, _typeNames);
            if (name != candidate)
            {
                _diagnostics.Add(ContractDiagnosticIds.NameCollision, _document.SpanOf(pointer),
                    $"Definition '{JsonDocumentMap.Excerpt(pair.Key)}' maps to the C# name '{candidate}', which is already taken; it is generated as '{name}'. Rename one of them to keep stable names.");
            }

            var (core, corePointer, nullable) = Unwrap(pair.Value, pointer);
            var definition = new Definition(pair.Key, pointer, pair.Value, name, ShallowKind(core), nullable, core, corePointer);
            _bySchema[pair.Value] = definition;
            _byName[pair.Key] = definition;
            _order.Add(definition);
        }

        foreach (var definition in _order)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            ResolveDefinition(definition);
        }

        var types = new List<TypeSpec>();
        foreach (var definition in _order)
        {
            types.AddRange(definition.Types);
        }

        types.AddRange(_looseTypes);
        return types;
    }

    /// <summary>The object type a reference such as <c>#/definitions/Name</c> names, or null.</summary>
    public ObjectTypeSpec? FindObjectDefinition(string reference)
    {
        const string prefix = "#/definitions/";
        if (!reference.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var segments = JsonDocumentMap.SplitPointer(reference.Substring(1));
        if (segments.Length != 2 || !_byName.TryGetValue(segments[1], out var definition))
        {
            return null;
        }

        return definition.Types.OfType<ObjectTypeSpec>().FirstOrDefault(t => t.Name == definition.TypeName);
    }

    private Resolved ResolveDefinition(Definition definition)
    {
        if (definition.Result is { } done)
        {
            return done;
        }

        var named = definition.Kind switch
        {
            TypeRefKind.Object or TypeRefKind.Union or TypeRefKind.Enum => TypeRef.Named(definition.Kind, definition.TypeName),
            _ => null,
        };

        if (definition.InProgress)
        {
            if (named is not null)
            {
                return new Resolved(named, definition.Nullable, ConstraintSpec.None);
            }

            _diagnostics.Add(ContractDiagnosticIds.UnsupportedConstruct, _document.SpanOf(definition.Pointer),
                $"Definition '{JsonDocumentMap.Excerpt(definition.JsonName)}' refers to itself without an object in between; it is read as any JSON value.");
            return new Resolved(TypeRef.Any, true, ConstraintSpec.None);
        }

        definition.InProgress = true;
        _owners.Push(definition);
        try
        {
            Resolved result;
            switch (definition.Kind)
            {
                case TypeRefKind.Object:
                    AddType(CreateObject(definition.Core, definition.CorePointer, definition.TypeName));
                    result = new Resolved(named!, definition.Nullable, ConstraintSpec.None);
                    break;
                case TypeRefKind.Union:
                case TypeRefKind.Enum:
                    var shaped = ResolveAlternatives(definition.Core, definition.CorePointer, definition.TypeName);
                    result = shaped with { Nullable = shaped.Nullable || definition.Nullable };
                    break;
                default:
                    var alias = Resolve(definition.Schema, definition.Pointer, definition.TypeName);
                    result = alias with { Nullable = alias.Nullable || definition.Nullable };
                    break;
            }

            definition.Result = result;
            return result;
        }
        finally
        {
            _owners.Pop();
            definition.InProgress = false;
        }
    }

    /// <summary>What a schema node holds, naming any inline object, union or enum after <paramref name="nameHint"/>.</summary>
    private Resolved Resolve(JsonSchema schema, string pointer, string nameHint)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (++_depth > MaxDepth)
        {
            _depth--;
            _diagnostics.Add(ContractDiagnosticIds.UnsupportedConstruct, _document.SpanOf(pointer),
                $"The schema nests deeper than {MaxDepth} levels here; this part is read as any JSON value.");
            return new Resolved(TypeRef.Any, true, ConstraintSpec.None);
        }

        try
        {
            var (core, corePointer, nullable) = Unwrap(schema, pointer);
            if (core.Reference is JsonSchema target && !HasOwnShape(core))
            {
                if (_bySchema.TryGetValue(target, out var definition))
                {
                    var resolved = ResolveDefinition(definition);
                    return resolved with { Nullable = resolved.Nullable || nullable };
                }

                var inner = Resolve(target, corePointer, nameHint);
                return inner with { Nullable = inner.Nullable || nullable };
            }

            var result = ResolveCore(core, corePointer, nameHint);
            return result with { Nullable = result.Nullable || nullable };
        }
        finally
        {
            _depth--;
        }
    }

    private Resolved ResolveCore(JsonSchema schema, string pointer, string nameHint)
    {
        CheckBounds(schema, pointer);
        ReportIgnoredKeywords(pointer);
        var constraints = ConstraintsOf(schema);

        if (schema.AllOf.Count > 0)
        {
            var merged = CreateObject(schema, pointer, UniqueTypeName(nameHint));
            AddType(merged);
            return new Resolved(TypeRef.Named(TypeRefKind.Object, merged.Name), false, ConstraintSpec.None);
        }

        if (Alternatives(schema, pointer).Count >= 2 || IsStringEnum(schema))
        {
            return ResolveAlternatives(schema, pointer, UniqueTypeName(nameHint));
        }

        if (schema.Enumeration.Count > 0)
        {
            // An enum of numbers or mixed values: read as the underlying type.
            var nullable = schema.Enumeration.Any(v => v is null);
            var kind = schema.Type & ~JsonObjectType.Null;
            var type = kind switch
            {
                JsonObjectType.Integer => IntegerType(schema),
                JsonObjectType.Number => TypeRef.Number,
                JsonObjectType.Boolean => TypeRef.Boolean,
                _ => schema.Enumeration.All(v => v is null or long or int) ? TypeRef.Int64 : TypeRef.Any,
            };
            return new Resolved(type, nullable, constraints);
        }

        var types = schema.Type & ~JsonObjectType.Null;
        if (CountFlags(types) > 1)
        {
            return ResolveTypeArray(schema, pointer, nameHint, types);
        }

        switch (types)
        {
            case JsonObjectType.String:
                return new Resolved(TypeRef.String, false, constraints);
            case JsonObjectType.Integer:
                return new Resolved(IntegerType(schema), false, constraints);
            case JsonObjectType.Number:
                return new Resolved(TypeRef.Number, false, constraints);
            case JsonObjectType.Boolean:
                return new Resolved(TypeRef.Boolean, false, constraints);
            case JsonObjectType.Array:
                return ResolveArray(schema, pointer, nameHint, constraints);
            case JsonObjectType.Object:
            case JsonObjectType.None when schema.Properties.Count > 0:
                return ResolveObject(schema, pointer, nameHint);
            case JsonObjectType.None when schema.Item is not null:
                return ResolveArray(schema, pointer, nameHint, constraints);
            case JsonObjectType.File:
                Unsupported(pointer, "type 'file'", "a string");
                return new Resolved(TypeRef.String, false, constraints);
            default:
                return new Resolved(TypeRef.Any, false, ConstraintSpec.None);
        }
    }

    private Resolved ResolveObject(JsonSchema schema, string pointer, string nameHint)
    {
        if (schema.Properties.Count == 0)
        {
            if (schema.AdditionalPropertiesSchema is JsonSchema values)
            {
                var value = Resolve(values, JsonDocumentMap.Append(pointer, "additionalProperties"), nameHint + "Value");
                return new Resolved(TypeRef.MapOf(value.Type, value.Nullable), false, ConstraintSpec.None);
            }

            // An object the contract says nothing more about: any JSON object.
            return new Resolved(TypeRef.Any, false, ConstraintSpec.None);
        }

        var spec = CreateObject(schema, pointer, UniqueTypeName(nameHint));
        AddType(spec);
        return new Resolved(TypeRef.Named(TypeRefKind.Object, spec.Name), false, ConstraintSpec.None);
    }

    private Resolved ResolveArray(JsonSchema schema, string pointer, string nameHint, ConstraintSpec constraints)
    {
        if (schema.Items.Count > 0)
        {
            Unsupported(pointer, "tuple 'items' (an array of schemas)", "an array of any JSON values");
            return new Resolved(TypeRef.ArrayOf(TypeRef.Any, true), false, constraints);
        }

        if (schema.Item is null)
        {
            return new Resolved(TypeRef.ArrayOf(TypeRef.Any, true), false, constraints);
        }

        var item = Resolve(schema.Item, JsonDocumentMap.Append(pointer, "items"), nameHint + "Item");
        return new Resolved(TypeRef.ArrayOf(item.Type, item.Nullable), false, constraints);
    }

    private Resolved ResolveTypeArray(JsonSchema schema, string pointer, string nameHint, JsonObjectType types)
    {
        var cases = new List<UnionCaseSpec>();
        var caseNames = new HashSet<string>(StringComparer.Ordinal);
        void Add(TypeRef type) => cases.Add(new UnionCaseSpec(Identifiers.MakeUnique(CaseName(type), caseNames), type));
        if (types.HasFlag(JsonObjectType.String))
        {
            Add(TypeRef.String);
        }

        if (types.HasFlag(JsonObjectType.Integer) && !types.HasFlag(JsonObjectType.Number))
        {
            Add(IntegerType(schema));
        }

        if (types.HasFlag(JsonObjectType.Number))
        {
            Add(TypeRef.Number);
        }

        if (types.HasFlag(JsonObjectType.Boolean))
        {
            Add(TypeRef.Boolean);
        }

        if (types.HasFlag(JsonObjectType.Array))
        {
            Add(ResolveArray(schema, pointer, nameHint, ConstraintSpec.None).Type);
        }

        if (types.HasFlag(JsonObjectType.Object))
        {
            Add(ResolveObject(schema, pointer, nameHint + "Object").Type);
        }

        var union = new UnionTypeSpec { Name = UniqueTypeName(nameHint), Description = schema.Description, SchemaPointer = pointer, Cases = cases.ToEquatableArray() };
        AddType(union);
        return new Resolved(TypeRef.Named(TypeRefKind.Union, union.Name), false, ConstraintsOf(schema));
    }

    /// <summary>A <c>oneOf</c>/<c>anyOf</c> or a string enum, named <paramref name="typeName"/>.</summary>
    private Resolved ResolveAlternatives(JsonSchema schema, string pointer, string typeName)
    {
        var alternatives = Alternatives(schema, pointer);
        var nullable = schema.Enumeration.Any(v => v is null);

        // A string enum, or the open-enum idiom anyOf: [{ enum: [...] }, { type: string }].
        var enumValues = new List<string>();
        var isOpen = false;
        var isEnum = IsStringEnum(schema);
        if (isEnum)
        {
            enumValues.AddRange(schema.Enumeration.OfType<string>());
        }
        else if (alternatives.Count >= 2 && alternatives.All(a => IsStringish(a.Schema)) && alternatives.Any(a => IsStringEnum(a.Schema)) && alternatives.Any(a => a.Schema.Enumeration.Count == 0))
        {
            isEnum = true;
            isOpen = true;
            foreach (var alternative in alternatives)
            {
                enumValues.AddRange(alternative.Schema.Enumeration.OfType<string>().Where(v => !enumValues.Contains(v)));
            }
        }

        if (isEnum)
        {
            var members = new List<EnumMemberSpec>();
            var memberNames = new HashSet<string>(ReservedEnumMemberNames, StringComparer.Ordinal) { typeName };
            foreach (var value in enumValues.Distinct(StringComparer.Ordinal))
            {
                var candidate = Identifiers.ToPascalCase(value, "Empty");
                members.Add(new EnumMemberSpec(Identifiers.MakeUnique(candidate, memberNames), value));
            }

            var spec = new EnumTypeSpec { Name = typeName, Description = schema.Description, SchemaPointer = pointer, Members = members.ToEquatableArray(), IsOpen = isOpen };
            AddType(spec);
            return new Resolved(TypeRef.Named(TypeRefKind.Enum, typeName), nullable, ConstraintsOf(schema));
        }

        var cases = new List<UnionCaseSpec>();
        var caseNames = new HashSet<string>(StringComparer.Ordinal) { "Value", "Kind", typeName };
        var constraints = ConstraintsOf(schema);
        var shapes = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < alternatives.Count; i++)
        {
            var (alternative, altPointer) = alternatives[i];
            var hint = typeName + (string.IsNullOrWhiteSpace(alternative.Title) ? "Option" + (i + 1).ToString(CultureInfo.InvariantCulture) : Identifiers.ToPascalCase(alternative.Title, "Option"));
            var resolved = Resolve(alternative, altPointer, hint);
            nullable |= resolved.Nullable;
            constraints = Merge(constraints, resolved.Constraints);
            var shape = ShapeOf(resolved.Type);
            if (shapes.TryGetValue(shape, out var earlier))
            {
                _diagnostics.Add(ContractDiagnosticIds.UnsupportedConstruct, _document.SpanOf(altPointer),
                    $"Alternatives '{earlier}' and '{CaseName(resolved.Type)}' of '{typeName}' look the same on the wire ({shape}); a value is read as '{earlier}'. Make the alternatives distinguishable by JSON type.");
                continue;
            }

            var caseName = Identifiers.MakeUnique(CaseName(resolved.Type), caseNames);
            shapes[shape] = caseName;
            cases.Add(new UnionCaseSpec(caseName, resolved.Type));
        }

        if (cases.Count == 1)
        {
            return new Resolved(cases[0].Type, nullable, constraints);
        }

        var union = new UnionTypeSpec { Name = typeName, Description = schema.Description, SchemaPointer = pointer, Cases = cases.ToEquatableArray() };
        AddType(union);
        return new Resolved(TypeRef.Named(TypeRefKind.Union, typeName), nullable, constraints);
    }

    private ObjectTypeSpec CreateObject(JsonSchema schema, string pointer, string typeName)
    {
        ReportIgnoredKeywords(pointer);
        var properties = new List<PropertySpec>();
        var byJsonName = new Dictionary<string, int>(StringComparer.Ordinal);
        var memberNames = new HashSet<string>(ReservedMemberNames, StringComparer.Ordinal) { typeName };
        var parameterNames = new HashSet<string>(ReservedParameterNames, StringComparer.Ordinal);
        var required = new HashSet<string>(schema.RequiredProperties, StringComparer.Ordinal);

        // allOf parts first, then the schema's own properties; a later property of the same JSON name wins.
        var sources = new List<(JsonSchema Schema, string Pointer)>();
        for (var i = 0; i < schema.AllOf.Count; i++)
        {
            var part = schema.AllOf.ElementAt(i);
            var partPointer = JsonDocumentMap.Append(JsonDocumentMap.Append(pointer, "allOf"), i.ToString(CultureInfo.InvariantCulture));
            var (core, corePointer, _) = Unwrap(part, partPointer);
            while (core.Reference is JsonSchema target && !HasOwnShape(core))
            {
                if (_bySchema.TryGetValue(target, out var definition))
                {
                    corePointer = definition.CorePointer;
                    core = definition.Core;
                }
                else
                {
                    core = target;
                }
            }

            if (core.Properties.Count == 0 && core.AllOf.Count == 0)
            {
                Unsupported(partPointer, "an 'allOf' part that is not an object with properties", "nothing from this part");
                continue;
            }

            foreach (var name in core.RequiredProperties)
            {
                required.Add(name);
            }

            sources.Add((core, corePointer));
        }

        sources.Add((schema, pointer));
        var drafts = new List<(string JsonName, JsonSchemaProperty Property, string Pointer)>();
        foreach (var (source, sourcePointer) in sources)
        {
            foreach (var nested in source.AllOf.Count > 0 && !ReferenceEquals(source, schema) ? FlattenAllOf(source, sourcePointer) : new[] { (source, sourcePointer) })
            {
                foreach (var pair in nested.Item1.Properties)
                {
                    var propertyPointer = JsonDocumentMap.Append(JsonDocumentMap.Append(nested.Item2, "properties"), pair.Key);
                    if (byJsonName.TryGetValue(pair.Key, out var index))
                    {
                        drafts[index] = (pair.Key, pair.Value, propertyPointer);
                    }
                    else
                    {
                        byJsonName[pair.Key] = drafts.Count;
                        drafts.Add((pair.Key, pair.Value, propertyPointer));
                    }
                }
            }
        }

        foreach (var (jsonName, property, propertyPointer) in drafts)
        {
            var candidate = Identifiers.ToPascalCase(jsonName, "Property");
            if (Array.IndexOf(ReservedMemberNames, candidate) >= 0 || candidate == typeName)
            {
                candidate += "Value";
            }

            var name = Identifiers.MakeUnique(candidate, memberNames);
            if (name != candidate)
            {
                _diagnostics.Add(ContractDiagnosticIds.NameCollision, _document.SpanOf(propertyPointer),
                    $"Property '{JsonDocumentMap.Excerpt(jsonName)}' of '{typeName}' maps to the C# name '{candidate}', which another property already has; it is generated as '{name}' (the JSON name is kept on the wire).");
            }

            var resolved = Resolve(property, propertyPointer, typeName + name);
            var isRequired = required.Contains(jsonName) || property.IsRequired;
            var spec = new PropertySpec
            {
                JsonName = jsonName,
                Name = name,
                ParameterName = UniqueParameterName(name, parameterNames),
                Description = property.Description ?? DescriptionOfReference(property),
                Type = resolved.Type,
                IsRequired = isRequired,
                IsNullable = resolved.Nullable,
                Default = DefaultOf(propertyPointer, resolved),
                Constraints = resolved.Constraints,
                IsDeprecated = property.IsDeprecated,
                SchemaPointer = propertyPointer,
            };
            properties.Add(spec);
        }

        return new ObjectTypeSpec { Name = typeName, Description = schema.Description, SchemaPointer = pointer, Properties = properties.ToEquatableArray() };
    }

    private IEnumerable<(JsonSchema, string)> FlattenAllOf(JsonSchema schema, string pointer)
    {
        for (var i = 0; i < schema.AllOf.Count; i++)
        {
            var part = schema.AllOf.ElementAt(i).ActualSchema;
            yield return (part, JsonDocumentMap.Append(JsonDocumentMap.Append(pointer, "allOf"), i.ToString(CultureInfo.InvariantCulture)));
        }

        yield return (schema, pointer);
    }

    private JsonLiteral? DefaultOf(string propertyPointer, Resolved resolved)
    {
        var pointer = JsonDocumentMap.Append(propertyPointer, "default");
        var token = _document.Find(pointer);
        if (token is null)
        {
            return null;
        }

        var kind = token.Type switch
        {
            JTokenType.Null => JsonLiteralKind.Null,
            JTokenType.Boolean => JsonLiteralKind.Boolean,
            JTokenType.Integer => JsonLiteralKind.Integer,
            JTokenType.Float => IsWhole(token) ? JsonLiteralKind.Integer : JsonLiteralKind.Number,
            JTokenType.String => JsonLiteralKind.String,
            _ => JsonLiteralKind.Other,
        };
        var literal = new JsonLiteral(kind, token.ToString(Formatting.None));
        var type = resolved.Type.Kind;
        var fits = kind switch
        {
            JsonLiteralKind.Null => resolved.Nullable,
            JsonLiteralKind.Boolean => type is TypeRefKind.Boolean or TypeRefKind.Any,
            JsonLiteralKind.Integer => type is TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Number or TypeRefKind.Any
                || (type == TypeRefKind.Union && resolved.Type.Name is not null),
            JsonLiteralKind.Number => type is TypeRefKind.Number or TypeRefKind.Any,
            JsonLiteralKind.String => type is TypeRefKind.String or TypeRefKind.Enum or TypeRefKind.Union or TypeRefKind.Any,
            _ => type is TypeRefKind.Any or TypeRefKind.Array or TypeRefKind.Map or TypeRefKind.Object or TypeRefKind.Union,
        };
        if (!fits)
        {
            _diagnostics.Add(ContractDiagnosticIds.InvalidDefault, _document.SpanOf(pointer),
                $"The default {JsonDocumentMap.Excerpt(literal.Json)} does not match the property's type; it is ignored. Give a default of the property's own type.");
            return null;
        }

        if (kind is JsonLiteralKind.Integer or JsonLiteralKind.Number && type is TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Number)
        {
            // 1e308 or 2^64 do not fit a decimal (Newtonsoft holds them as double or BigInteger): out of any range.
            var fitsDecimal = TryGetDecimal(token, out var value);
            var c = resolved.Constraints;
            if (!fitsDecimal
                || (c.Minimum is { } min && (value < min || (c.MinimumIsExclusive && value == min)))
                || (c.Maximum is { } max && (value > max || (c.MaximumIsExclusive && value == max)))
                || (type == TypeRefKind.Int32 && (value < int.MinValue || value > int.MaxValue))
                || (type != TypeRefKind.Number && decimal.Truncate(value) != value))
            {
                _diagnostics.Add(ContractDiagnosticIds.InvalidDefault, _document.SpanOf(pointer),
                    $"The default {JsonDocumentMap.Excerpt(literal.Json)} is outside the property's own range; it is ignored. Move the default inside the range or widen the range.");
                return null;
            }
        }

        return literal;
    }

    private void CheckBounds(JsonSchema schema, string pointer)
    {
        var lower = schema.ExclusiveMinimum ?? schema.Minimum;
        var upper = schema.ExclusiveMaximum ?? schema.Maximum;
        if (lower is { } min && upper is { } max && (min > max || (min == max && (schema.ExclusiveMinimum is not null || schema.ExclusiveMaximum is not null || schema.IsExclusiveMinimum || schema.IsExclusiveMaximum))))
        {
            Bounds(pointer, "minimum", "maximum", min.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture));
        }

        if (schema.MinLength is { } minLength && schema.MaxLength is { } maxLength && minLength > maxLength)
        {
            Bounds(pointer, "minLength", "maxLength", minLength.ToString(CultureInfo.InvariantCulture), maxLength.ToString(CultureInfo.InvariantCulture));
        }

        if (schema.MaxItems > 0 && schema.MinItems > schema.MaxItems)
        {
            Bounds(pointer, "minItems", "maxItems", schema.MinItems.ToString(CultureInfo.InvariantCulture), schema.MaxItems.ToString(CultureInfo.InvariantCulture));
        }
    }

    private void Bounds(string pointer, string lowerKeyword, string upperKeyword, string lower, string upper)
    {
        var at = _document.Find(JsonDocumentMap.Append(pointer, lowerKeyword)) is not null ? JsonDocumentMap.Append(pointer, lowerKeyword) : pointer;
        _diagnostics.Add(ContractDiagnosticIds.InvalidBounds, _document.SpanOf(at),
            $"'{lowerKeyword}' {lower} is above '{upperKeyword}' {upper}, so no value is valid. Swap or correct the bounds.");
    }

    private static ConstraintSpec ConstraintsOf(JsonSchema schema)
    {
        var spec = new ConstraintSpec
        {
            Minimum = schema.ExclusiveMinimum ?? schema.Minimum,
            MinimumIsExclusive = schema.ExclusiveMinimum is not null || (schema.IsExclusiveMinimum && schema.Minimum is not null),
            Maximum = schema.ExclusiveMaximum ?? schema.Maximum,
            MaximumIsExclusive = schema.ExclusiveMaximum is not null || (schema.IsExclusiveMaximum && schema.Maximum is not null),
            MinLength = schema.MinLength is > 0 ? schema.MinLength : null,
            MaxLength = schema.MaxLength,
            Pattern = string.IsNullOrEmpty(schema.Pattern) ? null : schema.Pattern,
            MinItems = schema.MinItems > 0 ? schema.MinItems : null,
            MaxItems = schema.MaxItems > 0 ? schema.MaxItems : null,
        };
        return spec == ConstraintSpec.None ? ConstraintSpec.None : spec;
    }

    private static ConstraintSpec Merge(ConstraintSpec first, ConstraintSpec second) => second.IsEmpty ? first : first.IsEmpty ? second : new ConstraintSpec
    {
        Minimum = first.Minimum ?? second.Minimum,
        MinimumIsExclusive = first.Minimum is not null ? first.MinimumIsExclusive : second.MinimumIsExclusive,
        Maximum = first.Maximum ?? second.Maximum,
        MaximumIsExclusive = first.Maximum is not null ? first.MaximumIsExclusive : second.MaximumIsExclusive,
        MinLength = first.MinLength ?? second.MinLength,
        MaxLength = first.MaxLength ?? second.MaxLength,
        Pattern = first.Pattern ?? second.Pattern,
        MinItems = first.MinItems ?? second.MinItems,
        MaxItems = first.MaxItems ?? second.MaxItems,
    };

    /// <summary>Strips wrappers that only add null or a description: <c>anyOf: [X, null]</c>, <c>allOf: [X]</c>, <c>type: [T, null]</c>.</summary>
    private (JsonSchema Core, string Pointer, bool Nullable) Unwrap(JsonSchema schema, string pointer)
    {
        var nullable = schema.Type.HasFlag(JsonObjectType.Null) || schema.IsNullableRaw == true;
        for (var guard = 0; guard < MaxDepth; guard++)
        {
            var all = AllAlternatives(schema, pointer);
            var nonNull = all.Where(a => !IsNullSchema(a.Schema)).ToList();
            nullable |= nonNull.Count != all.Count;
            if (nonNull.Count == 1 && IsBare(schema))
            {
                (schema, pointer) = nonNull[0];
                nullable |= schema.Type.HasFlag(JsonObjectType.Null) || schema.IsNullableRaw == true;
                continue;
            }

            if (all.Count == 0 && schema.AllOf.Count == 1 && IsBare(schema) && schema.Properties.Count == 0)
            {
                schema = schema.AllOf.First();
                pointer = JsonDocumentMap.Append(JsonDocumentMap.Append(pointer, "allOf"), "0");
                continue;
            }

            break;
        }

        return (schema, pointer, nullable);
    }

    private TypeRefKind ShallowKind(JsonSchema core)
    {
        if (core.Reference is not null && !HasOwnShape(core))
        {
            return TypeRefKind.Any;
        }

        if (core.AllOf.Count > 0)
        {
            return TypeRefKind.Object;
        }

        if (IsStringEnum(core))
        {
            return TypeRefKind.Enum;
        }

        var alternatives = Alternatives(core, string.Empty);
        if (alternatives.Count >= 2)
        {
            var isOpenEnum = alternatives.All(a => IsStringish(a.Schema)) && alternatives.Any(a => IsStringEnum(a.Schema)) && alternatives.Any(a => a.Schema.Enumeration.Count == 0);
            return isOpenEnum ? TypeRefKind.Enum : TypeRefKind.Union;
        }

        var types = core.Type & ~JsonObjectType.Null;
        return core.Enumeration.Count == 0 && core.Properties.Count > 0 && (types == JsonObjectType.Object || types == JsonObjectType.None)
            ? TypeRefKind.Object
            : TypeRefKind.Any;
    }

    private List<(JsonSchema Schema, string Pointer)> Alternatives(JsonSchema schema, string pointer) =>
        AllAlternatives(schema, pointer).Where(a => !IsNullSchema(a.Schema)).ToList();

    private static List<(JsonSchema Schema, string Pointer)> AllAlternatives(JsonSchema schema, string pointer)
    {
        var result = new List<(JsonSchema, string)>();
        var i = 0;
        foreach (var alternative in schema.OneOf)
        {
            result.Add((alternative, JsonDocumentMap.Append(JsonDocumentMap.Append(pointer, "oneOf"), (i++).ToString(CultureInfo.InvariantCulture))));
        }

        i = 0;
        foreach (var alternative in schema.AnyOf)
        {
            result.Add((alternative, JsonDocumentMap.Append(JsonDocumentMap.Append(pointer, "anyOf"), (i++).ToString(CultureInfo.InvariantCulture))));
        }

        return result;
    }

    private static bool IsNullSchema(JsonSchema schema) =>
        schema.Reference is null && schema.Type == JsonObjectType.Null
        || (schema.Enumeration.Count > 0 && schema.Enumeration.All(v => v is null));

    /// <summary>No type or properties of its own: only a wrapper around alternatives.</summary>
    private static bool IsBare(JsonSchema schema) =>
        (schema.Type & ~JsonObjectType.Null) == JsonObjectType.None && schema.Properties.Count == 0 && schema.Enumeration.Count == 0 && schema.Item is null;

    private static bool HasOwnShape(JsonSchema schema) =>
        (schema.Type & ~JsonObjectType.Null) != JsonObjectType.None || schema.Properties.Count > 0 || schema.OneOf.Count > 0 || schema.AnyOf.Count > 0 || schema.AllOf.Count > 0;

    private static bool IsStringEnum(JsonSchema schema) =>
        schema.Enumeration.Count > 0 && schema.Enumeration.All(v => v is null or string) && schema.Enumeration.Any(v => v is string);

    private static bool IsStringish(JsonSchema schema) =>
        schema.Reference is null && ((schema.Type & ~JsonObjectType.Null) == JsonObjectType.String || (schema.Type == JsonObjectType.None && IsStringEnum(schema)));

    private static TypeRef IntegerType(JsonSchema schema)
    {
        // Unix timestamps in seconds outgrow Int32 in 2038, so they are 64-bit like int64.
        if (schema.Format is { } format && (format.Equals("int64", StringComparison.OrdinalIgnoreCase) || format.Equals("uint64", StringComparison.OrdinalIgnoreCase) || format.Equals("unixtime", StringComparison.OrdinalIgnoreCase)))
        {
            return TypeRef.Int64;
        }

        var min = schema.ExclusiveMinimum ?? schema.Minimum;
        var max = schema.ExclusiveMaximum ?? schema.Maximum;
        return (min is { } lo && lo < int.MinValue) || (max is { } hi && hi > int.MaxValue) ? TypeRef.Int64 : TypeRef.Int32;
    }

    private static int CountFlags(JsonObjectType types)
    {
        var count = 0;
        foreach (var flag in new[] { JsonObjectType.String, JsonObjectType.Integer, JsonObjectType.Number, JsonObjectType.Boolean, JsonObjectType.Array, JsonObjectType.Object })
        {
            if (types.HasFlag(flag))
            {
                count++;
            }
        }

        // integer | number is just a number.
        return types.HasFlag(JsonObjectType.Integer) && types.HasFlag(JsonObjectType.Number) ? count - 1 : count;
    }

    private static string CaseName(TypeRef type) => type.Kind switch
    {
        TypeRefKind.String => "String",
        TypeRefKind.Int32 or TypeRefKind.Int64 => "Integer",
        TypeRefKind.Number => "Number",
        TypeRefKind.Boolean => "Boolean",
        TypeRefKind.Any => "Json",
        TypeRefKind.Map => CaseName(type.Item!) + "Map",
        TypeRefKind.Array => CaseName(type.Item!) + "Array",
        _ => type.Name!,
    };

    /// <summary>What a value looks like on the wire, as far as telling union cases apart goes.</summary>
    private static string ShapeOf(TypeRef type) => type.Kind switch
    {
        TypeRefKind.String or TypeRefKind.Enum => "string",
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Number => "number",
        TypeRefKind.Boolean => "boolean",
        TypeRefKind.Array => "array of " + ShapeOf(type.Item!),
        TypeRefKind.Any => "any",
        TypeRefKind.Union => "union " + type.Name,
        _ => "object",
    };

    private static bool IsWhole(JToken token) => token.Type == JTokenType.Float && TryGetDecimal(token, out var value) && decimal.Truncate(value) == value;

    private static bool TryGetDecimal(JToken token, out decimal value) =>
        decimal.TryParse(token.ToString(Formatting.None), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>A property that is only a <c>$ref</c> takes the description of what it refers to.</summary>
    private static string? DescriptionOfReference(JsonSchemaProperty property) =>
        property.HasReference ? property.ActualSchema.Description : null;

    /// <summary>
    /// Properties that differ only in case ("Name", "NAME") give the same camelCase parameter; builder
    /// fields are named after parameters and carry an "IsSet" twin, so both names must be free.
    /// </summary>
    private static string UniqueParameterName(string propertyName, HashSet<string> taken)
    {
        var candidate = Identifiers.ToCamelCase(propertyName);
        var bare = candidate.TrimStart('@');
        var result = candidate;
        for (var i = 2; taken.Contains(result.TrimStart('@')) || taken.Contains(result.TrimStart('@') + "IsSet") || (i == 2 && bare.StartsWith("checked", StringComparison.Ordinal)); i++)
        {
            result = bare + i.ToString(CultureInfo.InvariantCulture);
        }

        taken.Add(result.TrimStart('@'));
        taken.Add(result.TrimStart('@') + "IsSet");
        return result;
    }

    private string UniqueTypeName(string candidate) => Identifiers.MakeUnique(candidate, _typeNames);

    private void AddType(TypeSpec spec)
    {
        if (_owners.Count > 0)
        {
            _owners.Peek().Types.Add(spec);
        }
        else
        {
            _looseTypes.Add(spec);
        }
    }

    /// <summary>Keywords that constrain values in ways no generated type or check expresses; each is named, never silently dropped.</summary>
    private static readonly string[] IgnoredKeywords =
    {
        "not", "if", "then", "else", "const", "contains", "propertyNames", "patternProperties", "dependencies", "dependentRequired", "dependentSchemas",
        "unevaluatedProperties", "unevaluatedItems", "prefixItems",
    };

    private void ReportIgnoredKeywords(string pointer)
    {
        if (_document.Find(pointer) is not JObject node)
        {
            return;
        }

        foreach (var keyword in IgnoredKeywords)
        {
            if (node.Property(keyword, StringComparison.Ordinal) is { } property)
            {
                _diagnostics.Add(ContractDiagnosticIds.UnsupportedConstruct, _document.SpanOf(property),
                    $"The generator does not support '{keyword}'; values are not checked against it, and the rest of this schema is generated as if it were absent.");
            }
        }
    }

    private void Unsupported(string pointer, string construct, string fallback) =>
        _diagnostics.Add(ContractDiagnosticIds.UnsupportedConstruct, _document.SpanOf(pointer),
            $"The generator does not support {construct}; it is read as {fallback}.");

    private sealed record Resolved(TypeRef Type, bool Nullable, ConstraintSpec Constraints);

    private sealed class Definition
    {
        public Definition(string jsonName, string pointer, JsonSchema schema, string typeName, TypeRefKind kind, bool nullable, JsonSchema core, string corePointer)
        {
            JsonName = jsonName;
            Pointer = pointer;
            Schema = schema;
            TypeName = typeName;
            Kind = kind;
            Nullable = nullable;
            Core = core;
            CorePointer = corePointer;
        }

        public string JsonName { get; }

        public string Pointer { get; }

        public JsonSchema Schema { get; }

        public string TypeName { get; }

        public TypeRefKind Kind { get; }

        public bool Nullable { get; }

        public JsonSchema Core { get; }

        public string CorePointer { get; }

        public bool InProgress { get; set; }

        public Resolved? Result { get; set; }

        public List<TypeSpec> Types { get; } = new();
    }

    private sealed class ReferenceComparer : IEqualityComparer<JsonSchema>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(JsonSchema? x, JsonSchema? y) => ReferenceEquals(x, y);

        public int GetHashCode(JsonSchema obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
