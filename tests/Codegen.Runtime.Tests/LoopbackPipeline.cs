using Codegen.Testing;

namespace Codegen.Runtime.Tests;

/// <summary>The runtime's client pipeline pointed at a <see cref="LoopbackServer"/>.</summary>
internal static class LoopbackPipeline
{
    /// <summary>A pipeline to this server with fast retries, so that retry tests take milliseconds.</summary>
    public static CodegenClientPipeline Pipeline(this LoopbackServer server, HttpClient http, Action<CodegenClientOptions>? configure = null)
    {
        var options = new CodegenClientOptions
        {
            BaseUri = server.BaseAddress,
            ApiKey = "sk-runtime-test-key-0123456789",
            Timeout = TimeSpan.FromSeconds(10),
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            MaxRetryDelay = TimeSpan.FromMilliseconds(20),
        };
        configure?.Invoke(options);
        return new CodegenClientPipeline(http, options);
    }
}
