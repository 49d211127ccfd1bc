using System.Text.Json.Nodes;
using Codegen.ContractServer;

namespace Codegen.Generator.Tests;

/// <summary>
/// Generality of the client and the server: both follow whatever contract they are given. The OpenAI
/// contract (read from the shared folder, never copied in) has no <c>x-codegen</c> extension, so the
/// test adds one in memory, as a user adopting a provider's schema would, and then a client generated
/// from it talks to the contract server serving the very same text.
/// </summary>
public class OpenAiClientTests
{
    private const string Contract = "openai-completions/openai-completions.schema.json";

    private const string Probe = """
        #nullable enable
        using System;
        using System.Text;
        using System.Threading.Tasks;
        using OpenAI.Completions;
        public static class Probe
        {
            public static async Task<string> Run(string baseUri)
            {
                using var client = new OpenAiClient(new OpenAiClientOptions { BaseUri = new Uri(baseUri), ApiKey = "sk-probe" });
                var request = CreateCompletionRequest.CreateBuilder("gpt-3.5-turbo-instruct", "Say this is a test").WithMaxTokens(7).Build();
                var completion = await client.CreateCompletionAsync(request);
                var streamed = new StringBuilder();
                await foreach (var chunk in client.CreateCompletionStreamingAsync(request))
                {
                    foreach (var choice in chunk.Choices) streamed.Append(choice.Text);
                }

                var rejected = "not rejected";
                try
                {
                    await client.CreateCompletionAsync(request with { N = int.Parse("500") });
                }
                catch (OpenAiValidationException ex)
                {
                    rejected = ex.Violations[0].ToString();
                }

                return completion.Choices[0].Text + "|" + streamed + "|" + completion.Usage!.CompletionTokens + "|" + rejected;
            }
        }
        """;

    [SharedContractFact(Contract)]
    public async Task ClientGeneratedFromTheOpenAiContractTalksToTheServerServingIt()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(GeneratorHarness.SharedContractsDirectory, Contract)))!.AsObject();
        schema["x-codegen"] = JsonNode.Parse("""
            {
              "namespace": "OpenAI.Completions",
              "prefix": "OpenAi",
              "servers": [ { "url": "https://api.openai.com/v1" } ],
              "auth": { "scheme": "bearer", "env": "OPENAI_API_KEY" },
              "operations": [ {
                "name": "CreateCompletion", "method": "POST", "path": "/completions",
                "request": "#/definitions/CreateCompletionRequest",
                "response": "#/definitions/CreateCompletionResponse",
                "stream": { "flag": "stream", "chunk": "#/definitions/CreateCompletionResponse", "done": "[DONE]" }
              } ]
            }
            """);
        var directory = Directory.CreateTempSubdirectory("openai-contract-");
        try
        {
            var path = Path.Combine(directory.FullName, "openai-completions.schema.json");
            File.WriteAllText(path, schema.ToJsonString());

            var run = GeneratorHarness.Run(new ContractInput(path, File.ReadAllText(path)), Probe);
            Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning);
            Assert.Empty(run.CompilationDiagnostics.Select(d => d.ToString()));

            await using var server = await global::Codegen.ContractServer.ContractServer.StartAsync(new ContractServerOptions { ContractPath = path });
            using var loaded = LoadedContract.Load(run);
            var result = await (Task<string>)LoadedContract.Invoke(null, loaded.Type("Probe"), "Run", server.BaseAddress.ToString())!;
            var parts = result.Split('|');

            Assert.False(string.IsNullOrWhiteSpace(parts[0]));
            Assert.Equal(parts[0], parts[1]);
            Assert.Equal("7", parts[2]);
            Assert.StartsWith("$.n must be between 1 and 128", parts[3]);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
