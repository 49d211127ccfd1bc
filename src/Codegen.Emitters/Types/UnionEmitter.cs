using System.Collections.Generic;
using System.Linq;
using Codegen.Contracts.Model;
using Codegen.Emitters.Json;

namespace Codegen.Emitters.Types;

/// <summary>
/// Emits a union (<c>oneOf</c>/<c>anyOf</c>): a sealed class that holds exactly one case, with an
/// implicit conversion from each case's type so that <c>Prompt = "hi"</c> and
/// <c>Prompt = new[] { "a", "b" }</c> both compile, and a converter that picks the case from the JSON token, from
/// OpenAPI's discriminator, or (where two cases look alike on the wire) from the first case whose schema the rules
/// engine finds the value valid against. Such a union also keeps a value no case takes (an unknown discriminator
/// value from a newer server): it is never thrown on, it is written back as it was, and <c>Validate()</c> reports it.
/// </summary>
internal sealed class UnionEmitter
{
    private const string TokenType = "global::System.Text.Json.JsonTokenType";

    private readonly EmitContext _context;
    private readonly JsonCode _json;

    public UnionEmitter(EmitContext context)
    {
        _context = context;
        _json = new JsonCode(context);
    }

    /// <summary>Whether the union can hold a value that no case takes.</summary>
    private static bool KeepsUnknown(UnionTypeSpec type) => type.Discriminator is not null || type.CasesShareShapes;

    public void Emit(SourceWriter w, UnionTypeSpec type)
    {
        var self = _context.Global(type.Name);
        var caseList = string.Join(", ", type.Cases.Select(c => $"<see cref=\"{c.Name}\"/>"));
        w.Summary((type.Description is null ? string.Empty : CSharp.XmlEscape(type.Description) + "\n") + "One of: " + caseList + ".", escape: false);
        w.Line($"{CSharp.GeneratedCodeAttribute.TrimEnd(']')}, global::System.Text.Json.Serialization.JsonConverter(typeof({self}.JsonConverter))]");
        w.Open($"public sealed partial class {type.Name} : global::System.IEquatable<{self}>");
        w.Line("private readonly object _value; private readonly int _case;");
        w.Line($"private {type.Name}(object value, int @case) {{ _value = value; _case = @case; }}");

        // A constructor per C# type (the first case of that type); a later case of the same type (two string cases
        // told apart by their schemas, say) is made by From{Case}.
        var constructed = new HashSet<string>(System.StringComparer.Ordinal);
        for (var i = 0; i < type.Cases.Count; i++)
        {
            var unionCase = type.Cases[i];
            var caseType = _json.TypeName(unionCase.Type);
            var value = unionCase.Type.IsValueType ? "value" : "value ?? throw new global::System.ArgumentNullException(nameof(value))";
            w.Summary($"Creates the <c>{unionCase.Name}</c> case.", escape: false);
            w.Line(constructed.Add(caseType)
                ? $"public {type.Name}({caseType} value) : this({value}, {i}) {{ }}"
                : $"public static {type.Name} From{unionCase.Name}({caseType} value) => new {type.Name}({value}, {i});");
        }

        for (var i = 0; i < type.Cases.Count; i++)
        {
            var unionCase = type.Cases[i];
            var caseType = _json.TypeName(unionCase.Type);
            w.Summary($"Whether this holds the <c>{unionCase.Name}</c> case; TryGet{unionCase.Name} and As{unionCase.Name} get it.", escape: false);
            w.Line($"public bool Is{unionCase.Name} => _case == {i};");
            w.Line($"public bool TryGet{unionCase.Name}([global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out {caseType} value) => {_json.Helpers}.TryGetCase(_value, _case == {i}, out value);");
            w.Line($"public {caseType} As{unionCase.Name}() => {_json.Helpers}.AsCase<{caseType}>(_value, _case == {i}, {CSharp.StringLiteral(type.Name)}, {CSharp.StringLiteral(unionCase.Name)});");
        }

        w.Summary("The value of whichever case this holds.");
        w.Line("public object Value => _value;");
        if (KeepsUnknown(type))
        {
            w.Summary("Whether this holds a value that no case takes (for example a discriminator value a newer server sends); it is kept as it was.");
            w.Line("public bool IsUnknown => _case == -1;");
            w.Summary("Gets the value no case takes, as it was received.");
            w.Line("public bool TryGetUnknown(out global::System.Text.Json.JsonElement value) { value = _case == -1 ? (global::System.Text.Json.JsonElement)_value : default; return _case == -1; }");
        }

        var typeParameters = string.Join(", ", type.Cases.Select(c => $"global::System.Func<{_json.TypeName(c.Type)}, TResult> on{c.Name}"))
            + (KeepsUnknown(type) ? ", global::System.Func<global::System.Text.Json.JsonElement, TResult>? onUnknown = null" : string.Empty);
        w.Summary("Calls the function that matches the case this holds.");
        w.Open($"public TResult Match<TResult>({typeParameters})");
        w.Open("switch (_case)");
        for (var i = 0; i < type.Cases.Count; i++)
        {
            var unionCase = type.Cases[i];
            w.Line($"case {i}: return on{unionCase.Name}(({_json.TypeName(unionCase.Type)})_value);");
        }

        w.Line(KeepsUnknown(type)
            ? $"default: return onUnknown is not null ? onUnknown((global::System.Text.Json.JsonElement)_value) : throw new global::System.InvalidOperationException({CSharp.StringLiteral($"This {type.Name} holds a value that no case takes; pass onUnknown to handle it.")});"
            : "default: throw new global::System.InvalidOperationException();");
        w.Close();
        w.Close();

        foreach (var (source, construct) in Conversions(type))
        {
            w.Line($"public static implicit operator {type.Name}({source} value) => {construct};");
        }

        EmitEquality(w, type, self);
        EmitConverter(w, type, self);
        w.Close();
    }

    /// <summary>Implicit conversions: from each case's type, and for list cases from arrays and lists (C# allows no conversion from an interface).</summary>
    private IEnumerable<(string Source, string Construct)> Conversions(UnionTypeSpec type)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var unionCase in type.Cases)
        {
            switch (unionCase.Type.Kind)
            {
                case TypeRefKind.Array:
                    var item = _context.ItemTypeName(unionCase.Type);
                    foreach (var source in new[] { item + "[]", $"global::System.Collections.Generic.List<{item}>" })
                    {
                        if (seen.Add(source))
                        {
                            yield return (source, $"new {type.Name}(({_json.TypeName(unionCase.Type)})value)");
                        }
                    }

                    break;
                case TypeRefKind.Map:
                    var dictionary = $"global::System.Collections.Generic.Dictionary<string, {_context.ItemTypeName(unionCase.Type)}>";
                    if (seen.Add(dictionary))
                    {
                        yield return (dictionary, $"new {type.Name}(({_json.TypeName(unionCase.Type)})value)");
                    }

                    break;
                default:
                    var caseType = _json.TypeName(unionCase.Type);
                    if (seen.Add(caseType))
                    {
                        yield return (caseType, $"new {type.Name}(value)");
                    }

                    break;
            }
        }
    }

    private void EmitEquality(SourceWriter w, UnionTypeSpec type, string self)
    {
        w.Line($"public bool Equals({self}? other) => other is not null && other._case == _case && {_json.Helpers}.DeepEquals(_value, other._value);");
        w.Line($"public override bool Equals(object? obj) => obj is {self} other && Equals(other);");
        w.Line($"public override int GetHashCode() => {_json.Helpers}.DeepHashCode(_value) ^ _case;");
        w.Summary("The value as JSON; a string case is returned as it is.");
        w.Line($"public override string ToString() => _value as string ?? {_json.Helpers}.ToJson(this, JsonConverter.Instance);");
        w.Line($"public static bool operator ==({self}? left, {self}? right) => left is null ? right is null : left.Equals(right);");
        w.Line($"public static bool operator !=({self}? left, {self}? right) => !(left == right);");
    }

    private void EmitConverter(SourceWriter w, UnionTypeSpec type, string self)
    {
        w.Line();
        w.Summary($"Reads and writes <see cref=\"{type.Name}\"/>, choosing the case from the JSON token.", escape: false);
        w.Open($"public sealed class JsonConverter : global::System.Text.Json.Serialization.JsonConverter<{self}>");
        w.Line("public static readonly JsonConverter Instance = new JsonConverter();");
        w.Open($"public override {self} Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)");
        if (KeepsUnknown(type))
        {
            EmitReadByElement(w, type, self);
        }
        else
        {
            EmitReadByToken(w, type, self);
        }

        w.Close();
        if (KeepsUnknown(type))
        {
            for (var i = 0; i < type.Cases.Count; i++)
            {
                w.Line($"private static {self} ReadCase{i}(global::System.Text.Json.JsonElement element, global::System.Text.Json.JsonSerializerOptions options) => new {self}({_json.ReadElement(type.Cases[i].Type)}, {i});");
            }
        }
        w.Open($"public override void Write(global::System.Text.Json.Utf8JsonWriter writer, {self} value, global::System.Text.Json.JsonSerializerOptions options)");
        w.Open("switch (value._case)");
        for (var i = 0; i < type.Cases.Count; i++)
        {
            var unionCase = type.Cases[i];
            w.Line($"case {i}: {_json.Write(unionCase.Type, false, $"(({_json.TypeName(unionCase.Type)})value._value)")} break;");
        }

        if (KeepsUnknown(type))
        {
            w.Line("default: ((global::System.Text.Json.JsonElement)value._value).WriteTo(writer); break;");
        }

        w.Close();
        w.Close();
        w.Close();
    }

    /// <summary>The JSON type decides the case: cases differ by it.</summary>
    private void EmitReadByToken(SourceWriter w, UnionTypeSpec type, string self)
    {
        // Cases that need a look inside an array come first, the catch-all JSON case last.
        var ordered = type.Cases.Select((c, i) => (Case: c, Index: i)).OrderBy(c => c.Case.Type.Kind == TypeRefKind.Any ? 1 : 0).ToList();
        var arrayCases = ordered.Where(c => c.Case.Type.Kind == TypeRefKind.Array).ToList();
        foreach (var (unionCase, index) in ordered)
        {
            var condition = Condition(unionCase.Type, arrayCases.Count > 1);
            w.Line($"if ({condition}) {{ return new {self}({_json.Read(unionCase.Type, false)}, {index}); }}");
        }

        var expected = string.Join(", ", type.Cases.Select(c => c.Name));
        w.Line($"throw {_json.Helpers}.UnexpectedToken(ref reader, {CSharp.StringLiteral(type.Name + " (" + expected + ")")});");
    }

    /// <summary>
    /// The value is looked at first: the discriminator names the case; otherwise a case whose JSON type is shared with
    /// another is chosen only if its schema accepts the value. A value no case takes is kept as it is.
    /// </summary>
    private void EmitReadByElement(SourceWriter w, UnionTypeSpec type, string self)
    {
        w.Line("var element = global::System.Text.Json.JsonElement.ParseValue(ref reader);");
        if (type.Discriminator is { } discriminator)
        {
            w.Open($"if (element.ValueKind == global::System.Text.Json.JsonValueKind.Object && element.TryGetProperty({CSharp.StringLiteral(discriminator.PropertyName)}, out var tag) && tag.ValueKind == global::System.Text.Json.JsonValueKind.String)");
            w.Open("switch (tag.GetString())");
            foreach (var mapping in discriminator.Mappings)
            {
                var index = IndexOf(type, mapping.CaseName);
                if (index >= 0)
                {
                    w.Line($"case {CSharp.StringLiteral(mapping.Value)}: return ReadCase{index}(element, options);");
                }
            }

            w.Close();
            w.Close();
        }

        var kinds = type.Cases.Select(c => ValueKinds(c.Type)).ToList();
        for (var i = 0; i < type.Cases.Count; i++)
        {
            var shared = kinds[i].Count == 0 || kinds.Where((k, j) => j != i).Any(k => k.Count == 0 || k.Intersect(kinds[i]).Any());
            var test = kinds[i].Count == 0 ? "true" : string.Join(" || ", kinds[i].Select(k => $"element.ValueKind == global::System.Text.Json.JsonValueKind.{k}"));
            var condition = shared && type.Cases[i].SchemaPointer is { } pointer
                ? $"({test}) && {_context.Global(_context.Names.ValidationHelpers)}.Matches(element, {CSharp.StringLiteral(pointer)})"
                : test;
            // A brace-free if: one line per case.
            w.Line($"if ({condition}) return ReadCase{i}(element, options);");
        }

        w.Line($"return new {self}(element, -1);");
    }

    private static int IndexOf(UnionTypeSpec type, string caseName)
    {
        for (var i = 0; i < type.Cases.Count; i++)
        {
            if (type.Cases[i].Name == caseName)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The <c>JsonValueKind</c> names a case's values have; empty when any kind may (JSON values, nested unions).</summary>
    private static List<string> ValueKinds(TypeRef type) => type.Kind switch
    {
        TypeRefKind.String or TypeRefKind.Enum or TypeRefKind.Bytes or TypeRefKind.File => new List<string> { "String" },
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Number => new List<string> { "Number" },
        TypeRefKind.Boolean => new List<string> { "True", "False" },
        TypeRefKind.Array => new List<string> { "Array" },
        TypeRefKind.Object or TypeRefKind.Map => new List<string> { "Object" },
        _ => new List<string>(),
    };

    /// <summary>The test on the reader's token that selects a case.</summary>
    private string Condition(TypeRef type, bool peekIntoArrays)
    {
        switch (type.Kind)
        {
            case TypeRefKind.String:
            case TypeRefKind.Enum:
                return $"reader.TokenType == {TokenType}.String";
            case TypeRefKind.Int32:
            case TypeRefKind.Int64:
            case TypeRefKind.Number:
                return $"reader.TokenType == {TokenType}.Number";
            case TypeRefKind.Boolean:
                return $"reader.TokenType is {TokenType}.True or {TokenType}.False";
            case TypeRefKind.Array when peekIntoArrays:
                return $"reader.TokenType == {TokenType}.StartArray && {_json.Helpers}.FirstItemIs(reader, {ItemTokens(type.Item!)})";
            case TypeRefKind.Array:
                return $"reader.TokenType == {TokenType}.StartArray";
            case TypeRefKind.Any:
                return "true";
            default:
                return $"reader.TokenType == {TokenType}.StartObject";
        }
    }

    private static string ItemTokens(TypeRef item) => item.Kind switch
    {
        TypeRefKind.String or TypeRefKind.Enum => $"{TokenType}.String",
        TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Number => $"{TokenType}.Number",
        TypeRefKind.Boolean => $"{TokenType}.True, {TokenType}.False",
        TypeRefKind.Array => $"{TokenType}.StartArray",
        TypeRefKind.Any => $"{TokenType}.String, {TokenType}.Number, {TokenType}.True, {TokenType}.False, {TokenType}.StartArray, {TokenType}.StartObject, {TokenType}.Null",
        _ => $"{TokenType}.StartObject",
    };
}
