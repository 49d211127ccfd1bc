using System.Linq;
using Codegen.Contracts.Model;
using Codegen.Emitters.Json;
using Codegen.Emitters.Validation;

namespace Codegen.Emitters.Types;

/// <summary>
/// Emits a record's builder: <c>CreateBuilder(required...)</c>, a <c>With</c> method per optional member, and
/// <c>Build()</c>. Every argument is checked at once by the rules engine against the member's own schema, so
/// <c>WithTemperature(3)</c> throws naming the field, the rule and the value. The builder holds the record being
/// built and replaces it with each value (<c>with</c>), so it has no state of its own to keep in step. Constants are
/// filled in and <c>readOnly</c> members (the server's to send) are not offered.
/// </summary>
internal sealed class BuilderEmitter
{
    private readonly EmitContext _context;

    public BuilderEmitter(EmitContext context) => _context = context;

    public void Emit(SourceWriter w, ObjectTypeSpec type)
    {
        var settable = type.Properties.Where(p => !(p.Constant is not null && p.IsRequired) && !p.IsReadOnly).ToList();
        var required = settable.Where(ObjectEmitter.IsRequiredInCSharp).ToList();
        var optional = settable.Where(p => !ObjectEmitter.IsRequiredInCSharp(p)).ToList();
        var typeName = _context.Global(type.Name);

        w.Summary("Starts a builder that checks every value against the contract as it is set.");
        var parameters = string.Join(", ", required.Select(p => $"{Attribute(p)} {ParameterType(p)} {p.ParameterName}"));
        w.Open($"public static Builder CreateBuilder({parameters})");
        foreach (var property in required)
        {
            w.Line(ArgumentChecks(property));
        }

        var initializer = string.Join(", ", required.Select(p => $"{p.Name} = {p.ParameterName}"));
        w.Line($"return new Builder(new {typeName} {{ {initializer} }});");
        w.Close();
        w.Line();
        w.Summary($"Builds a <see cref=\"{type.Name}\"/>: each <c>With</c> method rejects a value outside the contract at once, naming the field, the rule and the value.", escape: false);
        w.Open("public sealed partial class Builder");
        w.Line($"private {typeName} _value;");
        w.Line($"internal Builder({typeName} value) => _value = value;");
        foreach (var property in optional)
        {
            w.Summary($"Sets '{property.JsonName}'" + (property.Description is null ? "." : ": " + property.Description));
            if (property.IsDeprecated)
            {
                w.Line("[global::System.Obsolete(\"Deprecated by the contract.\")]");
            }

            var checks = ArgumentChecks(property);
            w.Line($"public Builder With{property.Name}({Attribute(property)} {ParameterType(property)} {property.ParameterName}) {{ {checks}{(checks.Length > 0 ? " " : string.Empty)}_value = _value with {{ {property.Name} = {property.ParameterName} }}; return this; }}");
        }

        w.Summary($"The <see cref=\"{type.Name}\"/> with the values set so far.", escape: false);
        w.Line($"public {typeName} Build() => _value;");
        w.Close();
    }

    private string Attribute(PropertySpec property) => SchemasEmitter.Attribute(_context, property.JsonName, property.SchemaPointer);

    private string ParameterType(PropertySpec property) => _context.TypeName(property.Type) + (property.IsNullable ? "?" : string.Empty);

    /// <summary>Builder arguments are checked at once: null where the contract forbids it, then every rule, by the rules engine.</summary>
    private string ArgumentChecks(PropertySpec property)
    {
        var name = property.ParameterName;
        var helpers = _context.Global(_context.Names.ValidationHelpers);
        var tail = $"{CSharp.StringLiteral(property.SchemaPointer)}, {CSharp.StringLiteral(property.JsonName)}, nameof({name})";
        var value = property.IsNullable ? "checked_" + property.Name : name;

        // The CheckArgument overloads for strings and converted values throw ArgumentNullException themselves (naming
        // the member); a collection, map or bytes is written by a lambda first, so its null is refused before.
        var check = property.Type.Kind switch
        {
            TypeRefKind.Number or TypeRefKind.String or TypeRefKind.Boolean => $"{helpers}.CheckArgument({value}, {tail});",
            TypeRefKind.Int32 or TypeRefKind.Int64 => $"{helpers}.CheckArgument((long){value}, {tail});",
            TypeRefKind.Object or TypeRefKind.Union or TypeRefKind.Enum or TypeRefKind.File =>
                $"{helpers}.CheckArgument({value}, {_context.Global(property.Type.Name!)}.JsonConverter.Instance, {tail});",

            // Collections, maps, bytes and JSON values: written as the record writes them, then checked.
            _ => $"{helpers}.CheckArgument({helpers}.ToRulesJson(writer => {{ {new JsonCode(_context).Write(property.Type, false, value, "writer", $"{_context.Global(_context.Names.JsonHelpers)}.PlainOptions")} }}), {tail});",
        };

        if (property.IsNullable)
        {
            return $"if ({name} is {{ }} {value}) {{ {check} }}";
        }

        var checkedByLambda = property.Type.Kind is TypeRefKind.Array or TypeRefKind.Map or TypeRefKind.Bytes or TypeRefKind.Any;
        return checkedByLambda && !property.Type.IsValueType
            ? $"{helpers}.NotNull({name}, {CSharp.StringLiteral(property.JsonName)}, nameof({name})); {check}"
            : check;
    }
}
