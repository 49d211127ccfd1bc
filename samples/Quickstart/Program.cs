using System.Globalization;
using Codegen.ContractServer;
using ModelsLab.Completions;

// With MODELSLAB_API_KEY set, this talks to ModelsLab; without it, to a local server that serves the same contract.
var options = new ModelsLabClientOptions();
ContractServer? server = null;
if (string.IsNullOrEmpty(options.ApiKey))
{
    server = await ContractServer.StartAsync(new ContractServerOptions { ContractPath = FindContract() });
    options.BaseUri = server.BaseAddress;
    Console.WriteLine($"{ModelsLabClientOptions.ApiKeyEnvironmentVariable} is not set: using the contract server started at {server.BaseAddress}");
}
else
{
    Console.WriteLine($"Using {options.BaseUri}");
}

try
{
    using var client = new ModelsLabClient(options);
    var request = CompletionRequest.CreateBuilder("Write a tagline for an ice cream shop.")
        .WithMaxTokens(32)
        .WithTemperature(0.7)
        .Build();

    Console.WriteLine();
    Console.WriteLine("One completion:");
    var response = await client.CreateCompletionAsync(request);
    Console.WriteLine($"  {response.Choices[0].Text.Trim()}");
    Console.WriteLine($"  (finish_reason {response.Choices[0].FinishReason?.Value ?? "none"}, {response.Usage?.TotalTokens} tokens)");

    Console.WriteLine();
    Console.WriteLine("Streamed, chunk by chunk:");
    Console.Write("  ");
    await foreach (var chunk in client.CreateCompletionStreamingAsync(request))
    {
        if (chunk.Choices.Count > 0)
        {
            Console.Write(chunk.Choices[0].Text);
        }
    }

    Console.WriteLine();
    Console.WriteLine();
    Console.WriteLine("A request that breaks the contract is rejected before it is sent:");

    // Values from users or configuration are checked at run time. A constant would not even compile:
    // `request with { Temperature = 3 }` is build error CG1001, caught by the package's analyzers.
    var fromConfiguration = new { Temperature = double.Parse("3", CultureInfo.InvariantCulture), MaxTokens = int.Parse("0", CultureInfo.InvariantCulture) };
    try
    {
        await client.CreateCompletionAsync(request with { Temperature = fromConfiguration.Temperature, MaxTokens = fromConfiguration.MaxTokens });
    }
    catch (ModelsLabValidationException ex)
    {
        foreach (var violation in ex.Violations)
        {
            Console.WriteLine($"  {violation}");
        }
    }
}
finally
{
    if (server is not null)
    {
        await server.DisposeAsync();
    }
}

// The contract ships next to the sample in this repository; walk up from the build output to find it.
static string FindContract()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        var candidate = Path.Combine(directory.FullName, "schema", "modelslab-completions.schema.json");
        if (File.Exists(candidate))
        {
            return candidate;
        }
    }

    throw new FileNotFoundException("schema/modelslab-completions.schema.json was not found above " + AppContext.BaseDirectory);
}
