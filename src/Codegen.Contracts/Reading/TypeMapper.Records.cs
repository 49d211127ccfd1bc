using System;
using System.Collections.Generic;
using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.Documents;
using Codegen.Contracts.Model;
using Codegen.Contracts.Naming;
using Codegen.Runtime;

namespace Codegen.Contracts.Reading;

/// <summary>The records and enums the mapper declares: members with their rules, defaults and constants.</summary>
internal sealed partial class TypeMapper
{
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
                Format = propertySchema.Format ?? propertySchema.ReferenceTarget?.Format,
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
}
