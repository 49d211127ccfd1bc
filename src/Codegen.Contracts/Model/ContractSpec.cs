namespace Codegen.Contracts.Model;

// Every type in this folder is an immutable value: records of strings, numbers, other records and
// EquatableArray<T>. The incremental generator caches on their equality, so nothing here may hold a
// Roslyn symbol, a syntax node, a JSON library object or a mutable collection. A test walks the
// model to prove it.

/// <summary>Everything the generator knows about one contract file.</summary>
public sealed record ContractSpec
{
    /// <summary>The contract file's name without folders, for hint names and messages.</summary>
    public required string FileName { get; init; }

    /// <summary>The contract file's full path: what tells two contracts of the same file name apart.</summary>
    public string FilePath { get; init; } = string.Empty;

    /// <summary>C# namespace of the generated code.</summary>
    public required string Namespace { get; init; }

    /// <summary>Prefix of the contract-wide types (<c>{Prefix}JsonContext</c>, <c>{Prefix}Client</c>, ...).</summary>
    public required string Prefix { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public required EquatableArray<ServerSpec> Servers { get; init; }

    public AuthSpec? Auth { get; init; }

    public required EquatableArray<OperationSpec> Operations { get; init; }

    /// <summary>Every generated type, in the order of the contract's definitions, inline types after their owner.</summary>
    public required EquatableArray<TypeSpec> Types { get; init; }
}

/// <summary>A base address the API is served from; the URL may hold <c>{variables}</c>.</summary>
public sealed record ServerSpec(string Url, string? Description, bool IsDefault)
{
    public EquatableArray<ServerVariableSpec> Variables { get; init; }
}

/// <summary>How a client authenticates: the scheme (only <c>bearer</c> today) and where the key comes from.</summary>
public sealed record AuthSpec(string Scheme, string? EnvironmentVariable);

/// <summary>One HTTP operation of the contract.</summary>
public sealed record OperationSpec
{
    /// <summary>PascalCase operation name, e.g. <c>CreateCompletion</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Upper-case HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>Path relative to the server's base address, starting with <c>/</c>.</summary>
    public required string Path { get; init; }

    public string? Description { get; init; }

    /// <summary>The generated type name of the request body, or null when the operation has no body.</summary>
    public string? RequestType { get; init; }

    /// <summary>The definition name of the request body as written in the contract.</summary>
    public string? RequestDefinition { get; init; }

    public required string ResponseType { get; init; }

    public required string ResponseDefinition { get; init; }

    public StreamSpec? Stream { get; init; }
}

/// <summary>How an operation streams: the request flag that turns streaming on, the chunk type and the end marker.</summary>
public sealed record StreamSpec
{
    /// <summary>JSON name of the boolean request property that asks for a stream.</summary>
    public required string FlagJsonName { get; init; }

    /// <summary>C# name of that property.</summary>
    public required string FlagPropertyName { get; init; }

    public required string ChunkType { get; init; }

    public required string ChunkDefinition { get; init; }

    /// <summary>The <c>data:</c> payload that ends the stream, e.g. <c>[DONE]</c>.</summary>
    public required string DoneSentinel { get; init; }
}
