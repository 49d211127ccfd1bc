namespace Codegen.Contracts.Model;

/// <summary>
/// What a property or union case holds. Named types are referred to by their generated C# name, never by
/// a symbol or schema object.
/// </summary>
public sealed record TypeRef
{
    public required TypeRefKind Kind { get; init; }

    /// <summary>The generated type's C# name when <see cref="Kind"/> is Object, Union, Enum or File.</summary>
    public string? Name { get; init; }

    /// <summary>The item type of an Array, or the value type of a Map.</summary>
    public TypeRef? Item { get; init; }

    /// <summary>Whether null is a valid item (only meaningful on an Array's or Map's <see cref="Item"/>).</summary>
    public bool ItemIsNullable { get; init; }

    public static TypeRef String { get; } = new() { Kind = TypeRefKind.String };

    public static TypeRef Int32 { get; } = new() { Kind = TypeRefKind.Int32 };

    public static TypeRef Int64 { get; } = new() { Kind = TypeRefKind.Int64 };

    public static TypeRef Number { get; } = new() { Kind = TypeRefKind.Number };

    public static TypeRef Boolean { get; } = new() { Kind = TypeRefKind.Boolean };

    public static TypeRef Any { get; } = new() { Kind = TypeRefKind.Any };

    public static TypeRef Bytes { get; } = new() { Kind = TypeRefKind.Bytes };

    /// <summary>The contract's file type (<c>{Prefix}File</c>): raw bytes with a name and a content type.</summary>
    public static TypeRef FileOf(string typeName) => new() { Kind = TypeRefKind.File, Name = typeName };

    public static TypeRef ArrayOf(TypeRef item, bool itemIsNullable = false) =>
        new() { Kind = TypeRefKind.Array, Item = item, ItemIsNullable = itemIsNullable };

    public static TypeRef MapOf(TypeRef value, bool valueIsNullable = false) =>
        new() { Kind = TypeRefKind.Map, Item = value, ItemIsNullable = valueIsNullable };

    public static TypeRef Named(TypeRefKind kind, string name) => new() { Kind = kind, Name = name };

    /// <summary>True for kinds emitted as C# value types (numbers, booleans, enums, JSON elements).</summary>
    public bool IsValueType => Kind is TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Number
        or TypeRefKind.Boolean or TypeRefKind.Enum or TypeRefKind.Any;
}

public enum TypeRefKind
{
    String,
    Int32,
    Int64,
    Number,
    Boolean,

    /// <summary>Any JSON value (the contract says nothing more): <c>JsonElement</c>.</summary>
    Any,
    Array,

    /// <summary>An object whose property names are data (<c>additionalProperties</c> with a schema).</summary>
    Map,
    Object,
    Union,
    Enum,

    /// <summary>Bytes in a JSON string, base64-encoded (<c>format: byte</c>): <c>byte[]</c>.</summary>
    Bytes,

    /// <summary>Raw bytes with a file name and content type (<c>format: binary</c>; a multipart file, a binary body).</summary>
    File,
}
