namespace Codegen.Contracts.Model;

/// <summary>A type the generator emits. See the note in ContractSpec.cs: values only.</summary>
public abstract record TypeSpec
{
    /// <summary>The C# type name (a valid, unique identifier).</summary>
    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>JSON pointer of the schema node the type comes from, e.g. <c>/definitions/CompletionRequest</c>.</summary>
    public required string SchemaPointer { get; init; }

    /// <summary>The type whose file this one is written in: the definition that owns an inline type (itself for a definition).</summary>
    public string? Group { get; init; }

    /// <summary>The schema's examples (JSON Schema's <c>examples</c>, OpenAPI's <c>example</c>), as compact JSON: what the contract server answers with.</summary>
    public EquatableArray<string> Examples { get; init; }
}

/// <summary>A JSON object with known properties: emitted as a <c>sealed partial record</c>.</summary>
public sealed record ObjectTypeSpec : TypeSpec
{
    public required EquatableArray<PropertySpec> Properties { get; init; }

    /// <summary><c>additionalProperties: false</c>: unknown members are violations (they are still kept, so nothing is lost).</summary>
    public bool IsClosed { get; init; }

    /// <summary>
    /// The client sends values of this type (it is in a request body or parameter, or the contract declares types only),
    /// so it gets a builder; a type only ever received does not need one.
    /// </summary>
    public bool IsSent { get; init; } = true;
}

/// <summary>
/// A <c>oneOf</c>/<c>anyOf</c> of distinguishable JSON shapes: emitted as a class with one case per
/// alternative and implicit conversions from each.
/// </summary>
public sealed record UnionTypeSpec : TypeSpec
{
    public required EquatableArray<UnionCaseSpec> Cases { get; init; }

    /// <summary>OpenAPI's discriminator: the property whose value names the case.</summary>
    public DiscriminatorSpec? Discriminator { get; init; }

    /// <summary>A <c>oneOf</c>: exactly one alternative may match (the rules engine checks it).</summary>
    public bool IsExclusive { get; init; }

    /// <summary>
    /// Two cases look alike on the wire (two objects, say), so a value is read as the first case whose schema
    /// accepts it rather than by its JSON type.
    /// </summary>
    public bool CasesShareShapes { get; init; }
}

/// <summary>One alternative of a union: its C# case name (<c>String</c>, <c>StringArray</c>), type, and the pointer of its schema.</summary>
public sealed record UnionCaseSpec(string Name, TypeRef Type)
{
    public string? SchemaPointer { get; init; }
}

/// <summary>The property that names a union's case, and which value names which case.</summary>
public sealed record DiscriminatorSpec(string PropertyName, EquatableArray<DiscriminatorMappingSpec> Mappings);

/// <summary>A value of the discriminator property and the case it selects.</summary>
public sealed record DiscriminatorMappingSpec(string Value, string CaseName);

/// <summary>
/// A string enumeration: emitted as a readonly struct with the known values as static members that
/// keeps any other value it is given. <see cref="IsOpen"/> says whether the contract allows other values.
/// </summary>
public sealed record EnumTypeSpec : TypeSpec
{
    public required EquatableArray<EnumMemberSpec> Members { get; init; }

    /// <summary>True when the contract accepts values beyond <see cref="Members"/> (<c>anyOf: [enum, string]</c>).</summary>
    public bool IsOpen { get; init; }
}

/// <summary>A known enum value: its C# member name and its wire value.</summary>
public sealed record EnumMemberSpec(string Name, string Value);
