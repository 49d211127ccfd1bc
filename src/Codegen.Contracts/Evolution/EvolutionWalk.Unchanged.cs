using System;
using System.Collections.Generic;
using Codegen.Contracts.Model;
using Codegen.Runtime;

namespace Codegen.Contracts.Evolution;

// What is the same in both versions is not compared: comparing it finds nothing. A place is unchanged when its C# type is
// the same record, the schemas it reads are equal JSON in both rules documents, and so is everything they reach: the
// targets of their $refs, the generated types they name and the schemas of those types' properties and alternatives.
// A contract edited in one place (the build's guard, most pull requests) is then compared in that place only.
internal sealed partial class EvolutionWalk
{
    // Decided places, by key (a type's name and a mark no pointer has, or two pointers). A place being decided counts as unchanged while it
    // is, so that a cycle of references closes. An answer "unchanged" given under that assumption holds only if the place the
    // decision started from turns out unchanged too; when it does not, those answers are forgotten ("changed" ones always hold).
    private readonly Dictionary<(string, string), bool> _unchanged = new();
    private readonly List<(string, string)> _decidedNow = new();
    private int _deciding;
    private bool? _skipsUnchanged;

    /// <summary>True when comparing the two sides of <paramref name="site"/> cannot find a change.</summary>
    private bool IsUnchanged(in ValueSite site) =>
        SkipsUnchanged && site.Old.Equals(site.New) && IsUnchangedSchema(site.OldPointer, site.NewPointer) && IsUnchanged(site.New);

    /// <summary>True when comparing two types of the same name cannot find a change.</summary>
    private bool IsUnchanged(TypeSpec oldType, TypeSpec newType) =>
        SkipsUnchanged && oldType.Name == newType.Name && IsUnchangedType(newType.Name);

    /// <summary>A property that is the same record on both sides, with unchanged schemas: nothing to report for it.</summary>
    private bool IsUnchanged(PropertySpec oldProperty, PropertySpec newProperty) =>
        SkipsUnchanged && oldProperty.Equals(newProperty) && IsUnchangedSchema(newProperty.SchemaPointer, newProperty.SchemaPointer) && IsUnchanged(newProperty.Type);

    private bool IsUnchanged(UnionCaseSpec oldCase, UnionCaseSpec newCase) =>
        SkipsUnchanged && oldCase.Equals(newCase) && IsUnchangedSchema(newCase.SchemaPointer, newCase.SchemaPointer) && IsUnchanged(newCase.Type);

    private bool IsUnchanged(TypeRef type)
    {
        if (type.Kind is TypeRefKind.Object or TypeRefKind.Union or TypeRefKind.Enum && type.Name is { } name && !IsUnchangedType(name))
        {
            return false;
        }

        return type.Item is not { } item || IsUnchanged(item);
    }

    private bool IsUnchangedType(string name) => Decide((name, "\u0000type"), name, static (walk, name) =>
    {
        var oldType = walk._old.Types.TryGetValue(name, out var o) ? o : null;
        var newType = walk._new.Types.TryGetValue(name, out var n) ? n : null;
        return oldType is null || newType is null ? oldType == newType : oldType.Equals(newType) && walk.ReachesNothingChanged(newType);
    });

    private bool Decide<T>((string, string) key, T argument, Func<EvolutionWalk, T, bool> decide)
    {
        if (_unchanged.TryGetValue(key, out var known))
        {
            return known;
        }

        _unchanged[key] = true;
        _decidedNow.Add(key);
        _deciding++;
        var unchanged = decide(this, argument);
        _deciding--;
        _unchanged[key] = unchanged;
        if (_deciding == 0)
        {
            if (!unchanged)
            {
                foreach (var decided in _decidedNow)
                {
                    if (_unchanged[decided])
                    {
                        _unchanged.Remove(decided);
                    }
                }
            }

            _decidedNow.Clear();
        }

        return unchanged;
    }

    /// <summary>The type is the same record in both versions: its pointers are the same strings on both sides.</summary>
    private bool ReachesNothingChanged(TypeSpec type)
    {
        if (!IsUnchangedSchema(type.SchemaPointer, type.SchemaPointer))
        {
            return false;
        }

        switch (type)
        {
            case ObjectTypeSpec objectType:
                foreach (var property in objectType.Properties)
                {
                    if (!IsUnchangedWithin(type.SchemaPointer, property.SchemaPointer) || !IsUnchanged(property.Type))
                    {
                        return false;
                    }
                }

                break;
            case UnionTypeSpec union:
                foreach (var alternative in union.Cases)
                {
                    if (!IsUnchangedWithin(type.SchemaPointer, alternative.SchemaPointer) || !IsUnchanged(alternative.Type))
                    {
                        return false;
                    }
                }

                break;
        }

        return true;
    }

    /// <summary>
    /// A schema inside an unchanged one (a property's, an alternative's) is unchanged: its JSON was part of the equal subtree and
    /// its references were followed with it. Elsewhere (a property from an <c>allOf</c> part, an alternative by <c>$ref</c>) it is decided.
    /// </summary>
    private bool IsUnchangedWithin(string unchanged, string? pointer) =>
        pointer is not null && pointer.Length > unchanged.Length && pointer[unchanged.Length] == '/' && pointer.StartsWith(unchanged, StringComparison.Ordinal)
        || IsUnchangedSchema(pointer, pointer);

    /// <summary>The schemas at the two pointers are equal JSON, and every schema they refer to is unchanged too.</summary>
    private bool IsUnchangedSchema(string? oldPointer, string? newPointer)
    {
        if (oldPointer is null || newPointer is null)
        {
            return oldPointer == newPointer;
        }

        return Decide((oldPointer, newPointer), (oldPointer, newPointer), static (walk, pointers) =>
        {
            var before = CodegenJsonPointer.Find(walk._old.Rules.Root, pointers.oldPointer);
            var after = CodegenJsonPointer.Find(walk._new.Rules.Root, pointers.newPointer);
            return before is null || after is null ? before == after : before.Equals(after) && walk.ReferencesUnchanged(after);
        });
    }

    /// <summary>Every <c>$ref</c> in an (equal) subtree names the same place on both sides; it must be unchanged there too.</summary>
    private bool ReferencesUnchanged(CodegenJson json)
    {
        switch (json.Kind)
        {
            case CodegenJsonKind.Object:
                foreach (var member in json.Members)
                {
                    if (member.Key == "$ref" && member.Value.Kind == CodegenJsonKind.String)
                    {
                        // A reference by URI or anchor resolves through base URIs: left to the comparison itself.
                        var reference = member.Value.StringValue!;
                        if (!reference.StartsWith("#/", StringComparison.Ordinal) && reference != "#")
                        {
                            return false;
                        }

                        if (!IsUnchangedSchema(reference, reference))
                        {
                            return false;
                        }
                    }
                    else if (!ReferencesUnchanged(member.Value))
                    {
                        return false;
                    }
                }

                return true;
            case CodegenJsonKind.Array:
                foreach (var item in json.Items)
                {
                    if (!ReferencesUnchanged(item))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    /// <summary>
    /// Skipping is exact when a <c>#/...</c> reference means the same place in both documents: the same dialect, the same root
    /// <c>$id</c> and <c>$schema</c>, and no embedded resource (<c>$id</c> below the root) or dynamic reference, which would
    /// make a reference's meaning depend on where it sits.
    /// </summary>
    private bool SkipsUnchanged => _skipsUnchanged ??=
        _old.Contract.Rules.Dialect == _new.Contract.Rules.Dialect
        && SameMember(_old.Rules.Root, _new.Rules.Root, "$id")
        && SameMember(_old.Rules.Root, _new.Rules.Root, "$schema")
        && !_old.HasScopedReferences
        && !_new.HasScopedReferences;

    private static bool SameMember(CodegenJson left, CodegenJson right, string name)
    {
        var a = left.GetPropertyOrNull(name);
        var b = right.GetPropertyOrNull(name);
        return a is null ? b is null : a.Equals(b);
    }

    /// <summary>Whether the rules document has an embedded resource or a dynamic reference (read once per snapshot).</summary>
    internal static bool HasScopedReferences(CodegenJson json, bool isRoot)
    {
        switch (json.Kind)
        {
            case CodegenJsonKind.Object:
                foreach (var member in json.Members)
                {
                    if ((member.Key == "$id" && !isRoot) || member.Key is "$dynamicRef" or "$recursiveRef" or "$dynamicAnchor" or "$recursiveAnchor")
                    {
                        return true;
                    }

                    if (HasScopedReferences(member.Value, isRoot: false))
                    {
                        return true;
                    }
                }

                return false;
            case CodegenJsonKind.Array:
                foreach (var item in json.Items)
                {
                    if (HasScopedReferences(item, isRoot: false))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }
}
