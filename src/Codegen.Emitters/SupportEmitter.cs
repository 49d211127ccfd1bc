using Codegen.Contracts.Model;

namespace Codegen.Emitters;

/// <summary>
/// Emits the contract-wide types every other file uses: the violation record, the validation
/// exception and the internal JSON helpers. Named after the contract's prefix so that two contracts
/// in one namespace do not collide.
/// </summary>
internal static class SupportEmitter
{
    public static void EmitViolation(SourceWriter w, ContractSpec contract)
    {
        var name = contract.Prefix + "ContractViolation";
        w.Summary("One way in which a value breaks the contract.");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Open($"public sealed record {name}(string Path, string Rule, string? Value)");
        w.Summary("The violation in words, e.g. <c>$.temperature must be between 0 and 2; 3 is not valid</c>.", escape: false);
        w.Line("public override string ToString() => Value is null ? Path + \" \" + Rule : Path + \" \" + Rule + \"; \" + Value + \" is not valid\";");
        w.Close();
        w.Line();

        var exception = contract.Prefix + "ValidationException";
        w.Summary("Thrown when a value breaks the contract; lists every violation.");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Open($"public sealed class {exception} : global::System.ArgumentException");
        w.Summary("Creates the exception from the violations found.");
        w.Line($"public {exception}(global::System.Collections.Generic.IReadOnlyList<{name}> violations)");
        w.Line("    : base(\"The value breaks the contract: \" + string.Join(\"; \", violations))");
        w.Open(string.Empty);
        w.Line("Violations = violations;");
        w.Close();
        w.Line();
        w.Summary("Every violation found.");
        w.Line($"public global::System.Collections.Generic.IReadOnlyList<{name}> Violations {{ get; }}");
        w.Close();
    }

    public static void EmitJsonHelpers(SourceWriter w, ContractSpec contract)
    {
        const string TokenType = "global::System.Text.Json.JsonTokenType";
        w.Summary("Helpers shared by the generated JSON converters and validators.");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Open($"internal static class {contract.Prefix}JsonConverters");
        w.Line("private const int MaxExcerpt = 64;");
        w.Line("private static readonly global::System.Text.Json.JsonSerializerOptions PlainOptions = new global::System.Text.Json.JsonSerializerOptions();");
        w.Line();
        w.Open("public static void Expect(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Text.Json.JsonTokenType expected)");
        w.Open("if (reader.TokenType != expected)");
        w.Line("throw new global::System.Text.Json.JsonException(\"Expected \" + Describe(expected) + \" but found \" + Describe(reader.TokenType) + \".\");");
        w.Close();
        w.Close();
        w.Line();
        w.Open("public static string ReadString(ref global::System.Text.Json.Utf8JsonReader reader)");
        w.Line($"Expect(ref reader, {TokenType}.String);");
        w.Line("return reader.GetString()!;");
        w.Close();
        w.Line();
        foreach (var (method, type, getter) in new[] { ("ReadInt32", "int", "GetInt32"), ("ReadInt64", "long", "GetInt64"), ("ReadDouble", "double", "GetDouble") })
        {
            w.Open($"public static {type} {method}(ref global::System.Text.Json.Utf8JsonReader reader)");
            w.Line($"Expect(ref reader, {TokenType}.Number);");
            w.Open($"if (!reader.TryGet{getter.Substring(3)}(out var value))");
            w.Line($"throw new global::System.Text.Json.JsonException(\"The number does not fit in {type}.\");");
            w.Close();
            w.Line("return value;");
            w.Close();
            w.Line();
        }

        w.Open("public static bool ReadBoolean(ref global::System.Text.Json.Utf8JsonReader reader)");
        w.Open($"if (reader.TokenType is not ({TokenType}.True or {TokenType}.False))");
        w.Line("throw new global::System.Text.Json.JsonException(\"Expected true or false but found \" + Describe(reader.TokenType) + \".\");");
        w.Close();
        w.Line($"return reader.TokenType == {TokenType}.True;");
        w.Close();
        w.Line();
        w.Open("public static global::System.Text.Json.JsonException MissingProperty(string property, string type)");
        w.Line("return new global::System.Text.Json.JsonException(\"The required property '\" + property + \"' of \" + type + \" is missing.\");");
        w.Close();
        w.Line();
        w.Open("public static global::System.Text.Json.JsonException UnexpectedToken(ref global::System.Text.Json.Utf8JsonReader reader, string expected)");
        w.Line("return new global::System.Text.Json.JsonException(\"Expected \" + expected + \" but found \" + Describe(reader.TokenType) + \".\");");
        w.Close();
        w.Line();
        w.Summary("Whether an array's first item (or an empty array) fits a case; the reader is a copy, so nothing is consumed.");
        w.Open("public static bool FirstItemIs(global::System.Text.Json.Utf8JsonReader reader, params global::System.Text.Json.JsonTokenType[] tokens)");
        w.Open("if (!reader.Read())");
        w.Line("return false;");
        w.Close();
        w.Line($"return reader.TokenType == {TokenType}.EndArray || global::System.Array.IndexOf(tokens, reader.TokenType) >= 0;");
        w.Close();
        w.Line();
        w.Open("private static string Describe(global::System.Text.Json.JsonTokenType token) => token switch");
        w.Line($"{TokenType}.StartObject => \"an object\",");
        w.Line($"{TokenType}.StartArray => \"an array\",");
        w.Line($"{TokenType}.String => \"a string\",");
        w.Line($"{TokenType}.Number => \"a number\",");
        w.Line($"{TokenType}.True or {TokenType}.False => \"a boolean\",");
        w.Line($"{TokenType}.Null => \"null\",");
        w.Line("_ => token.ToString(),");
        w.Close(";");
        w.Line();
        w.Summary("Length in Unicode code points, as JSON Schema counts string length.");
        w.Open("public static int CodePointLength(string value)");
        w.Line("var length = value.Length;");
        w.Open("foreach (var c in value)");
        w.Open("if (char.IsLowSurrogate(c))");
        w.Line("length--;");
        w.Close();
        w.Close();
        w.Line("return length;");
        w.Close();
        w.Line();
        w.Line("private static readonly global::System.Collections.Concurrent.ConcurrentDictionary<string, global::System.Text.RegularExpressions.Regex> Patterns = new global::System.Collections.Concurrent.ConcurrentDictionary<string, global::System.Text.RegularExpressions.Regex>(global::System.StringComparer.Ordinal);");
        w.Line();
        w.Open("public static bool IsMatch(string value, string pattern)");
        w.Line("var regex = Patterns.GetOrAdd(pattern, p => new global::System.Text.RegularExpressions.Regex(p, global::System.Text.RegularExpressions.RegexOptions.CultureInvariant, global::System.TimeSpan.FromSeconds(1)));");
        w.Line("return regex.IsMatch(value);");
        w.Close();
        w.Line();
        w.Summary("A value for a message, cut short so that a huge value cannot flood a log.");
        w.Open("public static string Excerpt(string value)");
        w.Line("return value.Length <= MaxExcerpt ? value : value.Substring(0, MaxExcerpt) + \"…\";");
        w.Close();
        w.Line();
        w.Open("public static bool DeepEquals(object? left, object? right)");
        w.Open("if (left is global::System.Collections.IEnumerable first && right is global::System.Collections.IEnumerable second && left is not string && right is not string)");
        w.Line("var a = first.GetEnumerator();");
        w.Line("var b = second.GetEnumerator();");
        w.Open("while (true)");
        w.Line("var hasA = a.MoveNext();");
        w.Line("var hasB = b.MoveNext();");
        w.Open("if (hasA != hasB)");
        w.Line("return false;");
        w.Close();
        w.Open("if (!hasA)");
        w.Line("return true;");
        w.Close();
        w.Open("if (!DeepEquals(a.Current, b.Current))");
        w.Line("return false;");
        w.Close();
        w.Close();
        w.Close();
        w.Line("return object.Equals(left, right);");
        w.Close();
        w.Line();
        w.Open("public static int DeepHashCode(object? value)");
        w.Open("if (value is global::System.Collections.IEnumerable items && value is not string)");
        w.Line("var hash = 17;");
        w.Open("foreach (var item in items)");
        w.Line("hash = unchecked((hash * 31) + DeepHashCode(item));");
        w.Close();
        w.Line("return hash;");
        w.Close();
        w.Line("return value?.GetHashCode() ?? 0;");
        w.Close();
        w.Line();
        w.Open("public static string ToJson<T>(T value, global::System.Text.Json.Serialization.JsonConverter<T> converter)");
        w.Line("var buffer = new global::System.Buffers.ArrayBufferWriter<byte>();");
        w.Open("using (var writer = new global::System.Text.Json.Utf8JsonWriter(buffer))");
        w.Line("converter.Write(writer, value, PlainOptions);");
        w.Close();
        w.Line("return global::System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);");
        w.Close();
        w.Close();
    }
}
