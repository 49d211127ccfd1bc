using System.Globalization;
using Codegen.Contracts.Model;

namespace Codegen.Emitters.Json;

/// <summary>
/// Writes the statements that read and write one JSON value of a <see cref="TypeRef"/> with
/// <c>Utf8JsonReader</c>/<c>Utf8JsonWriter</c>. The reader is on the value's first token before a
/// read and on its last token after it, the contract every System.Text.Json converter follows.
/// One instance serves one converter: the locals it declares are numbered within it, so they never clash.
/// </summary>
internal sealed class JsonCode
{
    private const string TokenType = "global::System.Text.Json.JsonTokenType";

    private readonly EmitContext _context;
    private readonly string _namespace;
    private readonly string _helpers;
    private int _locals;

    public JsonCode(EmitContext context)
    {
        _context = context;
        _namespace = context.Namespace;
        _helpers = context.Global(context.Names.JsonHelpers);
    }

    public string Helpers => _helpers;

    public string TypeName(TypeRef type) => _context.TypeName(type);

    /// <summary>A suffix for locals that no other local in the same method has, however deeply the code nests.</summary>
    private string NextLocal() => (_locals++).ToString(CultureInfo.InvariantCulture);

    /// <summary>The converter of a generated type: every generated type nests its own.</summary>
    public string ConverterOf(TypeRef type) => $"global::{_namespace}.{type.Name}.JsonConverter.Instance";

    /// <summary>Emits statements that assign the value at the reader to <paramref name="target"/>.</summary>
    public void Read(SourceWriter w, TypeRef type, bool nullable, string target)
    {
        if (nullable)
        {
            w.Open($"if (reader.TokenType == {TokenType}.Null)");
            w.Line($"{target} = null;");
            w.Close();
            w.Open("else");
            ReadValue(w, type, target);
            w.Close();
            return;
        }

        ReadValue(w, type, target);
    }

    private void ReadValue(SourceWriter w, TypeRef type, string target)
    {
        var d = NextLocal();
        switch (type.Kind)
        {
            case TypeRefKind.String:
                w.Line($"{target} = {_helpers}.ReadString(ref reader);");
                break;
            case TypeRefKind.Int32:
                w.Line($"{target} = {_helpers}.ReadInt32(ref reader);");
                break;
            case TypeRefKind.Int64:
                w.Line($"{target} = {_helpers}.ReadInt64(ref reader);");
                break;
            case TypeRefKind.Number:
                w.Line($"{target} = {_helpers}.ReadDouble(ref reader);");
                break;
            case TypeRefKind.Boolean:
                w.Line($"{target} = {_helpers}.ReadBoolean(ref reader);");
                break;
            case TypeRefKind.Any:
                w.Line($"{target} = global::System.Text.Json.JsonElement.ParseValue(ref reader);");
                break;
            case TypeRefKind.Bytes:
                w.Line($"{target} = {_helpers}.ReadBytes(ref reader);");
                break;
            case TypeRefKind.Array:
            {
                var itemType = _context.ItemTypeName(type);
                w.Line($"{_helpers}.Expect(ref reader, {TokenType}.StartArray);");
                w.Line($"var list{d} = new global::System.Collections.Generic.List<{itemType}>();");
                w.Open($"while (reader.Read() && reader.TokenType != {TokenType}.EndArray)");
                w.Line($"{itemType} item{d};");
                Read(w, type.Item!, type.ItemIsNullable, $"item{d}");
                w.Line($"list{d}.Add(item{d});");
                w.Close();
                w.Line($"{target} = list{d}.ToArray();");
                break;
            }

            case TypeRefKind.Map:
            {
                var valueType = _context.ItemTypeName(type);
                w.Line($"{_helpers}.Expect(ref reader, {TokenType}.StartObject);");
                w.Line($"var map{d} = new global::System.Collections.Generic.Dictionary<string, {valueType}>(global::System.StringComparer.Ordinal);");
                w.Open($"while (reader.Read() && reader.TokenType != {TokenType}.EndObject)");
                w.Line($"var key{d} = reader.GetString()!;");
                w.Line("reader.Read();");
                w.Line($"{valueType} value{d};");
                Read(w, type.Item!, type.ItemIsNullable, $"value{d}");
                w.Line($"map{d}[key{d}] = value{d};");
                w.Close();
                w.Line($"{target} = map{d};");
                break;
            }

            default:
                w.Line($"{target} = {ConverterOf(type)}.Read(ref reader, typeof({TypeName(type)}), options);");
                break;
        }
    }

    /// <summary>Emits statements that write <paramref name="expression"/> as one JSON value.</summary>
    public void Write(SourceWriter w, TypeRef type, bool nullable, string expression)
    {
        var d = NextLocal();
        if (nullable)
        {
            w.Open($"if ({expression} is {{ }} nonNull{d})");
            WriteValue(w, type, $"nonNull{d}");
            w.Close();
            w.Open("else");
            w.Line("writer.WriteNullValue();");
            w.Close();
            return;
        }

        WriteValue(w, type, expression);
    }

    private void WriteValue(SourceWriter w, TypeRef type, string value)
    {
        var d = NextLocal();
        switch (type.Kind)
        {
            case TypeRefKind.String:
                w.Line($"writer.WriteStringValue({value});");
                break;
            case TypeRefKind.Int32:
            case TypeRefKind.Int64:
            case TypeRefKind.Number:
                w.Line($"writer.WriteNumberValue({value});");
                break;
            case TypeRefKind.Boolean:
                w.Line($"writer.WriteBooleanValue({value});");
                break;
            case TypeRefKind.Any:
                w.Line($"{value}.WriteTo(writer);");
                break;
            case TypeRefKind.Bytes:
                w.Line($"writer.WriteBase64StringValue({value});");
                break;
            case TypeRefKind.Array:
                w.Line("writer.WriteStartArray();");
                w.Open($"foreach (var item{d} in {value})");
                Write(w, type.Item!, type.ItemIsNullable, $"item{d}");
                w.Close();
                w.Line("writer.WriteEndArray();");
                break;
            case TypeRefKind.Map:
                w.Line("writer.WriteStartObject();");
                w.Open($"foreach (var pair{d} in {value})");
                w.Line($"writer.WritePropertyName(pair{d}.Key);");
                Write(w, type.Item!, type.ItemIsNullable, $"pair{d}.Value");
                w.Close();
                w.Line("writer.WriteEndObject();");
                break;
            default:
                w.Line($"{ConverterOf(type)}.Write(writer, {value}, options);");
                break;
        }
    }
}
