using Codegen.Contracts.Model;
using Codegen.Emitters.Types;

namespace Codegen.Emitters.Json;

/// <summary>
/// Emits the <c>JsonConverter</c> nested in an object's record: a reader over <c>Utf8JsonReader</c> that keeps
/// unknown properties (and a null where the contract forbids one, to write it back), and a writer over
/// <c>Utf8JsonWriter</c> that leaves unset optional properties out. No reflection: native AOT and trimming work.
/// </summary>
internal sealed class ObjectJsonEmitter
{
    private const string TokenType = "global::System.Text.Json.JsonTokenType";

    private readonly EmitContext _context;
    private readonly JsonCode _json;

    public ObjectJsonEmitter(EmitContext context)
    {
        _context = context;
        _json = new JsonCode(context);
    }

    public void Emit(SourceWriter w, ObjectTypeSpec type)
    {
        var typeName = _context.Global(type.Name);
        w.Line();
        w.Summary($"Reads and writes <see cref=\"{type.Name}\"/> as JSON without reflection.", escape: false);
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Open($"public sealed class JsonConverter : global::System.Text.Json.Serialization.JsonConverter<{typeName}>");
        w.Summary("The shared instance; the converter holds no state.");
        w.Line("public static readonly JsonConverter Instance = new JsonConverter();");
        w.Line();
        for (var i = 0; i < type.Properties.Count; i++)
        {
            w.Line($"private static readonly global::System.Text.Json.JsonEncodedText Name{i} = global::System.Text.Json.JsonEncodedText.Encode({CSharp.StringLiteral(type.Properties[i].JsonName)});");
        }

        w.Line();
        EmitRead(w, type, typeName);
        w.Line();
        EmitWrite(w, type, typeName);
        w.Close();
    }

    private void EmitRead(SourceWriter w, ObjectTypeSpec type, string typeName)
    {
        w.Line("/// <inheritdoc/>");
        w.Open($"public override {typeName} Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)");
        w.Line($"{_json.Helpers}.Expect(ref reader, {TokenType}.StartObject);");
        for (var i = 0; i < type.Properties.Count; i++)
        {
            var property = type.Properties[i];
            w.Line($"{LocalType(property)} value{i} = default;");
            if (NeedsSeen(property))
            {
                w.Line($"var seen{i} = false;");
            }

            if (ObjectEmitter.RemembersNull(property))
            {
                w.Line($"var null{i} = false;");
            }
        }

        w.Line("global::System.Collections.Generic.Dictionary<string, global::System.Text.Json.JsonElement>? additional = null;");
        w.Open($"while (reader.Read() && reader.TokenType != {TokenType}.EndObject)");
        for (var i = 0; i < type.Properties.Count; i++)
        {
            var property = type.Properties[i];
            var match = CSharp.Utf8Literal(property.JsonName) ?? CSharp.StringLiteral(property.JsonName);
            w.Open($"{(i == 0 ? "if" : "else if")} (reader.ValueTextEquals({match}))");
            w.Line("reader.Read();");
            if (ObjectEmitter.RemembersNull(property))
            {
                w.Open($"if (reader.TokenType == {TokenType}.Null)");
                w.Line($"null{i} = true;");
                w.Close();
                w.Open("else");
                _json.Read(w, property.Type, false, $"value{i}");
                w.Close();
            }
            else
            {
                _json.Read(w, property.Type, property.IsNullable, $"value{i}");
            }

            if (NeedsSeen(property))
            {
                w.Line($"seen{i} = true;");
            }

            w.Close();
        }

        w.Open(type.Properties.Count == 0 ? string.Empty : "else");
        w.Line("var name = reader.GetString()!;");
        w.Line("reader.Read();");
        w.Line("(additional ??= new global::System.Collections.Generic.Dictionary<string, global::System.Text.Json.JsonElement>(global::System.StringComparer.Ordinal))[name] = global::System.Text.Json.JsonElement.ParseValue(ref reader);");
        w.Close();
        w.Close();

        for (var i = 0; i < type.Properties.Count; i++)
        {
            var property = type.Properties[i];
            if (!IsRequiredOnRead(property))
            {
                continue;
            }

            w.Open($"if (!seen{i})");
            w.Line($"throw {_json.Helpers}.MissingProperty({CSharp.StringLiteral(property.JsonName)}, {CSharp.StringLiteral(type.Name)});");
            w.Close();
        }

        w.Line($"var result = new {typeName}");
        w.Line("{");
        w.Indent();
        for (var i = 0; i < type.Properties.Count; i++)
        {
            var property = type.Properties[i];
            if (ObjectEmitter.TracksPresence(property))
            {
                continue;
            }

            var bang = ObjectEmitter.IsRequiredInCSharp(property) && !property.IsNullable && !property.Type.IsValueType ? "!" : string.Empty;
            w.Line($"{property.Name} = value{i}{bang},");
        }

        w.Line("AdditionalProperties = additional,");
        w.Outdent();
        w.Line("};");
        for (var i = 0; i < type.Properties.Count; i++)
        {
            var property = type.Properties[i];
            var field = ObjectEmitter.Field(property);
            if (ObjectEmitter.TracksPresence(property))
            {
                w.Open($"if (seen{i})");
                w.Line($"result.{field} = value{i};");
                w.Line($"result.{field}IsSet = true;");
                w.Close();
            }

            if (ObjectEmitter.RemembersNull(property))
            {
                w.Line($"result.{field}WasNull = null{i};");
            }
        }

        w.Line("return result;");
        w.Close();
    }

    private void EmitWrite(SourceWriter w, ObjectTypeSpec type, string typeName)
    {
        w.Line("/// <inheritdoc/>");
        w.Open($"public override void Write(global::System.Text.Json.Utf8JsonWriter writer, {typeName} value, global::System.Text.Json.JsonSerializerOptions options)");
        w.Line("writer.WriteStartObject();");
        for (var i = 0; i < type.Properties.Count; i++)
        {
            var property = type.Properties[i];
            var name = $"Name{i}";
            var access = ObjectEmitter.TracksPresence(property) ? $"value.{ObjectEmitter.Field(property)}" : $"value.{property.Name}";
            var local = $"property{i}";
            if (ObjectEmitter.IsRequiredInCSharp(property))
            {
                w.Line($"writer.WritePropertyName({name});");
                _json.Write(w, property.Type, ObjectEmitter.IsNullableInCSharp(property) || !property.Type.IsValueType, access);
                continue;
            }

            if (ObjectEmitter.TracksPresence(property))
            {
                w.Open($"if ({access}IsSet || {access} is not null)");
                w.Line($"writer.WritePropertyName({name});");
                _json.Write(w, property.Type, true, access);
                w.Close();
                continue;
            }

            w.Open($"if ({access} is {{ }} {local})");
            switch (property.Type.Kind)
            {
                case TypeRefKind.String:
                    w.Line($"writer.WriteString({name}, {local});");
                    break;
                case TypeRefKind.Int32:
                case TypeRefKind.Int64:
                case TypeRefKind.Number:
                    w.Line($"writer.WriteNumber({name}, {local});");
                    break;
                case TypeRefKind.Boolean:
                    w.Line($"writer.WriteBoolean({name}, {local});");
                    break;
                default:
                    w.Line($"writer.WritePropertyName({name});");
                    _json.Write(w, property.Type, false, local);
                    break;
            }

            w.Close();
            if (ObjectEmitter.RemembersNull(property))
            {
                w.Open($"else if (value.{ObjectEmitter.Field(property)}WasNull)");
                w.Line($"writer.WriteNull({name});");
                w.Close();
            }
        }

        w.Open("if (value.AdditionalProperties is { } additional)");
        w.Open("foreach (var pair in additional)");
        w.Line("writer.WritePropertyName(pair.Key);");
        w.Line("pair.Value.WriteTo(writer);");
        w.Close();
        w.Close();
        w.Line("writer.WriteEndObject();");
        w.Close();
    }

    /// <summary>The contract requires the property in what the server sends (a <c>writeOnly</c> one it never sends).</summary>
    private static bool IsRequiredOnRead(PropertySpec property) => property.IsRequired && !property.IsWriteOnly;

    /// <summary>Whether the reader must remember that a property was present: required ones are checked, tracked ones keep an explicit null.</summary>
    private static bool NeedsSeen(PropertySpec property) => IsRequiredOnRead(property) || ObjectEmitter.TracksPresence(property);

    /// <summary>Locals hold "not read yet" too, so they are nullable unless the value is a non-null value type that must be present.</summary>
    private string LocalType(PropertySpec property)
    {
        var type = _context.TypeName(property.Type);
        if (property.Type.IsValueType)
        {
            return ObjectEmitter.IsNullableInCSharp(property) ? type + "?" : type;
        }

        return type + "?";
    }
}
