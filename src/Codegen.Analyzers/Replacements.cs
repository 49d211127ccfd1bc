using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Codegen.Runtime;

namespace Codegen.Analyzers;

/// <summary>
/// The values a code fix may put in place of a constant that breaks a rule, best first: the nearest bound, the
/// nearest multiple, the contract's default for NaN, a string cut to the longest allowed, the allowed values
/// closest first. Each is checked against the member's whole schema by the rules engine before it is offered, so
/// a fix never trades one diagnostic for another. Values are plain text (numbers as JSON writes them, strings
/// as they are); the code fixes spell them as C# in the style of the constant they replace.
/// </summary>
internal static class Replacements
{
    /// <summary>A closed enum may list hundreds of values; a light bulb menu shows the closest few.</summary>
    public const int MaxChoices = 10;

    public static IReadOnlyList<string> For(string id, CodegenRuleViolation violation, ContractTarget target, ContractConstant constant)
    {
        if (constant.Kind is not { } kind)
        {
            return Array.Empty<string>();
        }

        var owner = target.Rules.Schema(Parent(violation.SchemaPointer)) ?? target.Schema;
        IEnumerable<string> candidates = id switch
        {
            DiagnosticIds.ValueOutOfRange when kind.IsNumber() && Number(constant) is { } value
                && NumericRange.Of(owner).Clamp(value, kind) is { } clamped => new[] { Text(clamped) },
            DiagnosticIds.NotFinite when kind.IsNumber() => Default(target.Schema),
            DiagnosticIds.NotAMultiple when kind.IsNumber() && owner.MultipleOf is { } step && constant.Json is { } json => Multiples(json.NumberValue, step),
            DiagnosticIds.StringLengthOutOfRange when kind == LiteralKind.String && violation.Keyword == "maxLength"
                && owner.MaxLength is { } max && constant.Json is { } text => new[] { Cut(text.StringValue, max) },
            DiagnosticIds.ValueNotAllowed => Allowed(owner, kind, constant.Json),
            _ => Array.Empty<string>(),
        };

        return candidates.Where(candidate => Passes(target, candidate, kind)).Distinct(StringComparer.Ordinal).Take(MaxChoices).ToList();
    }

    /// <summary>Whether <paramref name="text"/>, spelled as a literal of <paramref name="kind"/>, satisfies the member's schema.</summary>
    private static bool Passes(ContractTarget target, string text, LiteralKind kind)
    {
        CodegenJson json;
        switch (kind)
        {
            case LiteralKind.String:
                json = CodegenJson.FromString(text);
                break;
            case LiteralKind.Boolean:
                json = CodegenJson.FromBoolean(text == "true");
                break;
            default:
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !kind.CanHold(number))
                {
                    return false;
                }

                if (kind.IsIntegral())
                {
                    if (!CodegenNumber.Parse(text).IsInteger)
                    {
                        return false;
                    }

                    json = CodegenJson.FromNumber(CodegenNumber.Parse(text));
                }
                else
                {
                    // What the literal becomes: a float literal is rounded to float before it widens.
                    json = kind == LiteralKind.Decimal
                        ? CodegenJson.FromNumber(CodegenNumber.Parse(text))
                        : CodegenJson.FromDouble(kind == LiteralKind.Float ? (float)number : number);
                }

                break;
        }

        return CodegenSchemaEvaluator.IsValid(target.Schema, json);
    }

    private static double? Number(ContractConstant constant) =>
        constant.Floating ?? (constant.Json is { Kind: CodegenJsonKind.Number } json ? json.NumberValue.ToDouble() : null);

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The contract's default for the member, for a NaN or an infinity that has no nearest value.</summary>
    private static IEnumerable<string> Default(CodegenSchema schema)
    {
        var value = schema.Default ?? schema.ReferenceTarget?.Default;
        return value is { Kind: CodegenJsonKind.Number } number ? new[] { number.NumberValue.ToString() } : Array.Empty<string>();
    }

    /// <summary>The multiples of <paramref name="step"/> nearest to <paramref name="value"/>, nearest first.</summary>
    private static IEnumerable<string> Multiples(CodegenNumber value, CodegenNumber step)
    {
        if (!decimal.TryParse(value.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
            || !decimal.TryParse(step.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var divisor)
            || divisor <= 0)
        {
            return Array.Empty<string>();
        }

        try
        {
            var below = decimal.Floor(exact / divisor) * divisor;
            var candidates = new[] { below, below + divisor, below - divisor, below + divisor + divisor };
            return candidates
                .OrderBy(candidate => Math.Abs(candidate - exact))
                .Select(candidate => CodegenNumber.FromDecimal(candidate).ToString())
                .ToList();
        }
        catch (OverflowException)
        {
            return Array.Empty<string>();
        }
    }

    /// <summary>The first <paramref name="max"/> code points of <paramref name="text"/> (a surrogate pair is one).</summary>
    private static string Cut(string text, int max)
    {
        var index = 0;
        for (var count = 0; count < max && index < text.Length; count++)
        {
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        }

        return text.Substring(0, index);
    }

    /// <summary>The enum's (or const's) values a literal of <paramref name="kind"/> can spell, closest to <paramref name="given"/> first.</summary>
    private static IEnumerable<string> Allowed(CodegenSchema owner, LiteralKind kind, CodegenJson? given)
    {
        var values = owner.Enum ?? (owner.Const is { } constant ? new[] { constant } : Array.Empty<CodegenJson>());
        var spelled = new List<(string Text, double Distance, int Order)>();
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            switch (value.Kind)
            {
                case CodegenJsonKind.String when kind == LiteralKind.String:
                    var distance = given is { Kind: CodegenJsonKind.String } text ? Distance(text.StringValue, value.StringValue) : 0;
                    spelled.Add((value.StringValue, distance, i));
                    break;
                case CodegenJsonKind.True or CodegenJsonKind.False when kind == LiteralKind.Boolean:
                    spelled.Add((value.Kind == CodegenJsonKind.True ? "true" : "false", 0, i));
                    break;
                case CodegenJsonKind.Number when kind.IsNumber():
                    var gap = given is { Kind: CodegenJsonKind.Number } number ? Math.Abs(number.NumberValue.ToDouble() - value.NumberValue.ToDouble()) : 0;
                    spelled.Add((value.NumberValue.ToString(), gap, i));
                    break;
            }
        }

        return spelled.OrderBy(s => s.Distance).ThenBy(s => s.Order).Select(s => s.Text);
    }

    /// <summary>Edit distance ignoring case, plus a half for a value that differs only in case (so "USER" ranks "user" before "users").</summary>
    private static double Distance(string given, string allowed)
    {
        var a = given.ToUpperInvariant();
        var b = allowed.ToUpperInvariant();
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length] + (string.Equals(given, allowed, StringComparison.Ordinal) || previous[b.Length] > 0 ? 0 : 0.5);
    }

    private static string Parent(string pointer)
    {
        var slash = pointer.LastIndexOf('/');
        return slash > 0 ? pointer.Substring(0, slash) : string.Empty;
    }
}
