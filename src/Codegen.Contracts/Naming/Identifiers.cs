using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Codegen.Contracts.Naming;

/// <summary>
/// Turns names from a contract (which may hold any text) into valid, readable C# identifiers.
/// </summary>
public static class Identifiers
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit",
        "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int",
        "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out",
        "override", "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed",
        "short", "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try",
        "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile",
        "while",
    };

    // Contextual keywords that cannot name a type or would read badly as one.
    private static readonly HashSet<string> ReservedTypeNames = new(StringComparer.Ordinal)
    {
        "var", "dynamic", "record", "file", "scoped", "required", "value", "nameof", "async", "await",
        "System", "Global",
    };

    /// <summary>PascalCase identifier for a type: <c>max_tokens</c> becomes <c>MaxTokens</c>; never <c>System</c>, which would hide the namespace.</summary>
    public static string ToPascalCase(string? name, string fallback) => Finish(Pascal(name), fallback, isType: true);

    /// <summary>
    /// PascalCase identifier for a member (a property, an enum value): as <see cref="ToPascalCase"/>, except that
    /// <c>System</c> stays <c>System</c>: generated code names every type from <c>global::</c>, so no member hides one.
    /// </summary>
    public static string ToMemberName(string? name, string fallback) => Finish(Pascal(name), fallback, isType: false);

    private static StringBuilder Pascal(string? name)
    {
        var builder = new StringBuilder();
        foreach (var word in SplitWords(name))
        {
            builder.Append(char.ToUpperInvariant(word[0]));
            builder.Append(word, 1, word.Length - 1);
        }

        return builder;
    }

    /// <summary>camelCase identifier for a parameter, escaped with <c>@</c> when it is a keyword.</summary>
    public static string ToCamelCase(string pascalName)
    {
        if (pascalName.Length == 0)
        {
            return "value";
        }

        var start = pascalName[0] == '_' ? 1 : 0;
        var upperRun = start;
        while (upperRun < pascalName.Length && char.IsUpper(pascalName[upperRun]))
        {
            upperRun++;
        }

        // "URL" -> "url", "MaxTokens" -> "maxTokens", "HTTPServer" -> "httpServer".
        var lowerCount = upperRun - start <= 1 || upperRun == pascalName.Length ? upperRun - start : upperRun - start - 1;
        var result = pascalName.Substring(0, start)
            + pascalName.Substring(start, lowerCount).ToLowerInvariant()
            + pascalName.Substring(start + lowerCount);
        return Keywords.Contains(result) || ReservedTypeNames.Contains(result) ? "@" + result : result;
    }

    /// <summary>Whether <paramref name="name"/> is usable as a C# identifier as it is.</summary>
    public static bool IsValidIdentifier(string name)
    {
        if (name.Length == 0 || Keywords.Contains(name))
        {
            return false;
        }

        if (!(char.IsLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!IsIdentifierPart(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A dotted namespace whose every part is a valid identifier.</summary>
    public static bool IsValidNamespace(string name)
    {
        foreach (var part in name.Split('.'))
        {
            if (!IsValidIdentifier(part))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns <paramref name="candidate"/>, or it with the smallest numeric suffix not in <paramref name="taken"/>; records the result.</summary>
    public static string MakeUnique(string candidate, ISet<string> taken)
    {
        var result = candidate;
        for (var i = 2; taken.Contains(result); i++)
        {
            result = candidate + i.ToString(CultureInfo.InvariantCulture);
        }

        taken.Add(result);
        return result;
    }

    private static List<string> SplitWords(string? name)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(name))
        {
            return words;
        }

        var current = new StringBuilder();
        for (var i = 0; i < name!.Length; i++)
        {
            var c = name[i];
            if (!IsIdentifierPart(c) || c == '_')
            {
                Flush();
                continue;
            }

            // A lower-to-upper step starts a new word: "topP" -> "top", "P".
            if (current.Length > 0 && char.IsUpper(c) && char.IsLower(current[current.Length - 1]))
            {
                Flush();
            }

            current.Append(c);
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }

    private static string Finish(StringBuilder builder, string fallback, bool isType)
    {
        if (builder.Length == 0)
        {
            return fallback;
        }

        if (!char.IsLetter(builder[0]))
        {
            builder.Insert(0, '_');
        }

        var result = builder.ToString();
        return Keywords.Contains(result) || (isType && ReservedTypeNames.Contains(result)) ? result + "_" : result;
    }

    private static bool IsIdentifierPart(char c)
    {
        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.ConnectorPunctuation:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
                return true;
            default:
                return false;
        }
    }
}
