using Codegen.Testing;

namespace Codegen.Benchmarks.EndToEnd;

/// <summary>
/// The peers' server: a <see cref="LoopbackServer"/> (Kestrel on 127.0.0.1) that drains each request body and
/// answers with the documented example response, the same bytes for every client, so that the server's cost is
/// the same for all.
/// </summary>
public static class CompletionsEndpoint
{
    public static Task<LoopbackServer> StartAsync()
    {
        var body = Payloads.SmallResponse;
        return LoopbackServer.StartAsync(async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        });
    }
}
