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

    public JsonLiteral? Default { get; init; }

    public required ConstraintSpec Constraints { get; init; }

    public bool IsDeprecated { get; init; }

    /// <summary>JSON pointer of the property's schema node.</summary>
    public required string SchemaPointer { get; init; }
}

/// <summary>A JSON value from the contract (a default): its kind and its JSON text.</summary>
public sealed record JsonLiteral(JsonLiteralKind Kind, string Json);

public enum JsonLiteralKind
{
    Null,
    Boolean,
    Integer,
    Number,
    String,
    Other,
}

/// <summary>
/// The validation keywords of a property. Numeric bounds are kept as decimals so that they print
/// exactly as the contract wrote them.
/// </summary>
public sealed record ConstraintSpec
{
    public static ConstraintSpec None { get; } = new();

    public decimal? Minimum { get; init; }

    public bool MinimumIsExclusive { get; init; }

    public decimal? Maximum { get; init; }

    public bool MaximumIsExclusive { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public string? Pattern { get; init; }

    public int? MinItems { get; init; }

    public int? MaxItems { get; init; }

    public bool HasRange => Minimum is not null || Maximum is not null;

    public bool IsEmpty => this == None;
}
