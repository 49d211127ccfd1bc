using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace Codegen.Analyzers;

/// <summary>
/// What the contract says about one member (a property, field or parameter), read from its
/// attributes once and cached per compilation by <see cref="ContractConstantAnalyzer"/>.
/// </summary>
internal sealed class FieldConstraints
{
    /// <summary>Shared by every member without constraints, which is nearly all of them.</summary>
    public static readonly FieldConstraints None = new();

    private Regex? _regex;
    private bool _regexFailed;

    private FieldConstraints()
    {
    }

    /// <summary>The JSON field name: [JsonPropertyName], else [Display(Name)], else the member name.</summary>
    public string JsonName { get; private set; } = "";

    public NumericRange? Range { get; private set; }

    public int? MinStringLength { get; private set; }

    public int? MaxStringLength { get; private set; }

    public string? Pattern { get; private set; }

    public int? MinItems { get; private set; }

    public int? MaxItems { get; private set; }

    /// <summary>The values of [AllowedValues], or default when the member has none.</summary>
    public ImmutableArray<object?> AllowedValues { get; private set; }

    public bool IsEmpty => Range is null && MinStringLength is null && MaxStringLength is null
        && Pattern is null && MinItems is null && MaxItems is null && AllowedValues.IsDefault;

    public static FieldConstraints Read(ISymbol member, ContractAttributes known)
    {
        var result = new FieldConstraints();
        string? jsonName = null;
        string? displayName = null;
        foreach (var attribute in member.GetAttributes())
        {
            var type = attribute.AttributeClass;
            if (type is null)
            {
                continue;
            }

            var args = attribute.ConstructorArguments;
            if (Is(type, known.Range))
            {
                result.Range = ReadRange(attribute) ?? result.Range;
            }
            else if (Is(type, known.StringLength))
            {
                result.MaxStringLength = IntAt(args, 0);
                result.MinStringLength = NamedInt(attribute, "MinimumLength") is int min and > 0 ? min : null;
            }
            else if (Is(type, known.RegularExpression))
            {
                result.Pattern = args.Length == 1 ? args[0].Value as string : null;
            }
            else if (Is(type, known.MinLength))
            {
                result.MinItems = IntAt(args, 0);
            }
            else if (Is(type, known.MaxLength))
            {
                // [MaxLength] without an argument means "as many as the store allows": no bound.
                result.MaxItems = IntAt(args, 0) is int max and >= 0 ? max : null;
            }
            else if (Is(type, known.Length))
            {
                result.MinItems = IntAt(args, 0);
                result.MaxItems = IntAt(args, 1);
            }
            else if (Is(type, known.AllowedValues))
            {
                if (args.Length == 1 && args[0].Kind == TypedConstantKind.Array && !args[0].IsNull)
                {
                    var values = ImmutableArray.CreateBuilder<object?>(args[0].Values.Length);
                    foreach (var value in args[0].Values)
                    {
                        values.Add(value.Kind == TypedConstantKind.Array ? null : value.Value);
                    }

                    result.AllowedValues = values.MoveToImmutable();
                }
            }
            else if (Is(type, known.JsonPropertyName))
            {
                jsonName = args.Length == 1 ? args[0].Value as string : null;
            }
            else if (Is(type, known.Display))
            {
                displayName = NamedString(attribute, "Name");
            }
        }

        if (result.IsEmpty)
        {
            return None;
        }

        result.JsonName = jsonName ?? displayName ?? member.Name;
        return result;
    }

    /// <summary>
    /// Whether <paramref name="value"/> matches the pattern the way RegularExpressionAttribute does
    /// (the whole string), or null when the pattern does not compile or the match times out.
    /// </summary>
    public bool? MatchesPattern(string value)
    {
        if (Pattern is null || _regexFailed)
        {
            return null;
        }

        try
        {
            // A benign race: two threads may both build the regex; either result is fine.
            _regex ??= new Regex(Pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(250));
            var match = _regex.Match(value);
            return match.Success && match.Index == 0 && match.Length == value.Length;
        }
        catch (ArgumentException)
        {
            _regexFailed = true;
            return null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static bool Is(INamedTypeSymbol type, INamedTypeSymbol? known) =>
        known is not null && SymbolEqualityComparer.Default.Equals(type, known);

    private static int? IntAt(ImmutableArray<TypedConstant> args, int index) =>
        args.Length > index && args[index].Value is int value ? value : null;

    private static int? NamedInt(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name && pair.Value.Value is int value)
            {
                return value;
            }
        }

        return null;
    }

    private static string? NamedString(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name && pair.Value.Value is string value)
            {
                return value;
            }
        }

        return null;
    }

    private static NumericRange? ReadRange(AttributeData attribute)
    {
        var args = attribute.ConstructorArguments;
        double min, max;
        string minText, maxText;
        if (args.Length == 2 && args[0].Value is int intMin && args[1].Value is int intMax)
        {
            (min, max) = (intMin, intMax);
            (minText, maxText) = (ConstantText.Number(intMin), ConstantText.Number(intMax));
        }
        else if (args.Length == 2 && args[0].Value is double doubleMin && args[1].Value is double doubleMax)
        {
            (min, max) = (doubleMin, doubleMax);
            (minText, maxText) = (ConstantText.Number(doubleMin), ConstantText.Number(doubleMax));
        }
        else if (args.Length == 3 && args[0].Value is ITypeSymbol type && LiteralKindExtensions.FromType(type) is not null
            && args[1].Value is string minString && args[2].Value is string maxString
            && double.TryParse(minString, NumberStyles.Float, CultureInfo.InvariantCulture, out min)
            && double.TryParse(maxString, NumberStyles.Float, CultureInfo.InvariantCulture, out max))
        {
            (minText, maxText) = (minString, maxString);
        }
        else
        {
            return null;
        }

        return new NumericRange(
            min, max, minText, maxText,
            minimumIsExclusive: NamedBool(attribute, "MinimumIsExclusive"),
            maximumIsExclusive: NamedBool(attribute, "MaximumIsExclusive"));
    }

    private static bool NamedBool(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name && pair.Value.Value is bool value)
            {
                return value;
            }
        }

        return false;
    }
}
