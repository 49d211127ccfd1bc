using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Codegen.Testing;

namespace Codegen.Tool.Tests;

/// <summary>
/// <c>codegen serve</c> with an OpenAPI document and the contract options check and generate take: ModelsLab's own
/// document, with the overlay (kept beside the server's tests) that declares its stream; an edit to the overlay is
/// served at once.
/// </summary>
public class ServeOpenApiTests
{
    private const string Document = "modelslab-uncensored-chat/openapi.json";
    private const string Chat = """{"messages":[{"role":"user","content":"hello"}],"max_tokens":4}""";

    private static string DocumentPath => RepoPaths.SharedContract(Document);

    private static string OverlayText => File.ReadAllText(RepoPaths.InRepo("tests", "Codegen.ContractServer.Tests", "modelslab-streaming.overlay.yaml"));

    [SharedContractFact(Document)]
    public async Task ServesTheDocumentAsTheOverlayAmendsItAndReloadsWhenTheOverlayChanges()
    {
        using var folder = new TempFolder();
        var overlay = folder.Write("streaming.overlay.yaml", OverlayText);
        await using var host = await ServeHost.StartAsync(DocumentPath, "--overlay", overlay, "--prefix", "ModelsLabChat");
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var streamed = await http.PostAsync("/chat/completions", new StringContent(Chat.Replace("{", "{\"stream\":true,", StringComparison.Ordinal), Encoding.UTF8, "application/json"));
        var events = (await streamed.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("text/event-stream", streamed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(5, events.Length);
        Assert.Equal("data: [DONE]", events[^1]);
        Assert.Contains("(ModelsLabChat, 2 operations)", host.Output, StringComparison.Ordinal);
        Assert.Contains("POST /chat/completions (streams with stream: true)", host.Output, StringComparison.Ordinal);

        File.WriteAllText(overlay, OverlayText.Replace("Hello! How can I help you today?", "Edited.", StringComparison.Ordinal));
        await host.WaitForOutputAsync("Reloaded openapi.json: 2 operations.");
        using var example = await http.PostAsync("/llm/uncensored_chat", new StringContent("""{"key":"k","messages":[]}""", Encoding.UTF8, "application/json"));
        Assert.Equal("Edited.", (string?)JsonNode.Parse(await example.Content.ReadAsStringAsync())!["message"]);
    }

    [SharedContractFact(Document)]
    public async Task ServesOnlyTheSelectedOperations()
    {
        await using var host = await ServeHost.StartAsync(DocumentPath, "--paths", "/llm/**");
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var selected = await http.PostAsync("/llm/uncensored_chat", new StringContent("""{"key":"k","messages":[]}""", Encoding.UTF8, "application/json"));
        using var left = await http.PostAsync("/chat/completions", new StringContent(Chat, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, selected.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, left.StatusCode);
    }
}
