using Microsoft.Extensions.DependencyInjection;
using ModelsLab.Completions;

namespace Codegen.Client.Tests;

[Collection(ServerCollection.Name)]
public sealed class DependencyInjectionTests(ServerFixture fixture)
{
    [Fact]
    public async Task AddModelsLabClient_registers_a_working_client_over_IHttpClientFactory()
    {
        var services = new ServiceCollection();
        var handlerCalls = 0;
        services.AddModelsLabClient(options =>
            {
                options.BaseUri = fixture.Server.BaseAddress;
                options.ApiKey = ServerFixture.ApiKey;
            })
            .AddHttpMessageHandler(() => new CountingHandler(() => Interlocked.Increment(ref handlerCalls)));

        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ModelsLabClient>();
        var response = await client.CreateCompletionAsync(CompletionRequest.CreateBuilder("hello there").WithMaxTokens(3).Build());

        Assert.Equal(3, response.Usage!.CompletionTokens);
        Assert.Equal(1, handlerCalls); // the factory's pipeline, with the handler the caller added, carried the request
        Assert.NotSame(client, provider.GetRequiredService<ModelsLabClient>());
    }

    private sealed class CountingHandler(Action onSend) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            onSend();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
