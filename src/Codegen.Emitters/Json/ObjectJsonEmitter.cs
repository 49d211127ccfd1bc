using System.Collections.Generic;
using System.Linq;
using Codegen.Contracts.Model;
using Codegen.Emitters.Types;

namespace Codegen.Emitters.Json;

/// <summary>
/// Emits the <c>JsonConverter</c> nested in an object's record: a reader over <c>Utf8JsonReader</c> that keeps
/// unknown properties (and a null where the contract forbids one, to write it back), and a writer over
/// <c>Utf8JsonWriter</c> that leaves unset optional properties out. One line per property each way; no reflection,
/// so native AOT and trimming work.
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
        w.Open($"public sealed class JsonConverter : global::System.Text.Json.Serialization.JsonConverter<{typeName}>");
        w.Line("public static readonly JsonConverter Instance = new JsonConverter();");

        EmitRead(w, type, typeName);
        EmitWrite(w, type, typeName);
        w.Close();
    }

    private void EmitRead(SourceWriter w, ObjectTypeSpec type, string typeName)
    {
        var values = new List<string>();
        var seen = new List<string>();
        w.Open($"public override {typeName} Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)");
        w.Line($"{_json.Helpers}.Expect(ref reader, {TokenType}.StartObject);");
        foreach (var property in type.Properties)
        {
            var value = _json.Local("value");
            var seenName = _json.Local("seen");
            values.Add(value);
            seen.Add(seenName);
            var line = $"{LocalType(property)} {value} = default;";
            if (NeedsSeen(property))
            {
                line += $" var {seenName} = false;";
            }


            w.Line(line);
        }

        var bits = ObjectEmitter.NullBits(type);
        var nullFields = ObjectEmitter.NullFields(type).ToList();
        if (nullFields.Count > 0)
        {
            w.Line($"ulong {string.Join(", ", nullFields.Select(f => f.TrimStart('_') + " = 0"))};");
        }

        w.Line("global::System.Collections.Generic.Dictionary<string, global::System.Text.Json.JsonElement>? additional = null;");
        w.Open($"while (reader.Read() && reader.TokenType != {TokenType}.EndObject)");
        for (var i = 0; i < type.Properties.Count; i++)
        {
            var property = type.Properties[i];
            var match = CSharp.Utf8Literal(property.JsonName) ?? CSharp.StringLiteral(property.JsonName);
            var read = ObjectEmitter.RemembersNull(property)
                ? $"if ({_json.Helpers}.NonNull(ref reader, ref {bits[property.JsonName].Field.TrimStart('_')}, {bits[property.JsonName].Mask})) {{ {values[i]} = {_json.Read(property.Type, false)}; }}"
                : $"reader.Read(); {values[i]} = {_json.Read(property.Type, property.IsNullable)};";
            var mark = NeedsSeen(property) ? $" {seen[i]} = true;" : string.Empty;
            w.Line($"{(i == 0 ? "if" : "else if")} (reader.ValueTextEquals({match})) {{ {read}{mark} }}");
        }

        w.Line((type.Properties.Count == 0 ? string.Empty : "else ") + $"{{ {_json.Helpers}.ReadAdditional(ref reader, ref additional); }}");
        w.Close();

        var missing = new List<(string Seen, string Name)>();
        for (var i = 0; i < type.Properties.Count; i++)
        {
            if (IsRequiredOnRead(type.Properties[i]))
            {
                missing.Add((seen[i], CSharp.StringLiteral(type.Properties[i].JsonName)));
            }
        }

        if (missing.Count > 0)
        {
            // One check for all required properties; the message names the first one missing.
            var condition = string.Join(" || ", missing.ConvertAll(m => "!" + m.Seen));
            var name = missing[missing.Count - 1].Name;
            for (var i = missing.Count - 2; i >= 0; i--)
            {
                name = $"!{missing[i].Seen} ? {missing[i].Name} : {name}";
            }

            w.Line($"if ({condition}) {{ throw {_json.Helpers}.MissingProperty({name}, {CSharp.StringLiteral(type.Name)}); }}");
        }

        w.Line($"var result = new {typeName}");
        w.Line("{");
        w.Indent();
        for (var i = 0; i < type.Properties.Count; i++)
        {
            var property = type.Properties[i];
            if (!ObjectEmitter.TracksPresence(property))
            {
                var bang = ObjectEmitter.IsRequiredInCSharp(property) && !property.IsNullable && !property.Type.IsValueType ? "!" : string.Empty;
                w.Line($"{property.Name} = {values[i]}{bang},");
            }
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
                w.Line($"if ({seen[i]}) {{ result.{field} = {values[i]}; result.{field}IsSet = true; }}");
            }

        }

        if (nullFields.Count > 0)
        {
            w.Line(string.Join(" ", nullFields.Select(f => $"result.{f} = {f.TrimStart('_')};")));
        }

        w.Line("return result;");
        w.Close();
    }

    private void EmitWrite(SourceWriter w, ObjectTypeSpec type, string typeName)
    {
        w.Open($"public override void Write(global::System.Text.Json.Utf8JsonWriter writer, {typeName} value, global::System.Text.Json.JsonSerializerOptions options)");
        w.Line("writer.WriteStartObject();");
        for (var i = 0; i < type.Properties.Count; i++)
        {
            var property = type.Properties[i];
            var name = CSharp.Utf8Literal(property.JsonName) ?? CSharp.StringLiteral(property.JsonName);
            if (ObjectEmitter.IsRequiredInCSharp(property))
            {
                w.Line(_json.WriteProperty(property.Type, ObjectEmitter.IsNullableInCSharp(property) || !property.Type.IsValueType, name, $"value.{property.Name}"));
                continue;
            }

            if (ObjectEmitter.TracksPresence(property))
            {
                var access = $"value.{ObjectEmitter.Field(property)}";
                w.Line($"if ({access}IsSet || {access} is not null) {{ {_json.WriteProperty(property.Type, true, name, access)} }}");
                continue;
            }

            var local = _json.Local("property");
            var write = $"if (value.{property.Name} is {{ }} {local}) {{ {_json.WriteProperty(property.Type, false, name, local)} }}";
            if (ObjectEmitter.RemembersNull(property))
            {
                var bit = ObjectEmitter.NullBits(type)[property.JsonName];
                write += $" else if ((value.{bit.Field} & {bit.Mask}) != 0) {{ writer.WriteNull({name}); }}";
            }

            w.Line(write);
        }

        w.Line($"{_json.Helpers}.WriteAdditional(writer, value.AdditionalProperties);");
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
