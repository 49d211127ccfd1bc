using Codegen.ContractServer;
using Codegen.Contracts.Reading;

// dotnet run --project src/Codegen.ContractServer -- --contract <file> [--overlay <file>] [--urls http://127.0.0.1:5055] [--api-key KEY]
// (`codegen serve` is the full command: selection, CORS, reload on edit, a request log.)
const string Usage = "Usage: --contract <file> [--overlay <file>] [--urls <urls>] [--api-key <key>]";
var options = new ContractServerOptions { Urls = "http://127.0.0.1:5055", Logging = true };
string? overlayPath = null;
for (var i = 0; i < args.Length; i += 2)
{
    if (i + 1 >= args.Length)
    {
        Console.Error.WriteLine($"{args[i]} needs a value. {Usage}");
        return 2;
    }

    switch (args[i])
    {
        case "--contract": options.ContractPath = args[i + 1]; break;
        case "--overlay": overlayPath = args[i + 1]; break;
        case "--urls": options.Urls = args[i + 1]; break;
        case "--api-key": options.ApiKey = args[i + 1]; break;
        default:
            Console.Error.WriteLine($"Unknown option {args[i]}. {Usage}");
            return 2;
    }
}

if (options.ContractPath is null)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

if (overlayPath is not null)
{
    try
    {
        options.Input = new ContractInput(options.ContractPath, File.ReadAllText(options.ContractPath))
        {
            OverlayPath = overlayPath,
            OverlayText = File.ReadAllText(overlayPath),
        };
    }
    catch (IOException ex)
    {
        Console.Error.WriteLine($"Cannot read {ex.Message}");
        return 2;
    }
}

await using var server = await ContractServer.StartAsync(options);
Console.WriteLine($"Serving {Path.GetFileName(options.ContractPath)} at {server.BaseAddress} (also under /v1). Ctrl+C stops.");
foreach (var operation in server.Operations)
{
    Console.WriteLine($"  {operation.Method} {operation.Path}{(operation.Stream is null ? string.Empty : " (streams with " + operation.Stream.FlagJsonName + ": true)")}");
}

await server.WaitForShutdownAsync();
return 0;
