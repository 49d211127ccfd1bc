using System.Collections.Generic;
using System.Linq;
using Codegen.Contracts.Model;
using Codegen.Emitters.Json;
using Codegen.Emitters.Validation;

namespace Codegen.Emitters.Types;

/// <summary>
/// Emits an object type: the record with its properties, constants, defaults and validation (this file), its
/// builder (<see cref="BuilderEmitter"/>) and its JSON converter (<see cref="ObjectJsonEmitter"/>).
/// </summary>
internal sealed class ObjectEmitter
{
    private readonly EmitContext _context;

    public ObjectEmitter(EmitContext context) => _context = context;

    public void Emit(SourceWriter w, ObjectTypeSpec type)
    {
        w.Summary(type.Description ?? $"The '{type.Name}' object of the contract.");
        w.Line($"{CSharp.GeneratedCodeAttribute.TrimEnd(']')}, global::System.Text.Json.Serialization.JsonConverter(typeof({_context.Global(type.Name)}.JsonConverter))]");
        w.Open($"public sealed partial record {type.Name}");

        foreach (var property in type.Properties)
        {
            EmitProperty(w, property);
        }


        if (NullFields(type).Any())
        {
            w.Line($"private ulong {string.Join(", ", NullFields(type))};");
        }

        w.Summary(type.IsClosed
            ? "Properties the contract does not name, as received and written back; the contract allows none (Validate() reports them)."
            : "Properties the contract does not name, as received; written back, so nothing is lost in a round trip.");
        w.Line("public global::System.Collections.Generic.IReadOnlyDictionary<string, global::System.Text.Json.JsonElement>? AdditionalProperties { get; init; }");

        EmitDefaults(w, type);
        EmitValidation(w, type);
        if (type.IsSent)
        {
            new BuilderEmitter(_context).Emit(w, type);
        }
        new ObjectJsonEmitter(_context).Emit(w, type);
        w.Close();
    }

    /// <summary>The C# type of a property: nullable unless C# requires it and the contract forbids null.</summary>
    public static string PropertyType(EmitContext context, PropertySpec property) =>
        context.TypeName(property.Type) + (IsNullableInCSharp(property) ? "?" : string.Empty);

    public static bool IsNullableInCSharp(PropertySpec property) => property.IsNullable || !IsRequiredInCSharp(property);

    /// <summary>
    /// C# requires what the contract requires from whoever builds the object, except a required constant (it is filled in) and
    /// members one side never sends (<c>readOnly</c> ones the client does not set, <c>writeOnly</c> ones the server leaves out).
    /// </summary>
    public static bool IsRequiredInCSharp(PropertySpec property) =>
        property.IsRequired && property.Constant is null && !property.IsReadOnly && !property.IsWriteOnly;

    /// <summary>
    /// Optional properties that accept null keep track of whether they were set, so that an explicit
    /// <c>null</c> is written back while an unset property is left out of the JSON.
    /// </summary>
    public static bool TracksPresence(PropertySpec property) => property.IsNullable && !IsRequiredInCSharp(property);

    /// <summary>
    /// Optional properties that do not accept null read a JSON null leniently (as unset, so the object can be used),
    /// but remember it: it is written back, and Validate() reports it, so nothing is silently changed.
    /// </summary>
    public static bool RemembersNull(PropertySpec property) => !property.IsNullable && !IsRequiredInCSharp(property);

    public static string Field(PropertySpec property) => "_" + property.ParameterName.TrimStart('@');

    /// <summary>
    /// Where a type remembers which properties were read as null: one bit per such property, in <c>_readNulls0</c>,
    /// <c>_readNulls1</c>, ... (a value, so two objects read from the same JSON stay equal).
    /// </summary>
    public static Dictionary<string, (string Field, string Mask)> NullBits(ObjectTypeSpec type)
    {
        var bits = new Dictionary<string, (string, string)>(System.StringComparer.Ordinal);
        foreach (var property in type.Properties)
        {
            if (RemembersNull(property))
            {
                var bit = bits.Count;
                bits[property.JsonName] = ("_readNulls" + (bit / 64).ToString(System.Globalization.CultureInfo.InvariantCulture), "0x" + (1UL << (bit % 64)).ToString("X", System.Globalization.CultureInfo.InvariantCulture) + "UL");
            }
        }

        return bits;
    }

    /// <summary>The fields of <see cref="NullBits"/>.</summary>
    public static IEnumerable<string> NullFields(ObjectTypeSpec type) => NullBits(type).Values.Select(b => b.Field).Distinct();

    private void EmitProperty(SourceWriter w, PropertySpec property)
    {
        w.Summary(property.Description);
        if (property.Constant is { } constant)
        {
            w.DocBlock("remarks", "The contract allows only " + constant.ToJson() + ", which is set for you.");
        }
        else if (property.Default is { Kind: not ContractValueKind.Null } value)
        {
            w.DocBlock("remarks", "Left unset, the property is not sent and the server's default applies: " + value.ToJson() + ".");
        }

        var attributes = $"[global::System.Text.Json.Serialization.JsonPropertyName({CSharp.StringLiteral(property.JsonName)}), {SchemasEmitter.Attribute(_context, property.JsonName, property.SchemaPointer).TrimStart('[')}"
            // C# forbids [Obsolete] on a required member (CS9042): a required deprecated property is documented as such instead.
            + (property.IsDeprecated && !IsRequiredInCSharp(property) ? "[global::System.Obsolete(\"Deprecated by the contract.\")]" : string.Empty);

        var type = PropertyType(_context, property);
        if (TracksPresence(property))
        {
            var field = Field(property);
            w.Line($"{attributes} public {type} {property.Name} {{ get => {field}; init {{ {field} = value; {field}IsSet = true; }} }}");
            w.Line($"private {type} {field};");
            w.Line($"private bool {field}IsSet;");
            return;
        }

        var required = IsRequiredInCSharp(property) ? "required " : string.Empty;
        // A required constant is filled in, so that nobody has to write it; what a reader reads replaces it.
        var initializer = property.Constant is { } fixedValue && property.IsRequired ? $" = {CSharp.StringLiteral(fixedValue.Text)};" : string.Empty;
        w.Line($"{attributes} public {required}{type} {property.Name} {{ get; init; }}{initializer}");
    }

    private static void EmitDefaults(SourceWriter w, ObjectTypeSpec type)
    {
        var defaults = type.Properties
            .Select(p => (Property: p, Literal: p.Default is { } value && p.Constant is null ? DefaultLiteral(p.Type, value) : null))
            .Where(d => d.Literal is not null)
            .ToList();
        if (defaults.Count == 0)
        {
            return;
        }

        w.Summary("The contract's defaults: what the server uses for a property that is not sent.");
        w.Open("public static class Defaults");
        foreach (var (property, literal) in defaults)
        {
            w.Summary($"Default of '{property.JsonName}'.");
            w.Line($"public const {literal!.Value.Type} {property.Name} = {literal.Value.Value};");
        }

        w.Close();
    }

    /// <summary>A C# constant for a default of a type that has constants; null for others (they stay in the documentation).</summary>
    private static (string Type, string Value)? DefaultLiteral(TypeRef type, ContractValue value)
    {
        switch (value.Kind)
        {
            case ContractValueKind.String when type.Kind is TypeRefKind.String or TypeRefKind.Enum:
                return ("string", CSharp.StringLiteral(value.Text));
            case ContractValueKind.Boolean when type.Kind == TypeRefKind.Boolean:
                return ("bool", value.Text);
            case ContractValueKind.Integer or ContractValueKind.Number when type.Kind is TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Number:
                if (!decimal.TryParse(value.Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
                {
                    return null;
                }

                if (type.Kind == TypeRefKind.Number)
                {
                    return ("double", CSharp.DoubleLiteral(number));
                }

                return CSharp.IntegerLiteral(number, type.Kind) is { } integer ? (type.Kind == TypeRefKind.Int32 ? "int" : "long", integer) : null;
            default:
                return null;
        }
    }

    private void EmitValidation(SourceWriter w, ObjectTypeSpec type)
    {
        var violation = _context.Global(_context.Names.ContractViolation);
        w.Summary("Every way this object breaks the contract's rules (path, rule, value), as the contract server and the analyzers see it; ThrowIfInvalid throws them.");
        w.Line($"public global::System.Collections.Generic.IReadOnlyList<{violation}> Validate() => {_context.Global(_context.Names.ValidationHelpers)}.Validate(this, JsonConverter.Instance, {CSharp.StringLiteral(type.SchemaPointer)});");
        w.Line($"public void ThrowIfInvalid() => {_context.Global(_context.Names.ValidationHelpers)}.ThrowIfAny(Validate());");
    }
}
