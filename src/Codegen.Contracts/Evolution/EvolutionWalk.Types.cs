using System;
using System.Collections.Generic;
using Codegen.Contracts.Model;
using Codegen.Runtime;

namespace Codegen.Contracts.Evolution;

/// <summary>
/// A place values travel through, in both versions: their C# types, the pointers of their schemas in the rules
/// documents, which way they travel, how to name the place in a message, and the members it reaches.
/// </summary>
internal readonly record struct ValueSite(TypeRef Old, TypeRef New, string? OldPointer, string? NewPointer, DataDirection Direction, string Where, IReadOnlyList<string> Members);

// Types: objects, unions, enums, arrays and maps from the models, walked in the direction their values travel.
internal sealed partial class EvolutionWalk
{
    private void CompareValues(ValueSite site)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (IsUnchanged(site))
        {
            return;
        }

        var oldSchema = _old.Schema(site.OldPointer);
        var newSchema = _new.Schema(site.NewPointer);
        var before = SchemaConstraints.Of(oldSchema);
        var after = SchemaConstraints.Of(newSchema);
        if (oldSchema is not null && newSchema is not null)
        {
            CompareConstraints(site, before, after);
        }

        if (site.Old.Kind == TypeRefKind.Any && site.New.Kind == TypeRefKind.Any)
        {
            CompareAllOfUnions(site, oldSchema, newSchema);
        }

        if (site.Old.Kind != site.New.Kind)
        {
            Report(ChangeRules.TypeChanged, site.Direction, site.Where, $"the type changed from {Describe(site.Old)} to {Describe(site.New)}",
                site.OldPointer, site.NewPointer, site.Members);
            return;
        }

        switch (site.New.Kind)
        {
            case TypeRefKind.Object:
            case TypeRefKind.Union:
            case TypeRefKind.Enum:
                if (_old.TypeOf(site.Old) is { } oldType && _new.TypeOf(site.New) is { } newType)
                {
                    CompareTypes(oldType, newType, site.Direction);
                }

                break;
            case TypeRefKind.Array:
            case TypeRefKind.Map:
                if (site.Old.Item is { } oldItem && site.New.Item is { } newItem)
                {
                    var part = site.New.Kind == TypeRefKind.Array ? "items" : "values";
                    var oldItems = (site.New.Kind == TypeRefKind.Array ? before.Items : before.Values)?.Pointer;
                    var newItems = (site.New.Kind == TypeRefKind.Array ? after.Items : after.Values)?.Pointer;
                    var where = site.Where + "'s " + part;
                    if (site.Old.ItemIsNullable != site.New.ItemIsNullable)
                    {
                        Report(site.New.ItemIsNullable ? ChangeRules.PropertyMadeNullable : ChangeRules.PropertyNoLongerNullable, site.Direction, where,
                            site.New.ItemIsNullable ? "accept null" : "no longer accept null", oldItems ?? site.OldPointer, newItems ?? site.NewPointer, site.Members);
                    }

                    CompareValues(new ValueSite(oldItem, newItem, oldItems, newItems, site.Direction, where, site.Members));
                }

                break;
        }
    }

    /// <summary>Compares two generated types once per direction; a second direction adds its rules to the same changes.</summary>
    private void CompareTypes(TypeSpec oldType, TypeSpec newType, DataDirection direction)
    {
        var key = oldType.Name + "\u0000" + newType.Name;
        if (_comparedTypes.TryGetValue(key, out var done))
        {
            if ((done | direction) == done)
            {
                return;
            }

            direction &= ~done;
            _comparedTypes[key] = done | direction;
        }
        else
        {
            _comparedTypes[key] = direction;
        }

        switch (oldType, newType)
        {
            case (ObjectTypeSpec oldObject, ObjectTypeSpec newObject):
                CompareObjects(oldObject, newObject, direction);
                break;
            case (UnionTypeSpec oldUnion, UnionTypeSpec newUnion):
                CompareUnions(oldUnion, newUnion, direction);
                break;
            case (EnumTypeSpec oldEnum, EnumTypeSpec newEnum):
                CompareEnums(oldEnum, newEnum, direction);
                break;
        }
    }

    private void CompareObjects(ObjectTypeSpec oldObject, ObjectTypeSpec newObject, DataDirection direction)
    {
        if (!oldObject.IsClosed && newObject.IsClosed)
        {
            Report(ChangeRules.AdditionalPropertiesClosed, direction, Code(newObject.Name), "additionalProperties is now false",
                oldObject.SchemaPointer, newObject.SchemaPointer + "/additionalProperties", One(newObject.Name));
        }

        var oldProperties = new Dictionary<string, PropertySpec>(StringComparer.Ordinal);
        foreach (var property in oldObject.Properties)
        {
            oldProperties[property.JsonName] = property;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in newObject.Properties)
        {
            seen.Add(property.JsonName);
            if (oldProperties.TryGetValue(property.JsonName, out var same) && IsUnchanged(same, property))
            {
                continue;
            }

            var member = newObject.Name + "." + property.Name;
            if (!oldProperties.TryGetValue(property.JsonName, out var oldProperty))
            {
                Report(property.IsRequired ? ChangeRules.RequiredPropertyAdded : ChangeRules.OptionalPropertyAdded, direction, Code(member),
                    $"{(property.IsRequired ? "required" : "optional")} property '{property.JsonName}' was added", null, property.SchemaPointer, One(member),
                    oldAnchor: oldObject.SchemaPointer);
                continue;
            }

            var where = Code(member);
            if (oldProperty.IsRequired != property.IsRequired)
            {
                Report(property.IsRequired ? ChangeRules.PropertyMadeRequired : ChangeRules.PropertyMadeOptional, direction, where,
                    property.IsRequired ? $"'{property.JsonName}' became required" : $"'{property.JsonName}' is no longer required",
                    oldProperty.SchemaPointer, property.SchemaPointer, One(member));
            }

            if (oldProperty.IsNullable != property.IsNullable)
            {
                Report(property.IsNullable ? ChangeRules.PropertyMadeNullable : ChangeRules.PropertyNoLongerNullable, direction, where,
                    property.IsNullable ? $"'{property.JsonName}' accepts null" : $"'{property.JsonName}' no longer accepts null",
                    oldProperty.SchemaPointer, property.SchemaPointer, One(member));
            }

            CompareValues(new ValueSite(oldProperty.Type, property.Type, oldProperty.SchemaPointer, property.SchemaPointer, direction, where, One(member)));
        }

        foreach (var property in oldObject.Properties)
        {
            if (!seen.Contains(property.JsonName))
            {
                var member = oldObject.Name + "." + property.Name;
                Report(ChangeRules.PropertyRemoved, direction, Code(member), $"property '{property.JsonName}' was removed", property.SchemaPointer, null,
                    One(member), newAnchor: newObject.SchemaPointer);
            }
        }
    }

    private void CompareUnions(UnionTypeSpec oldUnion, UnionTypeSpec newUnion, DataDirection direction)
    {
        var oldCases = new Dictionary<string, UnionCaseSpec>(StringComparer.Ordinal);
        foreach (var alternative in oldUnion.Cases)
        {
            oldCases[alternative.Name] = alternative;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var alternative in newUnion.Cases)
        {
            seen.Add(alternative.Name);
            if (oldCases.TryGetValue(alternative.Name, out var same) && IsUnchanged(same, alternative))
            {
                continue;
            }

            var member = newUnion.Name + "." + alternative.Name;
            if (!oldCases.TryGetValue(alternative.Name, out var oldCase))
            {
                Report(ChangeRules.UnionAlternativeAdded, direction, Code(newUnion.Name), $"the alternative {Describe(alternative.Type)} was added",
                    null, alternative.SchemaPointer ?? newUnion.SchemaPointer, One(member), oldAnchor: oldUnion.SchemaPointer);
                continue;
            }

            CompareValues(new ValueSite(oldCase.Type, alternative.Type, oldCase.SchemaPointer, alternative.SchemaPointer, direction, Code(member), One(member)));
        }

        foreach (var alternative in oldUnion.Cases)
        {
            if (!seen.Contains(alternative.Name))
            {
                Report(ChangeRules.UnionAlternativeRemoved, direction, Code(oldUnion.Name), $"the alternative {Describe(alternative.Type)} was removed",
                    alternative.SchemaPointer ?? oldUnion.SchemaPointer, null, One(oldUnion.Name + "." + alternative.Name), newAnchor: newUnion.SchemaPointer);
            }
        }
    }

    private void CompareEnums(EnumTypeSpec oldEnum, EnumTypeSpec newEnum, DataDirection direction)
    {
        var removed = new List<EnumMemberSpec>();
        foreach (var member in oldEnum.Members)
        {
            if (!HasValue(newEnum, member.Value))
            {
                removed.Add(member);
            }
        }

        var added = new List<EnumMemberSpec>();
        foreach (var member in newEnum.Members)
        {
            if (!HasValue(oldEnum, member.Value))
            {
                added.Add(member);
            }
        }

        var oldPointer = EnumPointer(_old, oldEnum);
        var newPointer = EnumPointer(_new, newEnum);
        if (removed.Count > 0)
        {
            Report(ChangeRules.EnumValueRemoved, direction, Code(newEnum.Name), $"{Values(removed)} removed from the enum", oldPointer, newPointer, Members(oldEnum.Name, removed));
        }

        if (added.Count > 0)
        {
            Report(newEnum.IsOpen ? ChangeRules.OpenEnumValueAdded : ChangeRules.EnumValueAdded, direction, Code(newEnum.Name),
                $"{Values(added)} added to the {(newEnum.IsOpen ? "open" : "closed")} enum", oldPointer, newPointer, Members(newEnum.Name, added));
        }
    }

    private static bool HasValue(EnumTypeSpec type, string value)
    {
        foreach (var member in type.Members)
        {
            if (member.Value == value)
            {
                return true;
            }
        }

        return false;
    }

    private static string Values(List<EnumMemberSpec> members)
    {
        var values = new List<string>(members.Count);
        foreach (var member in members)
        {
            values.Add("'" + member.Value + "'");
        }

        return (members.Count == 1 ? "value " : "values ") + string.Join(", ", values);
    }

    private static IReadOnlyList<string> Members(string type, List<EnumMemberSpec> members)
    {
        var names = new List<string>(members.Count);
        foreach (var member in members)
        {
            names.Add(type + "." + member.Name);
        }

        return names;
    }

    /// <summary>The pointer of the <c>enum</c> keyword: on the schema, or on the alternative that holds it in an open enum (<c>anyOf: [enum, string]</c>).</summary>
    private static string EnumPointer(ContractSnapshot side, EnumTypeSpec type)
    {
        var schema = side.Schema(type.SchemaPointer);
        if (schema is null)
        {
            return type.SchemaPointer;
        }

        if (SchemaConstraints.Of(schema).Enum is { } direct)
        {
            return direct.Pointer;
        }

        foreach (var alternatives in new[] { schema.AnyOf, schema.OneOf })
        {
            foreach (var alternative in alternatives ?? Array.Empty<CodegenSchema>())
            {
                if (SchemaConstraints.Of(alternative).Enum is { } nested)
                {
                    return nested.Pointer;
                }
            }
        }

        return type.SchemaPointer;
    }

    /// <summary>Definitions removed or added, and those no operation reached compared as they stand (both ways in a contract of types only).</summary>
    private void CompareDefinitions()
    {
        var oldDefinitions = _old.Definitions;
        var newDefinitions = _new.Definitions;
        var direction = _new.Contract.Operations.Count == 0 && _old.Contract.Operations.Count == 0 ? DataDirection.Both : DataDirection.Unused;
        foreach (var pair in oldDefinitions)
        {
            if (!newDefinitions.TryGetValue(pair.Key, out var newType))
            {
                Report(ChangeRules.DefinitionRemoved, DataDirection.Sent, Code(pair.Value.Name), pair.Key.Length == 0 ? "the root schema is no longer a type of its own" : "the definition was removed", pair.Key, null, One(pair.Value.Name),
                    newAnchor: ParentOf(pair.Key), showDirection: false);
                continue;
            }

            if (!_comparedTypes.ContainsKey(pair.Value.Name + "\u0000" + newType.Name) && !IsUnchanged(pair.Value, newType))
            {
                CompareTypes(pair.Value, newType, direction);
            }
        }

        foreach (var pair in newDefinitions)
        {
            if (!oldDefinitions.ContainsKey(pair.Key))
            {
                Report(ChangeRules.DefinitionAdded, DataDirection.Sent, Code(pair.Value.Name), pair.Key.Length == 0 ? "the root schema became a type of its own" : "the definition was added", null, pair.Key, One(pair.Value.Name),
                    oldAnchor: ParentOf(pair.Key), showDirection: false);
            }
        }
    }

    private static string ParentOf(string pointer) => Documents.JsonPointer.Parent(pointer);

    /// <summary>A type in the contract's words.</summary>
    private static string Describe(TypeRef type) => type.Kind switch
    {
        TypeRefKind.String => "string",
        TypeRefKind.Int32 => "integer (int32)",
        TypeRefKind.Int64 => "integer",
        TypeRefKind.Number => "number",
        TypeRefKind.Boolean => "boolean",
        TypeRefKind.Any => "any value",
        TypeRefKind.Array => "array of " + (type.Item is { } item ? Describe(item) : "any value"),
        TypeRefKind.Map => "map of " + (type.Item is { } value ? Describe(value) : "any value"),
        TypeRefKind.Object => "object " + Code(type.Name ?? "?"),
        TypeRefKind.Union => "union " + Code(type.Name ?? "?"),
        TypeRefKind.Enum => "enum " + Code(type.Name ?? "?"),
        TypeRefKind.Bytes => "string (byte)",
        TypeRefKind.File => "file (binary)",
        _ => type.Kind.ToString(),
    };
}
