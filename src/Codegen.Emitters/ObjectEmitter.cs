using System.Collections.Generic;
using System.Linq;
using Codegen.Contracts.Model;

namespace Codegen.Emitters;

/// <summary>
/// Emits an object type: the record with its properties, defaults, builder and validation (this file),
/// and its JSON converter (<see cref="ObjectJsonEmitter"/>).
/// </summary>
internal sealed class ObjectEmitter
{
    private const string DataAnnotations = "global::System.ComponentModel.DataAnnotations";

    private readonly ContractSpec _contract;
    private readonly JsonCode _json;
    private readonly string _violation;

    public ObjectEmitter(ContractSpec contract, JsonCode json)
    {
        _contract = contract;
        _json = json;
        _violation = $"global::{contract.Namespace}.{contract.Prefix}ContractViolation";
    }

    public void Emit(SourceWriter w, ObjectTypeSpec type)
    {
        w.Summary(type.Description ?? $"The '{type.Name}' object of the contract.");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Line($"[global::System.Text.Json.Serialization.JsonConverter(typeof(global::{_contract.Namespace}.{type.Name}.JsonConverter))]");
        w.Open($"public sealed partial record {type.Name}");

        foreach (var property in type.Properties)
        {
            EmitProperty(w, property);
            w.Line();
        }

        w.Summary("Properties the contract does not name, as received; they are written back when this object is serialized, so nothing is lost in a round trip.");
        w.Line("public global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Text.Json.JsonElement>? AdditionalProperties { get; init; }");

        EmitDefaults(w, type);
        EmitValidation(w, type);
        EmitBuilder(w, type);
        new ObjectJsonEmitter(_contract, _json).Emit(w, type);
        w.Close();
    }

    /// <summary>The C# type of a property: nullable unless it is required and the contract forbids null.</summary>
    public string PropertyType(PropertySpec property) =>
        _json.TypeName(property.Type) + (IsNullableInCSharp(property) ? "?" : string.Empty);

    public static bool IsNullableInCSharp(PropertySpec property) => property.IsNullable || !property.IsRequired;

    /// <summary>
    /// Optional properties that accept null keep track of whether they were set, so that an explicit
    /// <c>null</c> is written back while an unset property is left out of the JSON.
    /// </summary>
    public static bool TracksPresence(PropertySpec property) => property.IsNullable && !property.IsRequired;

    public static string Field(PropertySpec property) => "_" + property.ParameterName.TrimStart('@');

    private void EmitProperty(SourceWriter w, PropertySpec property)
    {
        w.Summary(property.Description);
        if (property.Default is { Kind: not JsonLiteralKind.Null } literal)
        {
            w.DocBlock("remarks", "Left unset, the property is not sent and the server's default applies: " + literal.Json + ".");
        }

        w.Line($"[global::System.Text.Json.Serialization.JsonPropertyName({CSharp.StringLiteral(property.JsonName)})]");
        foreach (var attribute in Annotations(property))
        {
            w.Line(attribute);
        }

        if (property.IsDeprecated)
        {
            w.Line("[global::System.Obsolete(\"Deprecated by the contract.\")]");
        }

        var type = PropertyType(property);
        if (TracksPresence(property))
        {
            var field = Field(property);
            w.Open($"public {type} {property.Name}");
            w.Line($"get => {field};");
            w.Line($"init {{ {field} = value; {field}IsSet = true; }}");
            w.Close();
            w.Line($"private {type} {field};");
            w.Line($"private bool {field}IsSet;");
            return;
        }

        var required = property.IsRequired ? "required " : string.Empty;
        w.Line($"public {required}{type} {property.Name} {{ get; init; }}");
    }

    /// <summary>DataAnnotations attributes that carry the contract's rules to analyzers and other tools.</summary>
    public IEnumerable<string> Annotations(PropertySpec property)
    {
        var c = property.Constraints;
        var kind = property.Type.Kind;
        var union = kind == TypeRefKind.Union ? _json.Find<UnionTypeSpec>(property.Type.Name) : null;
        bool Has(params TypeRefKind[] kinds) => kinds.Contains(kind) || (union?.Cases.Any(x => kinds.Contains(x.Type.Kind)) ?? false);

        if (property.IsRequired && !property.IsNullable)
        {
            yield return $"[{DataAnnotations}.Required]";
        }

        if (c.HasRange && Has(TypeRefKind.Int32, TypeRefKind.Int64, TypeRefKind.Number))
        {
            var useInt = kind == TypeRefKind.Int32
                && (c.Minimum is null || CSharp.IntegerLiteral(c.Minimum.Value, TypeRefKind.Int32) is not null)
                && (c.Maximum is null || CSharp.IntegerLiteral(c.Maximum.Value, TypeRefKind.Int32) is not null);
            var min = c.Minimum is { } lo ? (useInt ? CSharp.Number(lo) : CSharp.DoubleLiteral(lo)) : (useInt ? "int.MinValue" : "double.NegativeInfinity");
            var max = c.Maximum is { } hi ? (useInt ? CSharp.Number(hi) : CSharp.DoubleLiteral(hi)) : (useInt ? "int.MaxValue" : "double.PositiveInfinity");
            var flags = (c.MinimumIsExclusive ? ", MinimumIsExclusive = true" : string.Empty) + (c.MaximumIsExclusive ? ", MaximumIsExclusive = true" : string.Empty);
            yield return $"[{DataAnnotations}.Range({min}, {max}{flags})]";
        }

        if ((c.MinLength is not null || c.MaxLength is not null) && Has(TypeRefKind.String))
        {
            var minimum = c.MinLength is { } minLength ? $", MinimumLength = {minLength}" : string.Empty;
            yield return $"[{DataAnnotations}.StringLength({c.MaxLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "int.MaxValue"}{minimum})]";
        }

        if (c.Pattern is { } pattern && Has(TypeRefKind.String))
        {
            yield return $"[{DataAnnotations}.RegularExpression({CSharp.StringLiteral(pattern)})]";
        }

        if (Has(TypeRefKind.Array, TypeRefKind.Map))
        {
            if (c.MinItems is { } minItems)
            {
                yield return $"[{DataAnnotations}.MinLength({minItems})]";
            }

            if (c.MaxItems is { } maxItems)
            {
                yield return $"[{DataAnnotations}.MaxLength({maxItems})]";
            }
        }

        if (kind == TypeRefKind.Enum && _json.Find<EnumTypeSpec>(property.Type.Name) is { IsOpen: false } closed)
        {
            yield return $"[{DataAnnotations}.AllowedValues({string.Join(", ", closed.Members.Select(m => CSharp.StringLiteral(m.Value)))})]";
        }
    }

    private static void EmitDefaults(SourceWriter w, ObjectTypeSpec type)
    {
        var defaults = type.Properties.Where(p => p.Default is { Kind: JsonLiteralKind.String or JsonLiteralKind.Integer or JsonLiteralKind.Number or JsonLiteralKind.Boolean }).ToList();
        if (defaults.Count == 0)
        {
            return;
        }

        w.Line();
        w.Summary("The contract's defaults: what the server uses for a property that is not sent.");
        w.Open("public static class Defaults");
        foreach (var property in defaults)
        {
            var literal = property.Default!;
            var (constType, value) = literal.Kind switch
            {
                JsonLiteralKind.String => ("string", CSharp.StringLiteral(Newtonsoft.Json.JsonConvert.DeserializeObject<string>(literal.Json)!)),
                JsonLiteralKind.Boolean => ("bool", literal.Json),
                _ when property.Type.Kind == TypeRefKind.Int32 && CSharp.IntegerLiteral(decimal.Parse(literal.Json, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture), TypeRefKind.Int32) is { } i => ("int", i),
                _ when property.Type.Kind == TypeRefKind.Int64 && CSharp.IntegerLiteral(decimal.Parse(literal.Json, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture), TypeRefKind.Int64) is { } l => ("long", l),
                _ => ("double", CSharp.DoubleLiteral(decimal.Parse(literal.Json, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture))),
            };
            w.Summary($"Default of '{property.JsonName}'.");
            w.Line($"public const {constType} {property.Name} = {value};");
        }

        w.Close();
    }

    private void EmitValidation(SourceWriter w, ObjectTypeSpec type)
    {
        w.Line();
        w.Summary("Checks this object, and every object inside it, against the contract's rules.");
        w.DocBlock("returns", "Every violation, with its JSON path, the rule and the value; an empty list when the object is valid.");
        w.Open($"public global::System.Collections.Generic.IReadOnlyList<{_violation}> Validate()");
        w.Line($"var violations = new global::System.Collections.Generic.List<{_violation}>();");
        w.Line("CollectViolations(violations, \"$\");");
        w.Line("return violations;");
        w.Close();
        w.Line();
        w.Summary("Throws when <see cref=\"Validate\"/> finds any violation.", escape: false);
        w.Line($"/// <exception cref=\"global::{_contract.Namespace}.{_contract.Prefix}ValidationException\">The object breaks the contract; the exception lists every violation.</exception>");
        w.Open("public void ThrowIfInvalid()");
        w.Line("var violations = Validate();");
        w.Open("if (violations.Count > 0)");
        w.Line($"throw new global::{_contract.Namespace}.{_contract.Prefix}ValidationException(violations);");
        w.Close();
        w.Close();
        w.Line();
        w.Open($"internal void CollectViolations(global::System.Collections.Generic.List<{_violation}> violations, string path)");
        var index = 0;
        foreach (var property in type.Properties)
        {
            var local = "value" + index++;
            var path = "path + " + CSharp.StringLiteral(CSharp.JsonPathSegment(property.JsonName));
            if (property.IsRequired && !property.IsNullable && !property.Type.IsValueType)
            {
                w.Open($"if ({property.Name} is null)");
                w.Line($"violations.Add(new {_violation}({path}, \"is required\", null));");
                w.Close();
            }

            var body = new SourceWriter();
            EmitValueChecks(body, property.Type, property.Constraints, local, path, 0);
            var text = body.ToString();
            if (text.Length == 0)
            {
                continue;
            }

            w.Open($"if ({property.Name} is {{ }} {local})");
            foreach (var line in text.TrimEnd('\n').Split('\n'))
            {
                w.Line(line);
            }

            w.Close();
        }

        w.Close();
    }

    /// <summary>Emits the checks of one non-null value, and recursion into the objects it holds.</summary>
    private void EmitValueChecks(SourceWriter w, TypeRef type, ConstraintSpec constraints, string value, string path, int depth)
    {
        foreach (var check in ConstraintCode.For(type, constraints, _contract, _json))
        {
            Add(w, check, value, path);
        }

        var d = depth.ToString(System.Globalization.CultureInfo.InvariantCulture);
        switch (type.Kind)
        {
            case TypeRefKind.Object:
                w.Line($"{value}.CollectViolations(violations, {path});");
                break;
            case TypeRefKind.Union:
                var union = _json.Find<UnionTypeSpec>(type.Name)!;
                foreach (var unionCase in union.Cases)
                {
                    var inner = new SourceWriter();
                    var caseValue = $"case{d}{unionCase.Name}";
                    var checks = ConstraintCode.For(unionCase.Type, constraints, _contract, _json);
                    foreach (var check in checks)
                    {
                        Add(inner, check, caseValue, path);
                    }

                    if (ContainsObjects(unionCase.Type))
                    {
                        EmitValueChecks(inner, unionCase.Type, ConstraintSpec.None, caseValue, path, depth + 1);
                    }

                    var text = inner.ToString();
                    if (text.Length > 0)
                    {
                        w.Open($"if ({value}.TryGet{unionCase.Name}(out var {caseValue}))");
                        foreach (var line in text.TrimEnd('\n').Split('\n'))
                        {
                            w.Line(line);
                        }

                        w.Close();
                    }
                }

                break;
            case TypeRefKind.Array when ContainsObjects(type.Item!):
                w.Open($"for (var i{d} = 0; i{d} < {value}.Count; i{d}++)");
                if (type.ItemIsNullable)
                {
                    w.Open($"if ({value}[i{d}] is {{ }} item{d})");
                }
                else
                {
                    w.Open("");
                    w.Line($"var item{d} = {value}[i{d}];");
                }

                EmitValueChecks(w, type.Item!, ConstraintSpec.None, $"item{d}", $"{path} + \"[\" + i{d}.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"]\"", depth + 1);
                w.Close();
                w.Close();
                break;
            case TypeRefKind.Map when ContainsObjects(type.Item!):
                w.Open($"foreach (var pair{d} in {value})");
                w.Open($"if (pair{d}.Value is {{ }} item{d})");
                EmitValueChecks(w, type.Item!, ConstraintSpec.None, $"item{d}", $"{path} + \"['\" + pair{d}.Key + \"']\"", depth + 1);
                w.Close();
                w.Close();
                break;
        }
    }

    private bool ContainsObjects(TypeRef type) => type.Kind switch
    {
        TypeRefKind.Object => true,
        TypeRefKind.Array or TypeRefKind.Map => ContainsObjects(type.Item!),
        TypeRefKind.Union => _json.Find<UnionTypeSpec>(type.Name)!.Cases.Any(c => c.Type.Kind is TypeRefKind.Object or TypeRefKind.Array or TypeRefKind.Map && ContainsObjects(c.Type)),
        _ => false,
    };

    private void Add(SourceWriter w, Check check, string value, string path)
    {
        w.Open($"if ({check.Condition(value)})");
        w.Line($"violations.Add(new {_violation}({path}, {CSharp.StringLiteral(check.Rule)}, {check.Value(value)}));");
        w.Close();
    }

    private void EmitBuilder(SourceWriter w, ObjectTypeSpec type)
    {
        var required = type.Properties.Where(p => p.IsRequired).ToList();
        var optional = type.Properties.Where(p => !p.IsRequired).ToList();
        var typeName = $"global::{_contract.Namespace}.{type.Name}";

        w.Line();
        w.Summary($"Starts a builder that checks every value against the contract as it is set.");
        foreach (var property in required)
        {
            w.Line($"/// <param name=\"{property.ParameterName.TrimStart('@')}\">{CSharp.XmlEscape(property.Description ?? property.JsonName).Replace("\n", " ").Replace("\r", " ").Replace("\u2028", " ").Replace("\u2029", " ").Replace("\u0085", " ")}</param>");
        }

        var parameters = string.Join(", ", required.Select(p => $"{ParameterType(p)} {p.ParameterName}"));
        var arguments = string.Join(", ", required.Select(p => p.ParameterName));
        w.Line($"public static Builder CreateBuilder({parameters}) => new Builder({arguments});");
        w.Line();
        w.Summary($"Builds a <see cref=\"{type.Name}\"/>: each <c>With</c> method rejects a value outside the contract at once, naming the field, the rule and the value.", escape: false);
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Open("public sealed partial class Builder");
        foreach (var property in type.Properties)
        {
            w.Line($"private {PropertyType(property)} {Field(property)};");
            if (TracksPresence(property))
            {
                w.Line($"private bool {Field(property)}IsSet;");
            }
        }

        w.Line();
        w.Open($"internal Builder({parameters})");
        foreach (var property in required)
        {
            EmitArgumentChecks(w, property);
            w.Line($"{Field(property)} = {property.ParameterName};");
        }

        w.Close();
        foreach (var property in optional)
        {
            w.Line();
            w.Summary($"Sets '{property.JsonName}'" + (property.Description is null ? "." : ": " + property.Description));
            w.Line($"/// <param name=\"{property.ParameterName.TrimStart('@')}\">The value to send.</param>");
            w.Line("/// <returns>This builder.</returns>");
            var attributes = string.Join(string.Empty, new[] { $"[{DataAnnotations}.Display(Name = {CSharp.StringLiteral(property.JsonName)})]" }.Concat(Annotations(property).Where(a => !a.Contains(".Required]"))));
            w.Open($"public Builder With{property.Name}({attributes} {ParameterType(property)} {property.ParameterName})");
            EmitArgumentChecks(w, property);
            w.Line($"{Field(property)} = {property.ParameterName};");
            if (TracksPresence(property))
            {
                w.Line($"{Field(property)}IsSet = true;");
            }

            w.Line("return this;");
            w.Close();
        }

        w.Line();
        w.Summary($"Creates the <see cref=\"{type.Name}\"/> from the values set so far.", escape: false);
        w.Open($"public {typeName} Build()");
        w.Line($"var result = new {typeName}");
        w.Line("{");
        w.Indent();
        foreach (var property in type.Properties.Where(p => !TracksPresence(p)))
        {
            w.Line($"{property.Name} = {Field(property)},");
        }

        w.Outdent();
        w.Line("};");
        foreach (var property in type.Properties.Where(TracksPresence))
        {
            var field = Field(property);
            w.Open($"if ({field}IsSet)");
            w.Line($"result.{field} = {field};");
            w.Line($"result.{field}IsSet = true;");
            w.Close();
        }

        w.Line("return result;");
        w.Close();
        w.Close();
    }

    private string ParameterType(PropertySpec property) =>
        _json.TypeName(property.Type) + (property.IsNullable ? "?" : string.Empty);

    /// <summary>Builder arguments are checked at once: null where the contract forbids it, then every rule.</summary>
    private void EmitArgumentChecks(SourceWriter w, PropertySpec property)
    {
        var name = property.ParameterName;
        var body = new SourceWriter();
        // Locals are named per property: a constructor checks several arguments in one scope.
        // Parameters never start with "checked" (SchemaReader renames them), so these cannot clash.
        var value = property.IsNullable ? "checked" + property.Name : name;
        if (property.Type.Kind == TypeRefKind.Union)
        {
            var union = _json.Find<UnionTypeSpec>(property.Type.Name)!;
            foreach (var (unionCase, checks) in ConstraintCode.ForUnion(union, property.Constraints, _contract, _json))
            {
                // One local per case: the checks of several cases share the enclosing scope.
                var caseValue = "checked" + property.Name + "As" + unionCase.Name;
                body.Open($"if ({value}.TryGet{unionCase.Name}(out var {caseValue}))");
                foreach (var check in checks)
                {
                    Throw(body, check, caseValue, property, name);
                }

                body.Close();
            }
        }
        else
        {
            foreach (var check in ConstraintCode.For(property.Type, property.Constraints, _contract, _json))
            {
                Throw(body, check, value, property, name);
            }
        }

        if (!property.IsNullable && !property.Type.IsValueType)
        {
            w.Open($"if ({name} is null)");
            w.Line($"throw new global::System.ArgumentNullException(nameof({name}), {CSharp.StringLiteral($"'{property.JsonName}' must not be null.")});");
            w.Close();
        }

        var text = body.ToString();
        if (text.Length == 0)
        {
            return;
        }

        if (property.IsNullable)
        {
            w.Open($"if ({name} is {{ }} checked{property.Name})");
        }

        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            w.Line(line);
        }

        if (property.IsNullable)
        {
            w.Close();
        }
    }

    private static void Throw(SourceWriter w, Check check, string value, PropertySpec property, string parameter)
    {
        w.Open($"if ({check.Condition(value)})");
        var message = $"{CSharp.StringLiteral($"'{property.JsonName}' {check.Rule}; ")} + {check.Value(value)} + {CSharp.StringLiteral(" " + check.Outcome + ".")}";
        w.Line($"throw new global::System.ArgumentOutOfRangeException(nameof({parameter}), {message});");
        w.Close();
    }
}
