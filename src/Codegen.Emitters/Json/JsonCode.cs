using System.Collections.Generic;
using System.Globalization;
using Codegen.Contracts.Model;

namespace Codegen.Emitters.Json;

/// <summary>
/// The C# that reads and writes one JSON value of a <see cref="TypeRef"/> with <c>Utf8JsonReader</c> and
/// <c>Utf8JsonWriter</c>, as single expressions and statements: collections go through the runtime's
/// <c>ReadList</c>/<c>WriteList</c> with a static lambda per item type, so that a property's JSON code is one line
/// however deeply its type nests. The reader is on the value's first token before a read and on its last token
/// after it, the contract every System.Text.Json converter follows.
/// One instance serves one converter class and is its one allocator of local names: every local and lambda
/// parameter it hands out is unique within that class, so generated methods never declare a name twice.
/// </summary>
internal sealed class JsonCode
{
    private const string TokenType = "global::System.Text.Json.JsonTokenType";
    private const string Reader = "global::System.Text.Json.Utf8JsonReader";
    private const string Writer = "global::System.Text.Json.Utf8JsonWriter";
    private const string Options = "global::System.Text.Json.JsonSerializerOptions";

    private readonly EmitContext _context;
    private readonly Dictionary<string, int> _locals = new(System.StringComparer.Ordinal);

    public JsonCode(EmitContext context)
    {
        _context = context;
        Helpers = context.Global(context.Names.JsonHelpers);
    }

    public string Helpers { get; }

    public string TypeName(TypeRef type) => _context.TypeName(type);

    /// <summary>A local name no other local of this converter has: <paramref name="stem"/> and a number.</summary>
    public string Local(string stem)
    {
        _locals.TryGetValue(stem, out var count);
        _locals[stem] = count + 1;
        return stem + count.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The converter of a generated type: every generated type nests its own.</summary>
    public string ConverterOf(TypeRef type) => $"{_context.Global(type.Name!)}.JsonConverter.Instance";

    /// <summary>An expression reading the value at <paramref name="reader"/>; with <paramref name="nullable"/>, a JSON null reads as null.</summary>
    public string Read(TypeRef type, bool nullable, string reader = "reader", string options = "options")
    {
        var value = ReadValue(type, reader, options);
        if (!nullable)
        {
            return value;
        }

        var none = type.IsValueType ? $"({TypeName(type)}?)null" : "null";
        return $"({reader}.TokenType == {TokenType}.Null ? {none} : {value})";
    }

    /// <summary>An expression reading a value already parsed into the local <c>element</c> (a union's case).</summary>
    public string ReadElement(TypeRef type)
    {
        if (ReadByConverter(type))
        {
            return $"{Helpers}.ReadElement(element, {ConverterOf(type)}, options)";
        }

        var r = Local("r");
        var o = Local("o");
        return $"{Helpers}.ReadElement(element, options, static {TypeName(type)} (ref {Reader} {r}, {Options} {o}) => {Read(type, false, r, o)})";
    }

    /// <summary>Whether values of <paramref name="type"/> are read by their type's nested converter (<see cref="ConverterOf"/>), as <see cref="ReadValue"/> reads them.</summary>
    private static bool ReadByConverter(TypeRef type) => type.Kind switch
    {
        TypeRefKind.String or TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Number or TypeRefKind.Boolean
            or TypeRefKind.Bytes or TypeRefKind.Any or TypeRefKind.Array or TypeRefKind.Map => false,
        _ => true,
    };

    private string ReadValue(TypeRef type, string reader, string options)
    {
        switch (type.Kind)
        {
            case TypeRefKind.String:
                return $"{Helpers}.ReadString(ref {reader})";
            case TypeRefKind.Int32:
                return $"{Helpers}.ReadInt32(ref {reader})";
            case TypeRefKind.Int64:
                return $"{Helpers}.ReadInt64(ref {reader})";
            case TypeRefKind.Number:
                return $"{Helpers}.ReadDouble(ref {reader})";
            case TypeRefKind.Boolean:
                return $"{Helpers}.ReadBoolean(ref {reader})";
            case TypeRefKind.Bytes:
                return $"{Helpers}.ReadBytes(ref {reader})";
            case TypeRefKind.Any:
                return $"global::System.Text.Json.JsonElement.ParseValue(ref {reader})";
            case TypeRefKind.Array:
            case TypeRefKind.Map:
            {
                var r = Local("r");
                var o = Local("o");
                var item = Read(type.Item!, type.ItemIsNullable, r, o);
                var method = type.Kind == TypeRefKind.Array ? "ReadList" : "ReadMap";

                // The lambda states its return type, so a map of lists is a map of IReadOnlyList<T>, not of T[].
                return $"{Helpers}.{method}(ref {reader}, {options}, static {_context.ItemTypeName(type)} (ref {Reader} {r}, {Options} {o}) => {item})";
            }

            default:
                return $"{ConverterOf(type)}.Read(ref {reader}, typeof({TypeName(type)}), {options})";
        }
    }

    /// <summary>A statement writing <paramref name="value"/>; with <paramref name="nullable"/>, null writes a JSON null.</summary>
    public string Write(TypeRef type, bool nullable, string value, string writer = "writer", string options = "options")
    {
        if (!nullable)
        {
            return WriteValue(type, value, writer, options);
        }

        var present = Local("x");
        return $"if ({value} is {{ }} {present}) {{ {WriteValue(type, present, writer, options)} }} else {{ {writer}.WriteNullValue(); }}";
    }

    /// <summary>
    /// A statement writing a property, <paramref name="name"/> (a literal) and <paramref name="value"/>: one
    /// <c>Utf8JsonWriter</c> call that writes both for a string (null as a JSON null, as <see cref="Write"/> would), an
    /// integer or a boolean; the name and then <see cref="Write"/> for anything else.
    /// </summary>
    public string WriteProperty(TypeRef type, bool nullable, string name, string value, string writer = "writer", string options = "options")
    {
        var call = type.Kind switch
        {
            TypeRefKind.String => "WriteString",
            TypeRefKind.Int32 or TypeRefKind.Int64 when !nullable => "WriteNumber",
            TypeRefKind.Boolean when !nullable => "WriteBoolean",
            _ => null,
        };
        return call is null
            ? $"{writer}.WritePropertyName({name}); {Write(type, nullable, value, writer, options)}"
            : $"{writer}.{call}({name}, {value});";
    }

    private string WriteValue(TypeRef type, string value, string writer, string options)
    {
        switch (type.Kind)
        {
            case TypeRefKind.String:
                return $"{writer}.WriteStringValue({value});";
            case TypeRefKind.Int32:
            case TypeRefKind.Int64:
                return $"{writer}.WriteNumberValue({value});";
            case TypeRefKind.Number:
                // NaN and infinities are not JSON numbers: they are written as names, which the rules then reject.
                return $"{Helpers}.WriteNumber({writer}, {value});";
            case TypeRefKind.Boolean:
                return $"{writer}.WriteBooleanValue({value});";
            case TypeRefKind.Bytes:
                return $"{writer}.WriteBase64StringValue({value});";
            case TypeRefKind.Any:
                return $"{value}.WriteTo({writer});";
            case TypeRefKind.Array:
            case TypeRefKind.Map:
            {
                var w = Local("w");
                var item = Local("item");
                var o = Local("o");
                var method = type.Kind == TypeRefKind.Array ? "WriteList" : "WriteMap";
                return $"{Helpers}.{method}({writer}, {value}, {options}, static ({Writer} {w}, {_context.ItemTypeName(type)} {item}, {Options} {o}) => {{ {Write(type.Item!, type.ItemIsNullable, item, w, o)} }});";
            }

            default:
                return $"{ConverterOf(type)}.Write({writer}, {value}, {options});";
        }
    }
}
