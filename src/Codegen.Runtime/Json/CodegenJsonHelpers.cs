namespace Codegen.Runtime;

/// <summary>
/// What the generated JSON converters call: strict token readers with messages that name what was expected, and the
/// value equality and JSON text of unions.
/// </summary>
internal static class CodegenJsonHelpers
{
    /// <summary>Options for converters called directly (they read none).</summary>
    internal static readonly global::System.Text.Json.JsonSerializerOptions PlainOptions = new global::System.Text.Json.JsonSerializerOptions();

    public static void Expect(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Text.Json.JsonTokenType expected)
    {
        if (reader.TokenType != expected)
        {
            throw new global::System.Text.Json.JsonException("Expected " + Describe(expected) + " but found " + Describe(reader.TokenType) + ".");
        }
    }

    public static string ReadString(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        Expect(ref reader, global::System.Text.Json.JsonTokenType.String);
        return reader.GetString()!;
    }

    /// <summary>An integer as JSON Schema counts integers: by value, so 1.0 and 1e2 are integers too.</summary>
    public static int ReadInt32(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        var value = ReadInt64(ref reader);
        if (value < int.MinValue || value > int.MaxValue)
        {
            throw new global::System.Text.Json.JsonException("The integer " + value.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " does not fit in a 32-bit int.");
        }

        return (int)value;
    }

    /// <summary>An integer as JSON Schema counts integers: by value, so 1.0 and 1e2 are integers too; beyond 64 bits it is an error, never a rounded value.</summary>
    public static long ReadInt64(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        Expect(ref reader, global::System.Text.Json.JsonTokenType.Number);
        if (reader.TryGetInt64(out var value))
        {
            return value;
        }

        if (reader.TryGetDecimal(out var number) && decimal.Truncate(number) == number)
        {
            if (number >= long.MinValue && number <= long.MaxValue)
            {
                return (long)number;
            }

            throw new global::System.Text.Json.JsonException("The integer " + Text(ref reader) + " does not fit in a 64-bit integer.");
        }

        var whole = reader.TryGetDouble(out var approximate) && global::System.Math.Floor(approximate) == approximate;
        throw new global::System.Text.Json.JsonException(whole
            ? "The integer " + Text(ref reader) + " does not fit in a 64-bit integer."
            : "Expected an integer but found " + Text(ref reader) + ".");
    }

    /// <summary>Keeps a property the contract does not name (the reader is on its name), for writing back.</summary>
    public static void ReadAdditional(ref global::System.Text.Json.Utf8JsonReader reader, ref global::System.Collections.Generic.Dictionary<string, global::System.Text.Json.JsonElement>? additional)
    {
        var name = reader.GetString()!;
        reader.Read();
        (additional ??= new global::System.Collections.Generic.Dictionary<string, global::System.Text.Json.JsonElement>(global::System.StringComparer.Ordinal))[name] = global::System.Text.Json.JsonElement.ParseValue(ref reader);
    }

    /// <summary>
    /// Moves the reader onto a property's value (it is on the name) and tells whether there is a value to read: false for
    /// a JSON null, which sets <paramref name="bit"/> in <paramref name="readNulls"/> so that the writer writes it back.
    /// </summary>
    public static bool NonNull(ref global::System.Text.Json.Utf8JsonReader reader, ref ulong readNulls, ulong bit)
    {
        reader.Read();
        if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null)
        {
            readNulls |= bit;
            return false;
        }

        return true;
    }

    /// <summary>Writes back the properties <see cref="ReadAdditional"/> kept, if any.</summary>
    public static void WriteAdditional(global::System.Text.Json.Utf8JsonWriter writer, global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Text.Json.JsonElement>? additional)
    {
        if (additional is null)
        {
            return;
        }

        foreach (var pair in additional)
        {
            writer.WritePropertyName(pair.Key);
            pair.Value.WriteTo(writer);
        }
    }

    /// <summary>Reads one value: what collections' items are read with (a static lambda per item type).</summary>
    public delegate T ReadValue<T>(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Text.Json.JsonSerializerOptions options);

    /// <summary>A JSON array, each item read by <paramref name="item"/>.</summary>
    public static T[] ReadList<T>(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Text.Json.JsonSerializerOptions options, ReadValue<T> item)
    {
        Expect(ref reader, global::System.Text.Json.JsonTokenType.StartArray);
        var list = new global::System.Collections.Generic.List<T>();
        while (reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndArray)
        {
            list.Add(item(ref reader, options));
        }

        return list.ToArray();
    }

    /// <summary>A JSON object whose names are data, each value read by <paramref name="item"/>.</summary>
    public static global::System.Collections.Generic.Dictionary<string, T> ReadMap<T>(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Text.Json.JsonSerializerOptions options, ReadValue<T> item)
    {
        Expect(ref reader, global::System.Text.Json.JsonTokenType.StartObject);
        var map = new global::System.Collections.Generic.Dictionary<string, T>(global::System.StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            map[key] = item(ref reader, options);
        }

        return map;
    }

    /// <summary>Writes a JSON array, each item written by <paramref name="item"/>.</summary>
    public static void WriteList<T>(global::System.Text.Json.Utf8JsonWriter writer, global::System.Collections.Generic.IReadOnlyList<T> values, global::System.Text.Json.JsonSerializerOptions options, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T, global::System.Text.Json.JsonSerializerOptions> item)
    {
        writer.WriteStartArray();
        for (var i = 0; i < values.Count; i++)
        {
            item(writer, values[i], options);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a JSON object whose names are data, each value written by <paramref name="item"/>.</summary>
    public static void WriteMap<T>(global::System.Text.Json.Utf8JsonWriter writer, global::System.Collections.Generic.IReadOnlyDictionary<string, T> values, global::System.Text.Json.JsonSerializerOptions options, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T, global::System.Text.Json.JsonSerializerOptions> item)
    {
        writer.WriteStartObject();
        foreach (var pair in values)
        {
            writer.WritePropertyName(pair.Key);
            item(writer, pair.Value, options);
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes a double; NaN and the infinities, which JSON has no number for, are written as the names .NET gives them
    /// ("NaN", "Infinity", "-Infinity"), so the value is not lost and the contract's rules (a number) reject it.
    /// </summary>
    public static void WriteNumber(global::System.Text.Json.Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    /// <summary>Bytes written as a base64 string (<c>format: byte</c>).</summary>
    public static byte[] ReadBytes(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        Expect(ref reader, global::System.Text.Json.JsonTokenType.String);
        if (!reader.TryGetBytesFromBase64(out var bytes))
        {
            throw new global::System.Text.Json.JsonException("Expected base64 text.");
        }

        return bytes;
    }

    /// <summary>A reader positioned on the first token of <paramref name="element"/>, for reading a value already looked at.</summary>
    public static global::System.Text.Json.Utf8JsonReader ReaderOver(global::System.Text.Json.JsonElement element)
    {
        var reader = new global::System.Text.Json.Utf8JsonReader(global::System.Text.Encoding.UTF8.GetBytes(element.GetRawText()));
        reader.Read();
        return reader;
    }

    /// <summary>A union's <c>TryGet{Case}</c>: the value when the union holds that case.</summary>
    public static bool TryGetCase<T>(object value, bool holds, [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T result)
    {
        result = holds ? (T)value : default!;
        return holds;
    }

    /// <summary>A union's <c>As{Case}()</c>: the value when the union holds that case, else an exception naming both.</summary>
    public static T AsCase<T>(object value, bool holds, string union, string @case) =>
        holds ? (T)value : throw new global::System.InvalidOperationException("This " + union + " does not hold the " + @case + " case.");

    /// <summary>A value already looked at (a union's case), read again by the case's converter.</summary>
    public static T ReadElement<T>(global::System.Text.Json.JsonElement element, global::System.Text.Json.Serialization.JsonConverter<T> converter, global::System.Text.Json.JsonSerializerOptions options)
    {
        var reader = ReaderOver(element);
        return converter.Read(ref reader, typeof(T), options)!;
    }

    /// <summary>A value already looked at (a union's case of a list, map or simple type), read again by <paramref name="read"/>.</summary>
    public static T ReadElement<T>(global::System.Text.Json.JsonElement element, global::System.Text.Json.JsonSerializerOptions options, ReadValue<T> read)
    {
        var reader = ReaderOver(element);
        return read(ref reader, options);
    }

    /// <summary>
    /// A JSON context's metadata for <typeparamref name="T"/>: the options' (which resolve it once, through the context),
    /// kept in the context's slot for the type so that the next read is an array read, not a look-up.
    /// </summary>
    public static global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> TypeInfo<T>(global::System.Text.Json.JsonSerializerOptions options, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo?[] slots, int slot) =>
        (global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)(slots[slot] ??= options.GetTypeInfo(typeof(T)));

    /// <summary>The metadata a JSON context gives a generated type: the type's own converter, nothing by reflection.</summary>
    public static global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> ValueInfo<T>(global::System.Text.Json.JsonSerializerOptions options, global::System.Text.Json.Serialization.JsonConverter<T> converter) =>
        global::System.Text.Json.Serialization.Metadata.JsonMetadataServices.CreateValueInfo<T>(options, converter);

    private static string Text(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        var text = global::System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? global::System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray());
        return text.Length <= 40 ? text : text.Substring(0, 40) + "…";
    }

    public static double ReadDouble(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        Expect(ref reader, global::System.Text.Json.JsonTokenType.Number);
        if (!reader.TryGetDouble(out var value))
        {
            throw new global::System.Text.Json.JsonException("The number does not fit in double.");
        }

        return value;
    }

    public static bool ReadBoolean(ref global::System.Text.Json.Utf8JsonReader reader)
    {
        if (reader.TokenType is not (global::System.Text.Json.JsonTokenType.True or global::System.Text.Json.JsonTokenType.False))
        {
            throw new global::System.Text.Json.JsonException("Expected true or false but found " + Describe(reader.TokenType) + ".");
        }

        return reader.TokenType == global::System.Text.Json.JsonTokenType.True;
    }

    public static global::System.Text.Json.JsonException MissingProperty(string property, string type)
    {
        return new global::System.Text.Json.JsonException("The required property '" + property + "' of " + type + " is missing.");
    }

    public static global::System.Text.Json.JsonException UnexpectedToken(ref global::System.Text.Json.Utf8JsonReader reader, string expected)
    {
        return new global::System.Text.Json.JsonException("Expected " + expected + " but found " + Describe(reader.TokenType) + ".");
    }

    /// <summary>Whether an array's first item (or an empty array) fits a case; the reader is a copy, so nothing is consumed.</summary>
    public static bool FirstItemIs(global::System.Text.Json.Utf8JsonReader reader, params global::System.Text.Json.JsonTokenType[] tokens)
    {
        if (!reader.Read())
        {
            return false;
        }

        return reader.TokenType == global::System.Text.Json.JsonTokenType.EndArray || global::System.Array.IndexOf(tokens, reader.TokenType) >= 0;
    }

    /// <summary>Equality of union values: lists are equal item by item, anything else by <see cref="object.Equals(object, object)"/>.</summary>
    public static bool DeepEquals(object? left, object? right)
    {
        if (left is global::System.Collections.IEnumerable first && right is global::System.Collections.IEnumerable second && left is not string && right is not string)
        {
            var a = first.GetEnumerator();
            var b = second.GetEnumerator();
            while (true)
            {
                var hasA = a.MoveNext();
                var hasB = b.MoveNext();
                if (hasA != hasB)
                {
                    return false;
                }

                if (!hasA)
                {
                    return true;
                }

                if (!DeepEquals(a.Current, b.Current))
                {
                    return false;
                }
            }
        }

        return object.Equals(left, right);
    }

    /// <summary>A hash code that agrees with <see cref="DeepEquals"/>.</summary>
    public static int DeepHashCode(object? value)
    {
        if (value is global::System.Collections.IEnumerable items && value is not string)
        {
            var hash = 17;
            foreach (var item in items)
            {
                hash = unchecked((hash * 31) + DeepHashCode(item));
            }

            return hash;
        }

        return value?.GetHashCode() ?? 0;
    }

    /// <summary>The JSON text of a value, written by its generated converter (no reflection).</summary>
    public static string ToJson<T>(T value, global::System.Text.Json.Serialization.JsonConverter<T> converter)
    {
        var buffer = new global::System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new global::System.Text.Json.Utf8JsonWriter(buffer))
        {
            converter.Write(writer, value, PlainOptions);
        }

        return global::System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Describe(global::System.Text.Json.JsonTokenType token) => token switch
    {
        global::System.Text.Json.JsonTokenType.StartObject => "an object",
        global::System.Text.Json.JsonTokenType.StartArray => "an array",
        global::System.Text.Json.JsonTokenType.String => "a string",
        global::System.Text.Json.JsonTokenType.Number => "a number",
        global::System.Text.Json.JsonTokenType.True or global::System.Text.Json.JsonTokenType.False => "a boolean",
        global::System.Text.Json.JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
