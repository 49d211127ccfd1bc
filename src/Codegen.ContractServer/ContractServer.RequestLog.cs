using System.Diagnostics;

namespace Codegen.ContractServer;

/// <summary>One answered request, for a request log: what was asked, how it was answered, how long it took.</summary>
/// <param name="Elapsed">From the request's arrival to the end of the answer (a stream's last event included).</param>
/// <param name="RequestId">The <c>x-request-id</c> the answer carried.</param>
public sealed record ContractServerRequest(string Method, string Path, int Status, TimeSpan Elapsed, string? RequestId, string? ContentType);

public sealed partial class ContractServer
{
    private static void UseRequestLog(WebApplication app, ContractServerOptions options)
    {
        if (options.RequestLog is not { } log)
        {
            return;
        }

        app.Use(async (http, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(http);
            }
            finally
            {
                var request = http.Request;
                var status = http.RequestAborted.IsCancellationRequested && !http.Response.HasStarted ? 499 : http.Response.StatusCode;
                log(new ContractServerRequest(
                    request.Method,
                    request.Path.Value + request.QueryString.Value,
                    status,
                    Stopwatch.GetElapsedTime(started),
                    http.Response.Headers["x-request-id"].FirstOrDefault(),
                    http.Response.ContentType));
            }
        });
    }
}
