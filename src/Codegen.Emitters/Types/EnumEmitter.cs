using System.Linq;
using Codegen.Contracts.Model;

using Codegen.Emitters.Json;

namespace Codegen.Emitters.Types;

/// <summary>
/// Emits a string enum as an extensible readonly struct: the known values are static members, and a
/// value a newer server sends is kept as it is instead of failing the whole response.
/// </summary>
internal sealed class EnumEmitter
{
    private readonly EmitContext _context;
    private readonly JsonCode _json;

    public EnumEmitter(EmitContext context)
    {
        _context = context;
        _json = new JsonCode(context);
    }

    public void Emit(SourceWriter w, EnumTypeSpec type)
    {
        var self = _context.Global(type.Name);
        var note = type.IsOpen ? "The contract allows values beyond the known ones." : "The contract allows only the known values; any other value read from JSON is kept, and <c>Validate()</c> reports it.";
        w.Summary((type.Description is null ? string.Empty : CSharp.XmlEscape(type.Description) + "\n") + note, escape: false);
        w.Line($"{CSharp.GeneratedCodeAttribute.TrimEnd(']')}, global::System.Text.Json.Serialization.JsonConverter(typeof({self}.JsonConverter))]");
        w.Open($"public readonly partial struct {type.Name} : global::System.IEquatable<{self}>");
        w.Line("private readonly string? _value;");
        w.Summary("Creates a value; any string is accepted, known or not.");
        w.Line($"public {type.Name}(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        foreach (var member in type.Members)
        {
            w.Line($"public static {self} {member.Name} {{ get; }} = new {self}({CSharp.StringLiteral(member.Value)});");
        }

        w.Summary("The values the contract names.");
        w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{self}> KnownValues {{ get; }} = new {self}[] {{ {string.Join(", ", type.Members.Select(m => m.Name))} }};");
        w.Summary("The value as it is sent on the wire.");
        w.Line("public string Value => _value ?? string.Empty;");
        w.Summary("False for the default value, which is what a JSON null reads as (servers send null where contracts forbid it; see docs/leniency.md).");
        w.Line("public bool HasValue => _value is not null;");
        w.Summary("Whether the value is one the contract names.");
        w.Line(type.Members.Count == 0
            ? "public bool IsKnown => false;"
            : $"public bool IsKnown => Value is {string.Join(" or ", type.Members.Select(m => CSharp.StringLiteral(m.Value)))};");
        w.Line($"public static implicit operator {self}(string value) => new {self}(value);");
        w.Line($"public static bool operator ==({self} left, {self} right) => left.Equals(right);");
        w.Line($"public static bool operator !=({self} left, {self} right) => !left.Equals(right);");
        w.Line($"public bool Equals({self} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        w.Line($"public override bool Equals(object? obj) => obj is {self} other && Equals(other);");
        w.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
        w.Line("public override string ToString() => Value;");
        w.Line();
        w.Summary($"Reads and writes <see cref=\"{type.Name}\"/> as a JSON string; a JSON null reads as the default value.", escape: false);
        w.Open($"public sealed class JsonConverter : global::System.Text.Json.Serialization.JsonConverter<{self}>");
        w.Line("public static readonly JsonConverter Instance = new JsonConverter();");
        w.Line("public override bool HandleNull => true;");
        w.Line($"public override {self} Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) =>");
        w.Line($"    reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? default : new {self}({_json.Helpers}.ReadString(ref reader));");
        w.Line($"public override void Write(global::System.Text.Json.Utf8JsonWriter writer, {self} value, global::System.Text.Json.JsonSerializerOptions options) {{ if (value._value is null) {{ writer.WriteNullValue(); }} else {{ writer.WriteStringValue(value._value); }} }}");
        w.Close();
        w.Close();
    }
}
