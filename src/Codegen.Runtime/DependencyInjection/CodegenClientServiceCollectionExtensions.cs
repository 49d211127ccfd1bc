namespace Codegen.Runtime;

/// <summary>Registers <see cref="CodegenClient"/> with <c>IHttpClientFactory</c>.</summary>
/// <remarks>The generator writes the public method, named for the contract (<c>AddModelsLabClient</c>), which calls <see cref="AddClient"/>.</remarks>
public static partial class CodegenClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers a transient <see cref="CodegenClient"/> over a named <c>HttpClient</c> from the factory, which
    /// owns the handler. Returns the client builder so that handlers and policies can be added.
    /// </summary>
    private static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder AddClient(
        global::Microsoft.Extensions.DependencyInjection.IServiceCollection services,
        global::System.Action<CodegenClientOptions>? configure)
    {
        if (services is null)
        {
            throw new global::System.ArgumentNullException(nameof(services));
        }

        var options = new CodegenClientOptions();
        configure?.Invoke(options);
        var builder = global::Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.AddHttpClient(services, CodegenClient.HttpClientName);
        global::Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddTransient<CodegenClient>(services, provider =>
        {
            var factory = global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<global::System.Net.Http.IHttpClientFactory>(provider);
            return new CodegenClient(factory.CreateClient(CodegenClient.HttpClientName), options);
        });
        return builder;
    }
}
