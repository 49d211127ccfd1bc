namespace Codegen.Runtime;

/// <summary>
/// A parameter's value in the shape OpenAPI's styles serialize: one string, a list of strings (an array) or a
/// list of name/value pairs (an object). Numbers and booleans are written as JSON writes them (invariant culture,
/// <c>true</c>/<c>false</c>); anything richer is written to JSON first and read back in one of the three shapes.
/// Values are kept unescaped: <see cref="CodegenClientRequest"/> escapes them for where they land.
/// </summary>
public readonly struct CodegenParameterValue
{
    private CodegenParameterValue(string? scalar, global::System.Collections.Generic.IReadOnlyList<string>? items, global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.KeyValuePair<string, string>>? pairs)
    {
        Scalar = scalar;
        Items = items;
        Pairs = pairs;
    }

    /// <summary>The value of a primitive, or null for a list or an object.</summary>
    public string? Scalar { get; }

    /// <summary>The items of an array, or null.</summary>
    public global::System.Collections.Generic.IReadOnlyList<string>? Items { get; }

    /// <summary>The members of an object, in order, or null.</summary>
    public global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.KeyValuePair<string, string>>? Pairs { get; }

    /// <summary>A string as it is.</summary>
    public static CodegenParameterValue Of(string value) => new CodegenParameterValue(value ?? throw new global::System.ArgumentNullException(nameof(value)), null, null);

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public static CodegenParameterValue Of(bool value) => new CodegenParameterValue(Format(value), null, null);

    /// <summary>An integer in the invariant culture.</summary>
    public static CodegenParameterValue Of(long value) => new CodegenParameterValue(Format(value), null, null);

    /// <summary>A number as JSON writes it (shortest round-trip form, invariant culture).</summary>
    public static CodegenParameterValue Of(double value) => new CodegenParameterValue(Format(value), null, null);

    /// <summary>An array: each item formatted by <paramref name="format"/>.</summary>
    public static CodegenParameterValue List<T>(global::System.Collections.Generic.IEnumerable<T> items, global::System.Func<T, string> format)
    {
        var list = new global::System.Collections.Generic.List<string>();
        foreach (var item in items ?? throw new global::System.ArgumentNullException(nameof(items)))
        {
            list.Add(format(item));
        }

        return new CodegenParameterValue(null, list, null);
    }

    /// <summary>An object whose members are data (a map): each value formatted by <paramref name="format"/>.</summary>
    public static CodegenParameterValue Map<T>(global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, T>> members, global::System.Func<T, string> format)
    {
        var pairs = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>();
        foreach (var member in members ?? throw new global::System.ArgumentNullException(nameof(members)))
        {
            pairs.Add(new global::System.Collections.Generic.KeyValuePair<string, string>(member.Key, format(member.Value)));
        }

        return new CodegenParameterValue(null, null, pairs);
    }

    /// <summary>
    /// Any value through its JSON: an object gives its members, an array its items, a string itself, and a number,
    /// boolean or null its JSON text. A member or item that is itself an object or array is given as JSON text.
    /// </summary>
    public static CodegenParameterValue FromJson(global::System.Action<global::System.Text.Json.Utf8JsonWriter> write)
    {
        var buffer = new global::System.Buffers.ArrayBufferWriter<byte>(128);
        using (var writer = new global::System.Text.Json.Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        using var document = global::System.Text.Json.JsonDocument.Parse(buffer.WrittenMemory);
        var root = document.RootElement;
        switch (root.ValueKind)
        {
            case global::System.Text.Json.JsonValueKind.Object:
                var pairs = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>();
                foreach (var member in root.EnumerateObject())
                {
                    pairs.Add(new global::System.Collections.Generic.KeyValuePair<string, string>(member.Name, Text(member.Value)));
                }

                return new CodegenParameterValue(null, null, pairs);
            case global::System.Text.Json.JsonValueKind.Array:
                var items = new global::System.Collections.Generic.List<string>();
                foreach (var item in root.EnumerateArray())
                {
                    items.Add(Text(item));
                }

                return new CodegenParameterValue(null, items, null);
            default:
                return new CodegenParameterValue(Text(root), null, null);
        }
    }

    /// <summary>How a value reads in a parameter: a string without quotes, anything else as its JSON text.</summary>
    public static string Text(global::System.Text.Json.JsonElement element) =>
        element.ValueKind == global::System.Text.Json.JsonValueKind.String ? element.GetString()! : element.GetRawText();

    /// <summary><c>true</c> or <c>false</c>, as JSON writes them.</summary>
    public static string Format(bool value) => value ? "true" : "false";

    /// <summary>An integer in the invariant culture.</summary>
    public static string Format(long value) => value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A number in its shortest round-trip form; NaN and infinities are not numbers a server reads, so they throw.</summary>
    public static string Format(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new global::System.ArgumentOutOfRangeException(nameof(value), value, "NaN and infinities cannot be sent as a parameter.");
        }

        return value.ToString("R", global::System.Globalization.CultureInfo.InvariantCulture);
    }
}
