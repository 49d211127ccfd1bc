using System.Collections.Generic;
using System.Linq;
using Codegen.Contracts.Model;

namespace Codegen.Emitters;

/// <summary>
/// Emits a union (<c>oneOf</c>/<c>anyOf</c>): a sealed class that holds exactly one case, with an
/// implicit conversion from each case's type so that <c>Prompt = "hi"</c> and
/// <c>Prompt = new[] { "a", "b" }</c> both compile, and a converter that picks the case from the JSON token.
/// </summary>
internal sealed class UnionEmitter
{
    private const string TokenType = "global::System.Text.Json.JsonTokenType";

    private readonly ContractSpec _contract;
    private readonly JsonCode _json;

    public UnionEmitter(ContractSpec contract, JsonCode json)
    {
        _contract = contract;
        _json = json;
    }

    public void Emit(SourceWriter w, UnionTypeSpec type)
    {
        var self = $"global::{_contract.Namespace}.{type.Name}";
        var caseList = string.Join(", ", type.Cases.Select(c => $"<see cref=\"{c.Name}\"/>"));
        w.Summary((type.Description is null ? string.Empty : CSharp.XmlEscape(type.Description) + "\n") + "One of: " + caseList + ".", escape: false);
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Line($"[global::System.Text.Json.Serialization.JsonConverter(typeof({self}.JsonConverter))]");
        w.Open($"public sealed partial class {type.Name} : global::System.IEquatable<{self}>");
        w.Line("private readonly object _value;");
        w.Line("private readonly int _case;");
        w.Line();

        for (var i = 0; i < type.Cases.Count; i++)
        {
            var unionCase = type.Cases[i];
            var caseType = _json.TypeName(unionCase.Type);
            w.Summary($"Creates the <c>{unionCase.Name}</c> case.", escape: false);
            w.Open($"public {type.Name}({caseType} value)");
            w.Line(unionCase.Type.IsValueType ? "_value = value;" : "_value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
            w.Line($"_case = {i};");
            w.Close();
            w.Line();
        }

        for (var i = 0; i < type.Cases.Count; i++)
        {
            var unionCase = type.Cases[i];
            var caseType = _json.TypeName(unionCase.Type);
            w.Summary($"Whether this holds the <c>{unionCase.Name}</c> case.", escape: false);
            w.Line($"public bool Is{unionCase.Name} => _case == {i};");
            w.Line();
            w.Summary($"Gets the <c>{unionCase.Name}</c> case, if this holds it.", escape: false);
            w.Open($"public bool TryGet{unionCase.Name}([global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out {caseType} value)");
            w.Open($"if (_case == {i})");
            w.Line($"value = ({caseType})_value;");
            w.Line("return true;");
            w.Close();
            w.Line("value = default!;");
            w.Line("return false;");
            w.Close();
            w.Line();
            w.Summary($"Gets the <c>{unionCase.Name}</c> case.", escape: false);
            w.Line($"/// <exception cref=\"global::System.InvalidOperationException\">This holds another case.</exception>");
            w.Line($"public {caseType} As{unionCase.Name}() => _case == {i} ? ({caseType})_value : throw new global::System.InvalidOperationException({CSharp.StringLiteral($"This {type.Name} does not hold the {unionCase.Name} case.")});");
            w.Line();
        }

        w.Summary("The value of whichever case this holds.");
        w.Line("public object Value => _value;");
        w.Line();

        var typeParameters = string.Join(", ", type.Cases.Select(c => $"global::System.Func<{_json.TypeName(c.Type)}, TResult> on{c.Name}"));
        w.Summary("Calls the function that matches the case this holds.");
        w.Open($"public TResult Match<TResult>({typeParameters})");
        w.Open("switch (_case)");
        for (var i = 0; i < type.Cases.Count; i++)
        {
            var unionCase = type.Cases[i];
            w.Line($"case {i}: return on{unionCase.Name}(({_json.TypeName(unionCase.Type)})_value);");
        }

        w.Line("default: throw new global::System.InvalidOperationException();");
        w.Close();
        w.Close();
        w.Line();

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
                    var item = CSharp.ItemTypeName(unionCase.Type, _contract.Namespace);
                    foreach (var source in new[] { item + "[]", $"global::System.Collections.Generic.List<{item}>" })
                    {
                        if (seen.Add(source))
                        {
                            yield return (source, $"new {type.Name}(({_json.TypeName(unionCase.Type)})value)");
                        }
                    }

                    break;
                case TypeRefKind.Map:
                    var dictionary = $"global::System.Collections.Generic.Dictionary<string, {CSharp.ItemTypeName(unionCase.Type, _contract.Namespace)}>";
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
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Open($"public bool Equals({self}? other)");
        w.Open("if (other is null || other._case != _case)");
        w.Line("return false;");
        w.Close();
        w.Line($"return {_json.Helpers}.DeepEquals(_value, other._value);");
        w.Close();
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public override bool Equals(object? obj) => obj is {self} other && Equals(other);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public override int GetHashCode() => {_json.Helpers}.DeepHashCode(_value) ^ _case;");
        w.Line();
        w.Summary("The value as JSON; a string case is returned as it is.");
        w.Line($"public override string ToString() => _value as string ?? {_json.Helpers}.ToJson(this, JsonConverter.Instance);");
        w.Line();
        w.Line($"public static bool operator ==({self}? left, {self}? right) => left is null ? right is null : left.Equals(right);");
        w.Line();
        w.Line($"public static bool operator !=({self}? left, {self}? right) => !(left == right);");
    }

    private void EmitConverter(SourceWriter w, UnionTypeSpec type, string self)
    {
        w.Line();
        w.Summary($"Reads and writes <see cref=\"{type.Name}\"/>, choosing the case from the JSON token.", escape: false);
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Open($"public sealed class JsonConverter : global::System.Text.Json.Serialization.JsonConverter<{self}>");
        w.Line("public static readonly JsonConverter Instance = new JsonConverter();");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Open($"public override {self} Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options)");

        // Cases that need a look inside an array come first, the catch-all JSON case last.
        var ordered = type.Cases.OrderBy(c => c.Type.Kind == TypeRefKind.Any ? 1 : 0).ToList();
        var arrayCases = ordered.Where(c => c.Type.Kind == TypeRefKind.Array).ToList();
        foreach (var unionCase in ordered)
        {
            var condition = Condition(unionCase.Type, arrayCases.Count > 1);
            w.Open($"if ({condition})");
            w.Line($"{_json.TypeName(unionCase.Type)} value;");
            _json.Read(w, unionCase.Type, false, "value");
            w.Line($"return new {self}(value);");
            w.Close();
        }

        var expected = string.Join(", ", type.Cases.Select(c => c.Name));
        w.Line($"throw {_json.Helpers}.UnexpectedToken(ref reader, {CSharp.StringLiteral(type.Name + " (" + expected + ")")});");
        w.Close();
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Open($"public override void Write(global::System.Text.Json.Utf8JsonWriter writer, {self} value, global::System.Text.Json.JsonSerializerOptions options)");
        w.Open("switch (value._case)");
        for (var i = 0; i < type.Cases.Count; i++)
        {
            var unionCase = type.Cases[i];
            w.Open($"case {i}:");
            _json.Write(w, unionCase.Type, false, $"(({_json.TypeName(unionCase.Type)})value._value)");
            w.Line("break;");
            w.Close();
        }

        w.Close();
        w.Close();
        w.Close();
    }

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
