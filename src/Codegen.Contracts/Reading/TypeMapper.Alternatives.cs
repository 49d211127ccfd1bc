using System;
using System.Collections.Generic;
using System.Globalization;
using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.Documents;
using Codegen.Contracts.Model;
using Codegen.Contracts.Naming;
using Codegen.Runtime;

namespace Codegen.Contracts.Reading;

/// <summary>Schemas of several shapes: enumerations, alternatives (<c>anyOf</c>/<c>oneOf</c>, discriminated or not) and lists of types.</summary>
internal sealed partial class TypeMapper
{
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
}
