namespace Codegen.Contracts.Model;

/// <summary>A property of an object type.</summary>
public sealed record PropertySpec
{
    /// <summary>The name on the wire, exactly as the contract spells it.</summary>
    public required string JsonName { get; init; }

    /// <summary>The C# property name (valid, unique within its type, never a reserved member name).</summary>
    public required string Name { get; init; }

    /// <summary>A camelCase name for parameters.</summary>
    public required string ParameterName { get; init; }

    public string? Description { get; init; }

    public required TypeRef Type { get; init; }

    /// <summary>Listed in the schema's <c>required</c>.</summary>
    public bool IsRequired { get; init; }

    /// <summary>The schema accepts <c>null</c> for this property.</summary>
    public bool IsNullable { get; init; }

    /// <summary>The contract's default, when it is a valid value of the property.</summary>
    public ContractValue? Default { get; init; }

    /// <summary>The only value the property can have (<c>const</c>, or an enum of one string), which generated code fills in.</summary>
    public ContractValue? Constant { get; init; }

    public bool IsDeprecated { get; init; }

    /// <summary>Sent by the server only (<c>readOnly</c>): builders do not offer it.</summary>
    public bool IsReadOnly { get; init; }

    /// <summary>Sent by the client only (<c>writeOnly</c>).</summary>
    public bool IsWriteOnly { get; init; }

    /// <summary>JSON pointer of the property's schema: its rules in the contract's rules document.</summary>
    public required string SchemaPointer { get; init; }

    /// <summary>The schema's <c>format</c> (<c>date-time</c>, <c>uuid</c>, ...), an annotation the rules document leaves out; the contract server writes values in it.</summary>
    public string? Format { get; init; }
}
