using System.Text;
using Codegen.ContractServer;
using Codegen.Testing;
using ModelsLab.Chat;
using ContractInput = Codegen.Contracts.Reading.ContractInput;

namespace Codegen.Client.Tests.OpenApi;

/// <summary>
/// ModelsLab's own OpenAPI document, with its flaws, as a user adopts it: the vendor's file untouched, and what it
/// omits (its <c>stream</c> flag answers server-sent events) declared by an overlay given as item metadata. The client
/// generated from the two talks to the contract server serving the same document with the same overlay.
/// </summary>
public sealed class ModelsLabChatClientTests : IAsyncLifetime
{
    private const string Key = "sk-modelslab-chat-7c1d9e";

    private global::Codegen.ContractServer.ContractServer? _server;
    private ModelsLabChatClient _client = null!;

    public async Task InitializeAsync()
    {
        var document = RepoPaths.SharedContract("modelslab-uncensored-chat/openapi.json");
        if (!File.Exists(document))
        {
            return;
        }

        var overlay = RepoPaths.InRepo("tests", "Codegen.ContractServer.Tests", "modelslab-streaming.overlay.yaml");
        var input = new ContractInput(document, await File.ReadAllTextAsync(document)) { OverlayPath = overlay, OverlayText = await File.ReadAllTextAsync(overlay) };
        _server = await global::Codegen.ContractServer.ContractServer.StartAsync(new ContractServerOptions { Input = input, ApiKey = Key });
        _client = new ModelsLabChatClient(new HttpClient(), new ModelsLabChatClientOptions { BaseUri = _server.BaseAddress, ApiKey = Key, MaxRetries = 0 });
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private static ChatCompletionsRequest Chat() => new()
    {
        Messages = [new ChatMessage { Role = "user", Content = "Tell me about the sea." }],
        MaxTokens = 6,
    };

    [SharedContractFact("modelslab-uncensored-chat/openapi.json")]
    public async Task A_chat_completion_and_a_streamed_one_carry_the_same_answer()
    {
        var whole = await _client.PostChatCompletionsAsync(Chat());
        var streamed = new StringBuilder();
        var chunks = new List<ChatCompletionsChunk>();
        await foreach (var chunk in _client.PostChatCompletionsStreamingAsync(Chat()))
        {
            chunks.Add(chunk);
            streamed.Append(chunk.Choices[0].Delta.Content);
        }

        Assert.Empty(whole.Validate());
        Assert.Equal(6, chunks.Count);
        Assert.Equal(whole.Choices![0].Message!.Content, streamed.ToString());
        // The overlay's chunk allows a null finish_reason: unset until the last chunk.
        Assert.All(chunks[..^1], c => Assert.False(c.Choices[0].FinishReason.HasValue));
        Assert.Equal("length", chunks[^1].Choices[0].FinishReason!.Value.Value);
    }

    [SharedContractFact("modelslab-uncensored-chat/openapi.json")]
    public async Task A_request_outside_the_document_is_refused_before_it_is_sent()
    {
        var error = await Assert.ThrowsAsync<ModelsLabChatValidationException>(() => _client.PostChatCompletionsAsync(Chat() with { Temperature = 3 }));

        Assert.Contains("temperature", error.Message, StringComparison.Ordinal);
    }
}
