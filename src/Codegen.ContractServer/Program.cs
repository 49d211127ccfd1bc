using Codegen.ContractServer;

// dotnet run --project src/Codegen.ContractServer -- --contract schema/modelslab-completions.schema.json [--urls http://127.0.0.1:5055] [--api-key KEY]
var options = new ContractServerOptions { Urls = "http://127.0.0.1:5055", Logging = true };
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--contract": options.ContractPath = args[i + 1]; break;
        case "--urls": options.Urls = args[i + 1]; break;
        case "--api-key": options.ApiKey = args[i + 1]; break;
        default:
            Console.Error.WriteLine($"Unknown option {args[i]}. Usage: --contract <file> [--urls <urls>] [--api-key <key>]");
            return 2;
    }
}

if (options.ContractPath is null)
{
    Console.Error.WriteLine("Usage: --contract <file> [--urls <urls>] [--api-key <key>]");
    return 2;
}

await using var server = await ContractServer.StartAsync(options);
Console.WriteLine($"Serving {Path.GetFileName(options.ContractPath)} at {server.BaseAddress} (also under /v1). Ctrl+C stops.");
foreach (var operation in server.Operations)
{
    Console.WriteLine($"  {operation.Method} {operation.Path}{(operation.Stream is null ? string.Empty : " (streams with " + operation.Stream.FlagJsonName + ": true)")}");
}

await server.WaitForShutdownAsync();
return 0;
