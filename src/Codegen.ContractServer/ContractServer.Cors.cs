namespace Codegen.ContractServer;

/// <summary>
/// Cross-origin requests for browser apps under development, only when asked for
/// (<see cref="ContractServerOptions.CorsOrigins"/>): any header and method, and the headers a client
/// reads from the answer exposed.
/// </summary>
public sealed partial class ContractServer
{
    private static readonly string[] ExposedHeaders = ["x-request-id", "retry-after", "retry-after-ms", "Preference-Applied"];

    private static void AddCors(IServiceCollection services, ContractServerOptions options)
    {
        if (options.CorsOrigins is { Count: > 0 })
        {
            services.AddCors();
        }
    }

    private static void UseCors(WebApplication app, ContractServerOptions options)
    {
        if (options.CorsOrigins is not { Count: > 0 } origins)
        {
            return;
        }

        app.UseCors(policy =>
        {
            if (origins.Contains("*"))
            {
                policy.AllowAnyOrigin();
            }
            else
            {
                policy.WithOrigins([.. origins]);
            }

            policy.AllowAnyHeader().AllowAnyMethod().WithExposedHeaders(ExposedHeaders);
        });
    }
}
