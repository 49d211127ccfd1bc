namespace Codegen.Contracts.Reading;

/// <summary>
/// Everything the parser reads for one contract: the file, and what the project says about it in item
/// metadata (<c>&lt;CodegenContract Include="openapi.yaml" Namespace="..." Prefix="..." Overlay="..." Operations="..." ApiKeyEnvironmentVariable="..." /&gt;</c>).
/// A value: the generator caches on its equality.
/// </summary>
public sealed record ContractInput(string Path, string Text)
{
    /// <summary>The C# namespace, overriding the contract's own choice.</summary>
    public string? Namespace { get; init; }

    /// <summary>The prefix of contract-wide types, overriding the contract's own choice.</summary>
    public string? Prefix { get; init; }

    /// <summary>The path of an OpenAPI Overlay to apply before reading.</summary>
    public string? OverlayPath { get; init; }

    /// <summary>The overlay's text, or null when it was named but not found.</summary>
    public string? OverlayText { get; init; }

    /// <summary>
    /// The environment variable the client reads its key from when none is set (item metadata
    /// <c>ApiKeyEnvironmentVariable</c>), overriding the contract's <c>x-codegen.auth.env</c> and the <c>{PREFIX}_API_KEY</c> default.
    /// </summary>
    public string? ApiKeyEnvironmentVariable { get; init; }

    /// <summary>Which operations to generate; empty selects them all.</summary>
    public OperationSelection Selection { get; init; } = OperationSelection.All;
}
