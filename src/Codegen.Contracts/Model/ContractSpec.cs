namespace Codegen.Contracts.Model;

// Every type in this folder is an immutable value: records of strings, numbers, other records and
// EquatableArray<T>. The incremental generator caches on their equality, so nothing here may hold a
// Roslyn symbol, a syntax node, a JSON library object or a mutable collection. A test walks the
// model to prove it.

/// <summary>What kind of document a contract is.</summary>
public enum ContractKind
{
    /// <summary>A JSON Schema with the <c>x-codegen</c> extension for what JSON Schema cannot say.</summary>
    JsonSchema,

    OpenApi30,

    OpenApi31,
}

/// <summary>Everything the generator knows about one contract file.</summary>
public sealed record ContractSpec
{
    /// <summary>The contract file's name without folders, for hint names and messages.</summary>
    public required string FileName { get; init; }

    /// <summary>The contract file's full path: what tells two contracts of the same file name apart.</summary>
    public string FilePath { get; init; } = string.Empty;

    public ContractKind Kind { get; init; }

    /// <summary>C# namespace of the generated code.</summary>
    public required string Namespace { get; init; }

    /// <summary>Prefix of the contract-wide types (<c>{Prefix}JsonContext</c>, <c>{Prefix}Client</c>, ...).</summary>
    public required string Prefix { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    /// <summary>The API's version (OpenAPI's <c>info.version</c>).</summary>
    public string? Version { get; init; }

    /// <summary>Every rule of the contract: its schemas at their own JSON pointers, annotations left out (see <see cref="RulesSpec"/>).</summary>
    public required RulesSpec Rules { get; init; }

    public required EquatableArray<ServerSpec> Servers { get; init; }

    /// <summary>The security schemes the client supports.</summary>
    public EquatableArray<SecuritySchemeSpec> SecuritySchemes { get; init; }

    /// <summary>The schemes that apply to an operation that names none (any one of them).</summary>
    public EquatableArray<string> DefaultSecurity { get; init; }

    public required EquatableArray<OperationSpec> Operations { get; init; }

    /// <summary>Every generated type, in the order of the contract's definitions, inline types after their owner.</summary>
    public required EquatableArray<TypeSpec> Types { get; init; }
}

/// <summary>
/// The rules document: JSON text holding every schema the contract checks values against, at the JSON
/// pointers the model names (<see cref="TypeSpec.SchemaPointer"/>, <see cref="PropertySpec.SchemaPointer"/>, ...),
/// and the dialect that gives its keywords their meaning. The generated code embeds it and every consumer
/// reads it with the one rules engine.
/// </summary>
/// <param name="Dialect">The name of a <c>CodegenSchemaDialect</c> member: <c>Draft07</c>, <c>Draft202012</c>, <c>OpenApi30</c>, <c>OpenApi31</c>.</param>
public sealed record RulesSpec(string Dialect, string Document);

/// <summary>A base address the API is served from; the URL may hold <c>{variables}</c>.</summary>
public sealed record ServerSpec(string Url, string? Description, bool IsDefault)
{
    public EquatableArray<ServerVariableSpec> Variables { get; init; }
}

/// <summary>One HTTP operation of the contract.</summary>
public sealed record OperationSpec
{
    /// <summary>PascalCase operation name, e.g. <c>CreateCompletion</c> (methods add <c>Async</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The contract's own id for the operation, when it has one.</summary>
    public string? OperationId { get; init; }

    /// <summary>Upper-case HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>Path relative to the server's base address, starting with <c>/</c>; may hold <c>{parameters}</c>.</summary>
    public required string Path { get; init; }

    public string? Summary { get; init; }

    public string? Description { get; init; }

    public bool IsDeprecated { get; init; }

    public EquatableArray<string> Tags { get; init; }

    /// <summary>Path, query, header and cookie parameters, in the contract's order.</summary>
    public EquatableArray<ParameterSpec> Parameters { get; init; }

    public BodySpec? Body { get; init; }

    public EquatableArray<ResponseSpec> Responses { get; init; }

    /// <summary>How the operation streams, when it does.</summary>
    public StreamSpec? Stream { get; init; }

    /// <summary>The schemes the operation accepts; empty means the contract's default (see <see cref="HasOwnSecurity"/>).</summary>
    public EquatableArray<string> Security { get; init; }

    /// <summary>The operation names its own security (an empty <see cref="Security"/> then means none).</summary>
    public bool HasOwnSecurity { get; init; }

    /// <summary>Servers of this operation only, overriding the contract's.</summary>
    public EquatableArray<ServerSpec> Servers { get; init; }

    /// <summary>The response a call returns: the first 2XX one that is not an event stream.</summary>
    public ResponseSpec? Success
    {
        get
        {
            foreach (var response in Responses)
            {
                if (response.IsSuccess && response.Kind != BodyKind.EventStream)
                {
                    return response;
                }
            }

            return null;
        }
    }
}

/// <summary>How an operation streams: the event type, the request flag that turns streaming on, and the end marker.</summary>
public sealed record StreamSpec
{
    /// <summary>The type of one event's data.</summary>
    public required TypeRef EventType { get; init; }

    public string? EventSchemaPointer { get; init; }

    /// <summary>JSON name of the boolean request property that asks for a stream, when the request has one.</summary>
    public string? FlagJsonName { get; init; }

    /// <summary>C# name of that property.</summary>
    public string? FlagPropertyName { get; init; }

    /// <summary>The <c>data:</c> payload that ends the stream, e.g. <c>[DONE]</c>.</summary>
    public required string DoneSentinel { get; init; }

    /// <summary>The contract declares the terminator, so a stream that ends without it was cut short.</summary>
    public bool DoneIsRequired { get; init; }
}
