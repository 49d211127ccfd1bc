namespace Codegen.Runtime;

/// <summary>Registers <see cref="CodegenClient"/> with <c>IHttpClientFactory</c>.</summary>
public static class CodegenClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers a transient <see cref="CodegenClient"/> over a named <c>HttpClient</c> from the factory, which
    /// owns the handler. Returns the client builder so that handlers and policies can be added.
    /// </summary>
    public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder AddCodegenClient(
        this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services,
        global::System.Action<CodegenClientOptions>? configure = null)
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
