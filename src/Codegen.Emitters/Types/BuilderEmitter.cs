using System.Collections.Generic;
using System.Linq;
using Codegen.Contracts.Model;
using Codegen.Emitters.Json;
using Codegen.Emitters.Validation;

namespace Codegen.Emitters.Types;

/// <summary>
/// Emits a record's builder: <c>CreateBuilder(required...)</c>, a <c>With</c> method per optional member, and
/// <c>Build()</c>. Every argument is checked at once by the rules engine against the member's own schema, so
/// <c>WithTemperature(3)</c> throws naming the field, the rule and the value. Constants are filled in and
/// <c>readOnly</c> members (the server's to send) are not offered.
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

        w.Line();
        w.Summary("Starts a builder that checks every value against the contract as it is set.");
        foreach (var property in required)
        {
            w.Line($"/// <param name=\"{property.ParameterName.TrimStart('@')}\">{CSharp.XmlEscape(property.Description ?? property.JsonName).Replace("\n", " ").Replace("\r", " ").Replace("\u2028", " ").Replace("\u2029", " ").Replace("\u0085", " ")}</param>");
        }

        var parameters = string.Join(", ", required.Select(p => $"{Attribute(p)} {ParameterType(p)} {p.ParameterName}"));
        var arguments = string.Join(", ", required.Select(p => p.ParameterName));
        w.Line($"public static Builder CreateBuilder({parameters}) => new Builder({arguments});");
        w.Line();
        w.Summary($"Builds a <see cref=\"{type.Name}\"/>: each <c>With</c> method rejects a value outside the contract at once, naming the field, the rule and the value.", escape: false);
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Open("public sealed partial class Builder");
        foreach (var property in settable)
        {
            w.Line($"private {ObjectEmitter.PropertyType(_context, property)} {ObjectEmitter.Field(property)};");
            if (ObjectEmitter.TracksPresence(property))
            {
                w.Line($"private bool {ObjectEmitter.Field(property)}IsSet;");
            }
        }

        w.Line();
        w.Open($"internal Builder({string.Join(", ", required.Select(p => $"{ParameterType(p)} {p.ParameterName}"))})");
        foreach (var property in required)
        {
            EmitArgumentChecks(w, property);
            w.Line($"{ObjectEmitter.Field(property)} = {property.ParameterName};");
        }

        w.Close();
        foreach (var property in optional)
        {
            w.Line();
            w.Summary($"Sets '{property.JsonName}'" + (property.Description is null ? "." : ": " + property.Description));
            w.Line($"/// <param name=\"{property.ParameterName.TrimStart('@')}\">The value to send.</param>");
            w.Line("/// <returns>This builder.</returns>");
            if (property.IsDeprecated)
            {
                w.Line("[global::System.Obsolete(\"Deprecated by the contract.\")]");
            }

            w.Open($"public Builder With{property.Name}({Attribute(property)} {ParameterType(property)} {property.ParameterName})");
            EmitArgumentChecks(w, property);
            w.Line($"{ObjectEmitter.Field(property)} = {property.ParameterName};");
            if (ObjectEmitter.TracksPresence(property))
            {
                w.Line($"{ObjectEmitter.Field(property)}IsSet = true;");
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
        foreach (var property in settable.Where(p => !ObjectEmitter.TracksPresence(p)))
        {
            w.Line($"{property.Name} = {ObjectEmitter.Field(property)},");
        }

        w.Outdent();
        w.Line("};");
        foreach (var property in settable.Where(ObjectEmitter.TracksPresence))
        {
            var field = ObjectEmitter.Field(property);
            w.Open($"if ({field}IsSet)");
            w.Line($"result.{field} = {field};");
            w.Line($"result.{field}IsSet = true;");
            w.Close();
        }

        w.Line("return result;");
        w.Close();
        w.Close();
    }

    private string Attribute(PropertySpec property) => SchemasEmitter.Attribute(_context, property.JsonName, property.SchemaPointer);

    private string ParameterType(PropertySpec property) => _context.TypeName(property.Type) + (property.IsNullable ? "?" : string.Empty);

    /// <summary>Builder arguments are checked at once: null where the contract forbids it, then every rule, by the rules engine.</summary>
    private void EmitArgumentChecks(SourceWriter w, PropertySpec property)
    {
        var name = property.ParameterName;
        if (!property.IsNullable && !property.Type.IsValueType)
        {
            w.Open($"if ({name} is null)");
            w.Line($"throw new global::System.ArgumentNullException(nameof({name}), {CSharp.StringLiteral($"'{property.JsonName}' must not be null.")});");
            w.Close();
        }

        var helpers = _context.Global(_context.Names.ValidationHelpers);
        var tail = $"{CSharp.StringLiteral(property.SchemaPointer)}, {CSharp.StringLiteral(property.JsonName)}, nameof({name})";
        var value = property.IsNullable ? "checked_" + property.Name : name;
        var check = property.Type.Kind switch
        {
            TypeRefKind.Number => $"{helpers}.CheckArgument({value}, {tail});",
            TypeRefKind.Int32 or TypeRefKind.Int64 => $"{helpers}.CheckArgument((long){value}, {tail});",
            TypeRefKind.String => $"{helpers}.CheckArgument({value}, {tail});",
            TypeRefKind.Boolean => $"{helpers}.CheckArgument({value}, {tail});",
            TypeRefKind.Object or TypeRefKind.Union or TypeRefKind.Enum or TypeRefKind.File =>
                $"{helpers}.CheckArgument({value}, {_context.Global(property.Type.Name!)}.JsonConverter.Instance, {tail});",
            _ => null,
        };

        var lines = new List<string>();
        if (check is not null)
        {
            lines.Add(check);
        }
        else
        {
            // Collections, maps, bytes and JSON values: written as the record writes them, then checked.
            var writer = new SourceWriter();
            writer.Line($"{helpers}.CheckArgument({helpers}.ToRulesJson(writer =>");
            writer.Line("{");
            writer.Indent();
            writer.Line($"var options = {_context.Global(_context.Names.JsonHelpers)}.PlainOptions;");
            new JsonCode(_context).Write(writer, property.Type, false, value);
            writer.Outdent();
            writer.Line($"}}), {tail});");
            lines.AddRange(writer.ToString().TrimEnd('\n').Split('\n'));
        }

        if (property.IsNullable)
        {
            w.Open($"if ({name} is {{ }} checked_{property.Name})");
        }

        foreach (var line in lines)
        {
            w.Line(line);
        }

        if (property.IsNullable)
        {
            w.Close();
        }
    }
}
