using System.Net;
using System.Text.Json.Nodes;
using Codegen.Contracts.Model;
using Codegen.Contracts.Reading;

using Codegen.Testing;

namespace Codegen.ContractServer.Tests;

/// <summary>
/// ModelsLab's own document, which does not declare that its <c>stream</c> flag answers events: served with the
/// overlay in this folder that declares it, the vendor's file untouched.
/// </summary>
public sealed class ModelsLabDocumentTests(ModelsLabServer served) : IClassFixture<ModelsLabServer>
{
    // The operation's own server is https://modelslab.com/api/uncensored-chat/v1: its path is served too.
    private const string Path = "/api/uncensored-chat/v1/chat/completions";
    private const string Chat = """{"messages":[{"role":"user","content":"Tell me about the sea."}],"max_tokens":6}""";

    [SharedContractFact(ModelsLabServer.Document)]
    public async Task A_chat_completion_follows_the_document()
    {
        using var response = await served.PostAsync(Path, Chat);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(ServedDocument.Violations(served.ResponseSchema("POST", "/chat/completions"), body));
        var json = ServedDocument.Json(body);
        Assert.Equal("chat.completion", (string?)json["object"]);
        // The request's model is absent: the document's default is not invented into the answer, a word is.
        var choice = json["choices"]![0]!;
        Assert.Equal(6, ((string?)choice["message"]!["content"])!.Split(' ').Length);
        Assert.Equal("length", (string?)choice["finish_reason"]);
        Assert.Equal(6, (int)json["usage"]!["completion_tokens"]!);
    }

    [SharedContractFact(ModelsLabServer.Document)]
    public async Task A_streamed_chat_completion_follows_the_overlay()
    {
        using var whole = await served.PostAsync(Path, Chat);
        using var streamed = await served.PostAsync(Path, Chat.Replace("\"max_tokens\"", "\"stream\":true,\"max_tokens\"", StringComparison.Ordinal));
        var events = ServedDocument.Events(await streamed.Content.ReadAsStringAsync());
        var chunkSchema = served.ResponseSchema("POST", "/chat/completions", kind: BodyKind.EventStream);
        var chunks = events[..^1].Select(ServedDocument.Json).ToList();

        Assert.Equal("text/event-stream", ServedDocument.ContentType(streamed)?.MediaType);
        Assert.Equal(7, events.Count);
        Assert.Equal("[DONE]", events[^1]);
        Assert.All(events[..^1], e => Assert.Empty(ServedDocument.Violations(chunkSchema, e)));
        // The overlay's chunk allows a null finish_reason: null until the last chunk.
        Assert.All(chunks[..^1], c => Assert.Null(c["choices"]![0]!["finish_reason"]));
        Assert.Equal("length", (string?)chunks[^1]["choices"]![0]!["finish_reason"]);
        Assert.Equal(
            (string?)ServedDocument.Json(await whole.Content.ReadAsStringAsync())["choices"]![0]!["message"]!["content"],
            string.Concat(chunks.Select(c => (string?)c["choices"]![0]!["delta"]!["content"])));
    }

    [SharedContractFact(ModelsLabServer.Document)]
    public void Without_the_overlay_the_document_does_not_stream()
    {
        var path = RepoPaths.SharedContract("modelslab-uncensored-chat/openapi.json");
        var parsed = ContractParser.Parse(path, File.ReadAllText(path));

        Assert.Null(parsed.Contract!.Operations.Single(o => o.Path == "/chat/completions").Stream);
        Assert.NotNull(served.Operation("POST", "/chat/completions").Stream);
    }

    [SharedContractFact(ModelsLabServer.Document)]
    public async Task A_media_example_added_by_the_overlay_is_answered_verbatim()
    {
        using var response = await served.PostAsync("/api/v6/llm/uncensored_chat", """{"key":"k","messages":[{"role":"user","content":"hi"}]}""");
        using var named = await served.PostAsync("/llm/uncensored_chat", """{"key":"k","messages":[{"role":"user","content":"hi"}]}""", ("Prefer", "example=greeting"));
        var expected = JsonNode.Parse("""{"status":"success","message":"Hello! How can I help you today?","meta":{"max_tokens":1000,"temperature":1,"track_id":null,"webhook":null}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(JsonNode.DeepEquals(expected, ServedDocument.Json(await response.Content.ReadAsStringAsync())));
        Assert.True(JsonNode.DeepEquals(expected, ServedDocument.Json(await named.Content.ReadAsStringAsync())));
        Assert.Equal("example=greeting", named.Headers.GetValues("Preference-Applied").Single());
    }

    [SharedContractFact(ModelsLabServer.Document)]
    public async Task A_request_outside_the_documented_ranges_is_refused_with_each_reason()
    {
        using var response = await served.PostAsync(Path, """{"messages":[{"role":"robot","content":"hi"}],"max_tokens":0,"temperature":2.5}""");
        var details = ServedDocument.Json(await response.Content.ReadAsStringAsync())["error"]!["details"]!.AsArray().Select(d => (string)d!).ToList();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(3, details.Count);
        Assert.Contains(details, d => d.StartsWith("$.messages[0].role", StringComparison.Ordinal));
        Assert.Contains(details, d => d.StartsWith("$.max_tokens", StringComparison.Ordinal));
        Assert.Contains(details, d => d.StartsWith("$.temperature", StringComparison.Ordinal));
    }
}
