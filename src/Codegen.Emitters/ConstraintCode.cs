using System.Collections.Generic;
using System.Linq;
using Codegen.Contracts.Model;

namespace Codegen.Emitters;

/// <summary>
/// One rule of the contract as code: a condition that is true when the value (<see cref="Check.Placeholder"/>) breaks it,
/// the rule in words, how to print the value, and whether "out of range" or "not allowed" fits.
/// Builders throw with these, <c>Validate()</c> collects them: one source, so they never disagree.
/// </summary>
internal sealed record Check(string Violated, string Rule, string ValueText, bool IsRange)
{
    /// <summary>Stands for the value in the templates. A control character never survives in an escaped literal, so it cannot clash with contract text.</summary>
    public const string Placeholder = "\u0001";

    public string Condition(string value) => Violated.Replace(Placeholder, value);

    public string Value(string value) => ValueText.Replace(Placeholder, value);

    public string Outcome => IsRange ? "is out of range" : "is not allowed";
}

internal static class ConstraintCode
{
    private const string P = Check.Placeholder;
    private const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";

    /// <summary>The checks on a non-null value of <paramref name="type"/> (not a union: see <see cref="ForUnionCase"/>).</summary>
    public static List<Check> For(TypeRef type, ConstraintSpec c, ContractSpec contract, JsonCode json)
    {
        var helpers = $"global::{contract.Namespace}.{contract.Prefix}ValidationHelpers";
        var checks = new List<Check>();
        switch (type.Kind)
        {
            case TypeRefKind.Int32:
            case TypeRefKind.Int64:
            case TypeRefKind.Number:
                var isDouble = type.Kind == TypeRefKind.Number;
                var valueText = isDouble ? P + ".ToString(\"R\", " + Invariant + ")" : P + ".ToString(" + Invariant + ")";
                if (c.HasRange)
                {
                    var parts = new List<string>();
                    if (isDouble)
                    {
                        parts.Add("double.IsFinite(" + P + ")");
                    }

                    if (c.Minimum is { } min)
                    {
                        parts.Add(P + " " + (c.MinimumIsExclusive ? ">" : ">=") + " " + Bound(min, type.Kind));
                    }

                    if (c.Maximum is { } max)
                    {
                        parts.Add(P + " " + (c.MaximumIsExclusive ? "<" : "<=") + " " + Bound(max, type.Kind));
                    }

                    checks.Add(new Check("!(" + string.Join(" && ", parts) + ")", RangeRule(c), valueText, true));
                }
                else if (isDouble)
                {
                    checks.Add(new Check("!double.IsFinite(" + P + ")", "must be a finite number", valueText, true));
                }

                break;
            case TypeRefKind.String:
                var text = helpers + ".Excerpt(" + P + ")";
                if (c.MinLength is not null || c.MaxLength is not null)
                {
                    var length = helpers + ".CodePointLength(" + P + ")";
                    var parts = new List<string>();
                    if (c.MinLength is { } minLength)
                    {
                        parts.Add(length + " >= " + minLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }

                    if (c.MaxLength is { } maxLength)
                    {
                        parts.Add(length + " <= " + maxLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }

                    checks.Add(new Check("!(" + string.Join(" && ", parts) + ")", CountRule(c.MinLength, c.MaxLength, "characters long", "characters"), "\"a string of \" + " + length + ".ToString(" + Invariant + ") + \" characters\"", true));
                }

                if (c.Pattern is { } pattern)
                {
                    checks.Add(new Check("!" + helpers + ".IsMatch(" + P + ", " + CSharp.StringLiteral(pattern) + ")", "must match the pattern " + Quote(pattern), "\"'\" + " + text + " + \"'\"", false));
                }

                break;
            case TypeRefKind.Array:
            case TypeRefKind.Map:
                if (c.MinItems is not null || c.MaxItems is not null)
                {
                    var parts = new List<string>();
                    if (c.MinItems is { } minItems)
                    {
                        parts.Add(P + ".Count >= " + minItems.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }

                    if (c.MaxItems is { } maxItems)
                    {
                        parts.Add(P + ".Count <= " + maxItems.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }

                    checks.Add(new Check("!(" + string.Join(" && ", parts) + ")", CountRule(c.MinItems, c.MaxItems, "items", "items"), P + ".Count.ToString(" + Invariant + ") + \" items\"", true));
                }

                break;
            case TypeRefKind.Enum:
                var spec = json.Find<EnumTypeSpec>(type.Name);
                if (spec is { IsOpen: false })
                {
                    var allowed = string.Join(", ", spec.Members.Select(m => Quote(m.Value)));
                    checks.Add(new Check("!" + P + ".IsKnown", "must be one of " + allowed, "\"'\" + " + helpers + ".Excerpt(" + P + ".Value) + \"'\"", false));
                }

                break;
        }

        return checks;
    }

    /// <summary>The cases of a union that have checks of their own (string rules on string cases, item counts on array cases, ...).</summary>
    public static IEnumerable<(UnionCaseSpec Case, List<Check> Checks)> ForUnion(UnionTypeSpec union, ConstraintSpec c, ContractSpec contract, JsonCode json)
    {
        foreach (var unionCase in union.Cases)
        {
            var checks = For(unionCase.Type, c, contract, json);
            if (checks.Count > 0)
            {
                yield return (unionCase, checks);
            }
        }
    }

    public static string RangeRule(ConstraintSpec c)
    {
        if (c.Minimum is { } min && c.Maximum is { } max && !c.MinimumIsExclusive && !c.MaximumIsExclusive)
        {
            return $"must be between {CSharp.Number(min)} and {CSharp.Number(max)}";
        }

        var parts = new List<string>();
        if (c.Minimum is { } lower)
        {
            parts.Add((c.MinimumIsExclusive ? "greater than " : "at least ") + CSharp.Number(lower));
        }

        if (c.Maximum is { } upper)
        {
            parts.Add((c.MaximumIsExclusive ? "less than " : "at most ") + CSharp.Number(upper));
        }

        return "must be " + string.Join(" and ", parts);
    }

    private static string CountRule(int? min, int? max, string unit, string shortUnit) => (min, max) switch
    {
        ({ } lo, { } hi) when lo == hi => $"must have exactly {lo} {shortUnit}",
        ({ } lo, { } hi) => $"must have between {lo} and {hi} {shortUnit}",
        ({ } lo, null) => $"must have at least {lo} {shortUnit}",
        (null, { } hi) => $"must have at most {hi} {shortUnit}",
        _ => "must be " + unit,
    };

    private static string Bound(decimal value, TypeRefKind kind) =>
        kind == TypeRefKind.Number ? CSharp.DoubleLiteral(value) : CSharp.IntegerLiteral(value, kind) ?? CSharp.DoubleLiteral(value);

    /// <summary>Quotes a contract value for a rule; the rule lands in a string literal, which escapes it again.</summary>
    private static string Quote(string value) => "'" + value + "'";
}
