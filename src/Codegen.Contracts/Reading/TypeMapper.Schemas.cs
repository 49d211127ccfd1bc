using System;
using System.Collections.Generic;
using System.Globalization;
using Codegen.Contracts.Model;
using Codegen.Contracts.Naming;
using Codegen.Runtime;

namespace Codegen.Contracts.Reading;

/// <summary>What a schema is, asked without mapping it: its kind, nullability, shape, the C# type of its scalars, and unique names.</summary>
internal sealed partial class TypeMapper
{
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
}
