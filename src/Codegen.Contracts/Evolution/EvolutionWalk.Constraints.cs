using System.Collections.Generic;
using Codegen.Contracts.Model;
using Codegen.Runtime;

namespace Codegen.Contracts.Evolution;

// Assertions on values: ranges, lengths, counts, patterns, enums of non-string values, constants and defaults.
internal sealed partial class EvolutionWalk
{
    private void CompareConstraints(ValueSite site, SchemaConstraints before, SchemaConstraints after)
    {
        CompareBound(site, before.Lower, after.Lower, lower: true);
        CompareBound(site, before.Upper, after.Upper, lower: false);
        CompareMultipleOf(site, before.MultipleOf, after.MultipleOf);
        CompareCount(site, before.MinLength, after.MinLength, "minLength", lower: true, ChangeRules.LengthNarrowed, ChangeRules.LengthWidened);
        CompareCount(site, before.MaxLength, after.MaxLength, "maxLength", lower: false, ChangeRules.LengthNarrowed, ChangeRules.LengthWidened);
        CompareCount(site, before.MinItems, after.MinItems, "minItems", lower: true, ChangeRules.ItemCountNarrowed, ChangeRules.ItemCountWidened);
        CompareCount(site, before.MaxItems, after.MaxItems, "maxItems", lower: false, ChangeRules.ItemCountNarrowed, ChangeRules.ItemCountWidened);
        CompareCount(site, before.MinProperties, after.MinProperties, "minProperties", lower: true, ChangeRules.ItemCountNarrowed, ChangeRules.ItemCountWidened);
        CompareCount(site, before.MaxProperties, after.MaxProperties, "maxProperties", lower: false, ChangeRules.ItemCountNarrowed, ChangeRules.ItemCountWidened);
        ComparePatterns(site, before.Patterns, after.Patterns);

        // A string enum is a generated enum type, compared with its members; other enums are compared here.
        if (site.New.Kind != TypeRefKind.Enum && site.Old.Kind != TypeRefKind.Enum)
        {
            CompareEnumKeyword(site, before.Enum, after.Enum);
        }

        if (!SameValue(before.Const, after.Const))
        {
            Report(ChangeRules.ConstantChanged, site.Direction, site.Where, $"const changed from {Text(before.Const)} to {Text(after.Const)}",
                before.Const?.Pointer, after.Const?.Pointer, site.Members, site.OldPointer, site.NewPointer);
        }

        if (!SameValue(before.Default, after.Default))
        {
            Report(ChangeRules.DefaultChanged, site.Direction, site.Where, $"default changed from {Text(before.Default)} to {Text(after.Default)}",
                before.Default?.Pointer, after.Default?.Pointer, site.Members, site.OldPointer, site.NewPointer);
        }
    }

    private void CompareBound(ValueSite site, Bound<CodegenNumber>? before, Bound<CodegenNumber>? after, bool lower)
    {
        if (before is null && after is null)
        {
            return;
        }

        if (before is not { } old)
        {
            Report(ChangeRules.RangeNarrowed, site.Direction, site.Where, $"{Keyword(after!.Value, lower)} {after.Value.Value} was added",
                null, after.Value.Pointer, site.Members, oldAnchor: site.OldPointer);
            return;
        }

        if (after is not { } now)
        {
            Report(ChangeRules.RangeWidened, site.Direction, site.Where, $"{Keyword(old, lower)} {old.Value} was removed",
                old.Pointer, null, site.Members, newAnchor: site.NewPointer);
            return;
        }

        var order = now.Value.CompareTo(old.Value);
        if (order == 0 && now.Exclusive == old.Exclusive)
        {
            return;
        }

        // A higher lower bound, a lower upper bound, or the same value now excluded: fewer values are valid.
        var narrowed = order == 0 ? now.Exclusive : (lower ? order > 0 : order < 0);
        var what = order == 0
            ? $"{Keyword(old, lower)} {old.Value} became {Keyword(now, lower)} {now.Value}"
            : $"{Keyword(now, lower)} {(order > 0 ? "raised" : "lowered")} from {old.Value} to {now.Value}";
        Report(narrowed ? ChangeRules.RangeNarrowed : ChangeRules.RangeWidened, site.Direction, site.Where, what, old.Pointer, now.Pointer, site.Members);
    }

    private static string Keyword(Bound<CodegenNumber> bound, bool lower) =>
        bound.Exclusive ? (lower ? "exclusiveMinimum" : "exclusiveMaximum") : (lower ? "minimum" : "maximum");

    private void CompareMultipleOf(ValueSite site, Bound<CodegenNumber>? before, Bound<CodegenNumber>? after)
    {
        if (before is { } old && after is { } now)
        {
            if (old.Value != now.Value)
            {
                // Every old multiple is still valid when the new divisor divides the old one.
                var widened = old.Value.IsMultipleOf(now.Value);
                Report(widened ? ChangeRules.RangeWidened : ChangeRules.RangeNarrowed, site.Direction, site.Where,
                    $"multipleOf changed from {old.Value} to {now.Value}", old.Pointer, now.Pointer, site.Members);
            }
        }
        else if (after is { } added)
        {
            Report(ChangeRules.RangeNarrowed, site.Direction, site.Where, $"multipleOf {added.Value} was added", null, added.Pointer, site.Members, oldAnchor: site.OldPointer);
        }
        else if (before is { } removed)
        {
            Report(ChangeRules.RangeWidened, site.Direction, site.Where, $"multipleOf {removed.Value} was removed", removed.Pointer, null, site.Members, newAnchor: site.NewPointer);
        }
    }

    private void CompareCount(ValueSite site, Bound<int>? before, Bound<int>? after, string keyword, bool lower, ChangeRule narrowedRule, ChangeRule widenedRule)
    {
        if (before is { } old && after is { } now)
        {
            if (old.Value != now.Value)
            {
                var narrowed = lower ? now.Value > old.Value : now.Value < old.Value;
                Report(narrowed ? narrowedRule : widenedRule, site.Direction, site.Where,
                    $"{keyword} {(now.Value > old.Value ? "raised" : "lowered")} from {old.Value} to {now.Value}", old.Pointer, now.Pointer, site.Members);
            }
        }
        else if (after is { } added)
        {
            // minLength 0 and minItems 0 allow everything; adding them narrows nothing.
            if (!(lower && added.Value == 0))
            {
                Report(narrowedRule, site.Direction, site.Where, $"{keyword} {added.Value} was added", null, added.Pointer, site.Members, oldAnchor: site.OldPointer);
            }
        }
        else if (before is { } removed && !(lower && removed.Value == 0))
        {
            Report(widenedRule, site.Direction, site.Where, $"{keyword} {removed.Value} was removed", removed.Pointer, null, site.Members, newAnchor: site.NewPointer);
        }
    }

    private void ComparePatterns(ValueSite site, List<KeyValuePair<string, string>> before, List<KeyValuePair<string, string>> after)
    {
        if (before.Count == 0 && after.Count == 0)
        {
            return;
        }

        if (before.Count == 0)
        {
            Report(ChangeRules.PatternAdded, site.Direction, site.Where, $"pattern '{after[0].Key}' was added", null, after[0].Value, site.Members, oldAnchor: site.OldPointer);
        }
        else if (after.Count == 0)
        {
            Report(ChangeRules.PatternRemoved, site.Direction, site.Where, $"pattern '{before[0].Key}' was removed", before[0].Value, null, site.Members, newAnchor: site.NewPointer);
        }
        else if (!SamePatterns(before, after))
        {
            Report(ChangeRules.PatternChanged, site.Direction, site.Where, $"pattern changed from '{before[0].Key}' to '{after[0].Key}'", before[0].Value, after[0].Value, site.Members);
        }
    }

    private static bool SamePatterns(List<KeyValuePair<string, string>> before, List<KeyValuePair<string, string>> after)
    {
        if (before.Count != after.Count)
        {
            return false;
        }

        for (var i = 0; i < before.Count; i++)
        {
            if (before[i].Key != after[i].Key)
            {
                return false;
            }
        }

        return true;
    }

    private void CompareEnumKeyword(ValueSite site, Bound<IReadOnlyList<CodegenJson>>? before, Bound<IReadOnlyList<CodegenJson>>? after)
    {
        if (before is null && after is null)
        {
            return;
        }

        if (before is not { } old)
        {
            Report(ChangeRules.EnumValueRemoved, site.Direction, site.Where, $"values are now limited to {List(after!.Value.Value)} (enum added)",
                null, after.Value.Pointer, site.Members, oldAnchor: site.OldPointer);
            return;
        }

        if (after is not { } now)
        {
            Report(ChangeRules.EnumValueAdded, site.Direction, site.Where, $"the enum {List(old.Value)} was removed: any value of the type is allowed",
                old.Pointer, null, site.Members, newAnchor: site.NewPointer);
            return;
        }

        var removed = Except(old.Value, now.Value);
        var added = Except(now.Value, old.Value);
        if (removed.Count > 0)
        {
            Report(ChangeRules.EnumValueRemoved, site.Direction, site.Where, $"{List(removed)} removed from the enum", old.Pointer, now.Pointer, site.Members);
        }

        if (added.Count > 0)
        {
            Report(ChangeRules.EnumValueAdded, site.Direction, site.Where, $"{List(added)} added to the enum", old.Pointer, now.Pointer, site.Members);
        }
    }

    private static List<CodegenJson> Except(IReadOnlyList<CodegenJson> values, IReadOnlyList<CodegenJson> others)
    {
        var result = new List<CodegenJson>();
        foreach (var value in values)
        {
            var found = false;
            foreach (var other in others)
            {
                found |= value.Equals(other);
            }

            if (!found)
            {
                result.Add(value);
            }
        }

        return result;
    }

    private static string List(IReadOnlyList<CodegenJson> values)
    {
        var texts = new List<string>(values.Count);
        foreach (var value in values)
        {
            texts.Add(value.ToString());
        }

        return string.Join(", ", texts);
    }

    private static bool SameValue(Bound<CodegenJson>? before, Bound<CodegenJson>? after) =>
        before is { } old ? after is { } now && old.Value.Equals(now.Value) : after is null;

    private static string Text(Bound<CodegenJson>? value) => value is { } v ? v.Value.ToString() : "none";
}
