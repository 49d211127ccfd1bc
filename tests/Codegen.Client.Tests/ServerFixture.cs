using Codegen.ContractServer;
using ModelsLab.Completions;

namespace Codegen.Client.Tests;

/// <summary>One contract server on a free loopback port, requiring <see cref="ApiKey"/>, shared by every test.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string ApiKey = "sk-test-7f3a9c1e5b2d4f6a8c0e";

    public global::Codegen.ContractServer.ContractServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var contract = Path.Combine(AppContext.BaseDirectory, "modelslab-completions.schema.json");
        Server = await global::Codegen.ContractServer.ContractServer.StartAsync(new ContractServerOptions { ContractPath = contract, ApiKey = ApiKey });
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>Options with short backoff so that retry tests take milliseconds, not seconds.</summary>
    public ModelsLabClientOptions Options(string? apiKey = ApiKey) => new()
    {
        BaseUri = Server.BaseAddress,
        ApiKey = apiKey,
        Timeout = TimeSpan.FromSeconds(10),
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDelay = TimeSpan.FromMilliseconds(100),
    };

    /// <summary>A client whose every request carries <paramref name="fault"/> (see the server's README).</summary>
    public ModelsLabClient Client(string? fault = null, Action<ModelsLabClientOptions>? configure = null)
    {
        var options = Options();
        configure?.Invoke(options);
        var http = new HttpClient();
        if (fault is not null)
        {
            http.DefaultRequestHeaders.Add("x-fault", fault);
        }

        return new ModelsLabClient(http, options);
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}
