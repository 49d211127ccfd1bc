namespace Codegen.Runtime;

/// <summary>
/// The words of rules and violations, in one place so that every checker says the same: instance paths
/// (<c>$.stop[1]</c>), values as short text, rules such as <c>must be between 0 and 2</c>, and schemas described
/// for a reader (<c>a string or null</c>).
/// </summary>
internal static class CodegenRuleText
{
    /// <summary>Values longer than this are cut in messages, so that a huge value cannot flood a log.</summary>
    public const int MaxExcerpt = 64;

    private const int MaxListed = 12;

    /// <summary>The path of the member <paramref name="name"/>: <c>$.top_p</c>, or <c>$['odd name']</c> when the name is not an identifier.</summary>
    public static string Property(string path, string name)
    {
        var simple = name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_');
        for (var i = 0; simple && i < name.Length; i++)
        {
            simple = char.IsLetterOrDigit(name[i]) || name[i] == '_';
        }

        return simple ? path + "." + name : path + "['" + name.Replace("\\", "\\\\").Replace("'", "\\'") + "']";
    }

    /// <summary>The path of the item <paramref name="index"/>: <c>$.stop[1]</c>.</summary>
    public static string Index(string path, int index) => path + "[" + index.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + "]";

    /// <summary>A string cut to <see cref="MaxExcerpt"/> characters (never inside a surrogate pair).</summary>
    public static string Excerpt(string value)
    {
        if (value.Length <= MaxExcerpt)
        {
            return value;
        }

        var cut = char.IsHighSurrogate(value[MaxExcerpt - 1]) ? MaxExcerpt - 1 : MaxExcerpt;
        return value.Substring(0, cut) + "…";
    }

    /// <summary>A value as short text: <c>'abc'</c> for strings (as the generated code has always quoted them), JSON for the rest, cut when long.</summary>
    public static string Value(CodegenJson value)
    {
        switch (value.Kind)
        {
            case CodegenJsonKind.String:
                return "'" + Excerpt(value.StringValue) + "'";
            case CodegenJsonKind.Number:
                return value.NumberValue.ToString();
            case CodegenJsonKind.Null:
                return "null";
            case CodegenJsonKind.True:
                return "true";
            case CodegenJsonKind.False:
                return "false";
            default:
                var builder = new global::System.Text.StringBuilder();
                if (!AppendBounded(builder, value))
                {
                    builder.Length = MaxExcerpt;
                    builder.Append('…');
                }

                return builder.ToString();
        }
    }

    /// <summary>Compact JSON of <paramref name="value"/>, stopping once the text is longer than <see cref="MaxExcerpt"/>; false when it stopped.</summary>
    private static bool AppendBounded(global::System.Text.StringBuilder builder, CodegenJson value)
    {
        if (builder.Length > MaxExcerpt)
        {
            return false;
        }

        switch (value.Kind)
        {
            case CodegenJsonKind.Array:
                builder.Append('[');
                for (var i = 0; i < value.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    if (!AppendBounded(builder, value.Items[i]))
                    {
                        return false;
                    }
                }

                builder.Append(']');
                break;
            case CodegenJsonKind.Object:
                builder.Append('{');
                for (var i = 0; i < value.Members.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    var member = value.Members[i];
                    CodegenJson.WriteString(builder, member.Key.Length > MaxExcerpt ? member.Key.Substring(0, MaxExcerpt) : member.Key);
                    builder.Append(':');
                    if (!AppendBounded(builder, member.Value))
                    {
                        return false;
                    }
                }

                builder.Append('}');
                break;
            case CodegenJsonKind.String:
                CodegenJson.WriteString(builder, value.StringValue.Length > MaxExcerpt ? value.StringValue.Substring(0, MaxExcerpt + 1) : value.StringValue);
                break;
            default:
                value.WriteTo(builder);
                break;
        }

        return builder.Length <= MaxExcerpt;
    }

    /// <summary>A list of values for a rule: <c>'a', 'b', 'c'</c>, cut after a dozen with the count.</summary>
    public static string Values(global::System.Collections.Generic.IReadOnlyList<CodegenJson> values)
    {
        var parts = new global::System.Collections.Generic.List<string>();
        foreach (var value in values)
        {
            if (parts.Count == MaxListed)
            {
                parts.Add("… (" + values.Count.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " values)");
                break;
            }

            parts.Add(Value(value));
        }

        return string.Join(", ", parts);
    }

    /// <summary>Quoted names: <c>'a', 'b'</c>, cut after a dozen.</summary>
    public static string Names(global::System.Collections.Generic.IEnumerable<string> names)
    {
        var parts = new global::System.Collections.Generic.List<string>();
        var count = 0;
        foreach (var name in names)
        {
            count++;
            if (parts.Count < MaxListed)
            {
                parts.Add("'" + Excerpt(name) + "'");
            }
        }

        if (count > MaxListed)
        {
            parts.Add("… (" + count.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " in all)");
        }

        return string.Join(", ", parts);
    }

    /// <summary>The allowed types in words: <c>a string</c>, <c>an integer or null</c>, <c>a string, an array or null</c>.</summary>
    public static string Types(CodegenSchemaTypes types)
    {
        var words = new global::System.Collections.Generic.List<string>();
        if ((types & CodegenSchemaTypes.String) != 0)
        {
            words.Add("a string");
        }

        if ((types & CodegenSchemaTypes.Number) != 0)
        {
            words.Add("a number");
        }
        else if ((types & CodegenSchemaTypes.Integer) != 0)
        {
            words.Add("an integer");
        }

        if ((types & CodegenSchemaTypes.Boolean) != 0)
        {
            words.Add("a boolean");
        }

        if ((types & CodegenSchemaTypes.Object) != 0)
        {
            words.Add("an object");
        }

        if ((types & CodegenSchemaTypes.Array) != 0)
        {
            words.Add("an array");
        }

        if ((types & CodegenSchemaTypes.Null) != 0)
        {
            words.Add("null");
        }

        return Alternatives(words);
    }

    /// <summary>The kind of a value in words: <c>a string</c>, <c>an object</c>.</summary>
    public static string Kind(CodegenJson value) => value.Kind switch
    {
        CodegenJsonKind.Null => "null",
        CodegenJsonKind.True or CodegenJsonKind.False => "a boolean",
        CodegenJsonKind.Number => value.NumberValue.IsInteger ? "an integer" : "a number",
        CodegenJsonKind.String => "a string",
        CodegenJsonKind.Array => "an array",
        _ => "an object",
    };

    /// <summary>The numeric bounds of a schema as one rule, as the builders have always said it: <c>must be between 0 and 2</c>, <c>must be greater than 0 and at most 1</c>.</summary>
    public static string Range(CodegenSchema schema)
    {
        var (lower, lowerExclusive) = Stricter(schema.Minimum, schema.ExclusiveMinimum, lower: true);
        var (upper, upperExclusive) = Stricter(schema.Maximum, schema.ExclusiveMaximum, lower: false);
        if (lower is { } low && upper is { } high && !lowerExclusive && !upperExclusive)
        {
            return "must be between " + low + " and " + high;
        }

        var parts = new global::System.Collections.Generic.List<string>(2);
        if (lower is { } min)
        {
            parts.Add((lowerExclusive ? "greater than " : "at least ") + min);
        }

        if (upper is { } max)
        {
            parts.Add((upperExclusive ? "less than " : "at most ") + max);
        }

        return "must be " + string.Join(" and ", parts);
    }

    private static (CodegenNumber? Bound, bool Exclusive) Stricter(CodegenNumber? inclusive, CodegenNumber? exclusive, bool lower)
    {
        if (inclusive is null)
        {
            return (exclusive, exclusive is not null);
        }

        if (exclusive is null)
        {
            return (inclusive, false);
        }

        var comparison = exclusive.Value.CompareTo(inclusive.Value);
        var exclusiveWins = lower ? comparison >= 0 : comparison <= 0;
        return exclusiveWins ? (exclusive, true) : (inclusive, false);
    }

    /// <summary>A count rule: <c>must have between 1 and 4 items</c>, <c>must have at least 1 character</c>, <c>must have exactly 2 items</c>.</summary>
    public static string Count(int? min, int? max, string unit)
    {
        if (min is { } low && max is { } high)
        {
            return low == high ? "must have exactly " + Counted(low, unit) : "must have between " + low.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " and " + Counted(high, unit);
        }

        return min is { } atLeast ? "must have at least " + Counted(atLeast, unit) : "must have at most " + Counted(max ?? 0, unit);
    }

    /// <summary><c>1 item</c>, <c>2 items</c>, <c>1 property</c> (the units are plurals: characters, items, properties).</summary>
    public static string Counted(int count, string unit)
    {
        var text = count.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " ";
        if (count != 1)
        {
            return text + unit;
        }

        return text + (unit == "properties" ? "property" : unit.Substring(0, unit.Length - 1));
    }

    /// <summary>
    /// A schema in a few words, for rules about alternatives: a definition's name for a reference, the value of a
    /// <c>const</c>, the values of an <c>enum</c>, the types; else its location.
    /// </summary>
    public static string Schema(CodegenSchema schema)
    {
        if (schema.BooleanValue is { } boolean)
        {
            return boolean ? "anything" : "nothing";
        }

        if (schema.Reference is { } reference)
        {
            var pointer = schema.ReferencePointer ?? reference;
            var slash = pointer.LastIndexOf('/');
            var name = slash >= 0 ? pointer.Substring(slash + 1).Replace("~1", "/").Replace("~0", "~") : pointer;
            return name.Length > 0 ? name : "the root schema";
        }

        if (schema.Title is { Length: > 0 and <= 40 } title)
        {
            return title;
        }

        if (schema.Const is { } constant)
        {
            return Value(constant);
        }

        if (schema.Enum is { } values)
        {
            return values.Count == 1 ? Value(values[0]) : "one of " + Values(values);
        }

        if (schema.Types != CodegenSchemaTypes.None)
        {
            return Types(schema.Types);
        }

        if (schema.AllOf is { Count: 1 } single)
        {
            return Schema(single[0]);
        }

        return "the schema at '#" + schema.Pointer + "'";
    }

    /// <summary><c>a</c>; <c>a or b</c>; <c>a, b or c</c>.</summary>
    public static string Alternatives(global::System.Collections.Generic.IReadOnlyList<string> words) => words.Count switch
    {
        0 => string.Empty,
        1 => words[0],
        _ => string.Join(", ", Take(words, words.Count - 1)) + " or " + words[words.Count - 1],
    };

    private static global::System.Collections.Generic.IEnumerable<string> Take(global::System.Collections.Generic.IReadOnlyList<string> words, int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return words[i];
        }
    }
}
