namespace Codegen.Contracts.Model;

// The parts of an HTTP operation beyond its name and path. Values only, like the rest of the model.

/// <summary>Where a parameter travels.</summary>
public enum ParameterLocation
{
    Path,
    Query,
    Header,
    Cookie,
}

/// <summary>How a parameter's value is written (OpenAPI's <c>style</c>).</summary>
public enum ParameterStyle
{
    Simple,
    Form,
    Label,
    Matrix,
    SpaceDelimited,
    PipeDelimited,
    DeepObject,
}

/// <summary>How a request or response body is encoded.</summary>
public enum BodyKind
{
    /// <summary>No body.</summary>
    None,

    /// <summary>JSON (<c>application/json</c> or any <c>+json</c> type).</summary>
    Json,

    /// <summary><c>multipart/form-data</c>: fields, and files as streams.</summary>
    Multipart,

    /// <summary><c>application/x-www-form-urlencoded</c>.</summary>
    FormUrlEncoded,

    /// <summary>Text that is not JSON (<c>text/plain</c>, <c>application/sdp</c>, ...).</summary>
    Text,

    /// <summary>Bytes (<c>application/octet-stream</c>, audio, images, archives, ...).</summary>
    Binary,

    /// <summary>Server-sent events (<c>text/event-stream</c>).</summary>
    EventStream,
}

/// <summary>One parameter of an operation: its wire name, where it goes and how it is written.</summary>
public sealed record ParameterSpec
{
    /// <summary>The name on the wire, as the contract spells it.</summary>
    public required string Name { get; init; }

    /// <summary>The C# parameter name (camelCase, escaped, unique within the method).</summary>
    public required string ParameterName { get; init; }

    public required ParameterLocation Location { get; init; }

    public bool IsRequired { get; init; }

    public required TypeRef Type { get; init; }

    public bool IsNullable { get; init; }

    public ParameterStyle Style { get; init; }

    public bool Explode { get; init; }

    public string? Description { get; init; }

    public bool IsDeprecated { get; init; }

    /// <summary>JSON pointer of the parameter's schema (its rules), or null when it has none.</summary>
    public string? SchemaPointer { get; init; }
}

/// <summary>The request body of an operation.</summary>
public sealed record BodySpec
{
    public required BodyKind Kind { get; init; }

    public required string MediaType { get; init; }

    /// <summary>The body's type: an object type for JSON, multipart and form bodies; a string for text; <see cref="TypeRefKind.File"/> for bytes.</summary>
    public required TypeRef Type { get; init; }

    public bool IsRequired { get; init; }

    public string? Description { get; init; }

    public string? SchemaPointer { get; init; }

    /// <summary>How parts of a multipart body are written, from the media type's <c>encoding</c> object, by property.</summary>
    public EquatableArray<PartEncodingSpec> Encodings { get; init; }
}

/// <summary>
/// One entry of a body's <c>encoding</c> object, for the field of property <see cref="PropertyName"/> (its JSON name):
/// in a multipart body, the part's <see cref="ContentType"/> instead of the default (<c>application/octet-stream</c> for a
/// file without a type of its own, none for text, <c>application/json</c> for objects and arrays); in an
/// <c>application/x-www-form-urlencoded</c> body, the field's <see cref="Style"/> and <see cref="Explode"/>.
/// </summary>
public sealed record PartEncodingSpec(string PropertyName, string? ContentType)
{
    /// <summary>How a form field's list or object is written (form, spaceDelimited, pipeDelimited or deepObject).</summary>
    public ParameterStyle Style { get; init; } = ParameterStyle.Form;

    /// <summary>Whether a form field's list is one field per item (and an object one field per member).</summary>
    public bool Explode { get; init; } = true;
}

/// <summary>One documented response of an operation.</summary>
public sealed record ResponseSpec
{
    /// <summary><c>200</c>, <c>2XX</c> or <c>default</c>.</summary>
    public required string Status { get; init; }

    public string? Description { get; init; }

    public required BodyKind Kind { get; init; }

    public string? MediaType { get; init; }

    /// <summary>The body's type, or null when the response has no body or its schema says nothing.</summary>
    public TypeRef? Type { get; init; }

    public string? SchemaPointer { get; init; }

    /// <summary>The media type's documented examples (<c>example</c>, then each of <c>examples</c>), in the document's order.</summary>
    public EquatableArray<ExampleSpec> Examples { get; init; }

    /// <summary>True for 2XX statuses.</summary>
    public bool IsSuccess => Status.Length == 3 && Status[0] == '2';
}

/// <summary>A documented example of a body: its name in <c>examples</c> (empty for the single <c>example</c>) and its value as compact JSON.</summary>
public sealed record ExampleSpec(string Name, string Json);

/// <summary>How a client proves who it is.</summary>
public enum SecurityKind
{
    /// <summary><c>Authorization: Bearer &lt;key&gt;</c> (HTTP bearer, and OAuth 2 / OpenID Connect access tokens).</summary>
    Bearer,

    /// <summary><c>Authorization: Basic</c> with a user name and password.</summary>
    Basic,

    /// <summary>A key in a named header.</summary>
    ApiKeyHeader,

    /// <summary>A key in a named query parameter.</summary>
    ApiKeyQuery,

    /// <summary>A key in a named cookie.</summary>
    ApiKeyCookie,
}

/// <summary>A security scheme of the contract, and where the client finds its secret by default.</summary>
public sealed record SecuritySchemeSpec
{
    /// <summary>The scheme's name in the contract (<c>ApiKeyAuth</c>).</summary>
    public required string Name { get; init; }

    public required SecurityKind Kind { get; init; }

    /// <summary>The header, query parameter or cookie name of an API key.</summary>
    public string? ParameterName { get; init; }

    /// <summary>The environment variable the client reads the secret from when none is given.</summary>
    public string? EnvironmentVariable { get; init; }

    public string? Description { get; init; }
}

/// <summary>A variable in a server URL template (<c>https://{region}.example.com</c>).</summary>
public sealed record ServerVariableSpec(string Name, string Default, EquatableArray<string> Values, string? Description);
