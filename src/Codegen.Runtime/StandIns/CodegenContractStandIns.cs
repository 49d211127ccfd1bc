namespace Codegen.Runtime;

// What the generator writes per contract, standing in here so that this project compiles on its own and its
// tests can use the client's shared part. Not embedded in the generator (see Codegen.Emitters.csproj).

/// <summary>The per-contract part of <see cref="CodegenClient"/>; a real contract adds its operations here.</summary>
public sealed partial class CodegenClient
{
    /// <summary>The name of the client's <see cref="global::System.Diagnostics.ActivitySource"/>.</summary>
    public const string ActivitySourceName = "Codegen.Runtime.CodegenClient";

    /// <summary>The name of the <c>HttpClient</c> the DI registration asks <c>IHttpClientFactory</c> for.</summary>
    public const string HttpClientName = "Codegen.Runtime.CodegenClient";
}

/// <summary>The per-contract part of <see cref="CodegenClientServiceCollectionExtensions"/>: the method named for the contract.</summary>
public static partial class CodegenClientServiceCollectionExtensions
{
    /// <summary>Registers <see cref="CodegenClient"/>, as <c>services.AddModelsLabClient()</c> does for that contract.</summary>
    public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder AddCodegenClient(
        this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services,
        global::System.Action<CodegenClientOptions>? configure = null) => AddClient(services, configure);
}

/// <summary>The per-contract rules document (the generator embeds the contract's); tests set <see cref="Document"/>.</summary>
internal static class CodegenSchemas
{
    /// <summary>The rules document the checks read; the generator writes a lazily read constant here.</summary>
    public static CodegenSchemaDocument Document { get; set; } = new CodegenSchemaDocument(CodegenJson.Parse("{}"), CodegenSchemaDialect.Draft07);

    public static CodegenSchema Get(string pointer) => Document.Get(pointer);
}
