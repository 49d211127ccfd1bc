using System.Text;
using Codegen.ContractServer;
using Codegen.Testing;
using OpenAI.Api;

namespace Codegen.Client.Tests.OpenApi;

/// <summary>
/// The client generated from OpenAI's whole document talks to the contract server serving the very same document:
/// answers synthesised from the schemas parse into the generated types, a stream arrives chunk by chunk, and a
/// request the server's validation would refuse is refused by the client first.
/// </summary>
public sealed class OpenAiContractServerTests : IAsyncLifetime
{
    private const string Key = "sk-contract-server-2f8e6a0c4d";

    private global::Codegen.ContractServer.ContractServer _server = null!;
    private OpenAIApiClient _client = null!;

    public async Task InitializeAsync()
    {
        var path = RepoPaths.SharedContract("openai-openapi/openapi.yaml");
        _server = await global::Codegen.ContractServer.ContractServer.StartAsync(new ContractServerOptions { ContractPath = path, ApiKey = Key });
        _client = new OpenAIApiClient(new HttpClient(), new OpenAIApiClientOptions { BaseUri = new Uri(_server.BaseAddress, "v1"), ApiKey = Key, MaxRetries = 0 });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    private static CreateChatCompletionRequest Chat() => new()
    {
        Model = "gpt-4o",
        Messages = [new ChatCompletionRequestUserMessage { Content = "Say hello" }],
    };

    [Fact]
    public async Task Chat_completion_streamed_and_not_parse_and_carry_the_same_answer()
    {
        var whole = await _client.CreateChatCompletionAsync(Chat());
        var streamed = new StringBuilder();
        var chunks = 0;
        await foreach (var chunk in _client.CreateChatCompletionStreamingAsync(Chat()))
        {
            chunks++;
            foreach (var choice in chunk.Choices)
            {
                streamed.Append(choice.Delta.Content);
            }
        }

        Assert.True(chunks > 1, $"{chunks} chunks");
        Assert.Equal(whole.Choices[0].Message.Content, streamed.ToString());
        Assert.Empty(whole.Validate());
    }

    [Fact]
    public async Task Models_completions_and_embeddings_parse()
    {
        var models = await _client.ListModelsAsync();
        var model = await _client.RetrieveModelAsync("ft:gpt-4o-mini:acme");
        var completion = await _client.CreateCompletionAsync(new CreateCompletionRequest { Model = "gpt-3.5-turbo-instruct", Prompt = "Once upon a time", MaxTokens = 3 });
        var embedding = await _client.CreateEmbeddingAsync(new CreateEmbeddingRequest { Model = "text-embedding-3-small", Input = "The food was delicious", Dimensions = 16 });

        Assert.NotNull(models.Data);
        Assert.False(string.IsNullOrEmpty(model.Id));
        Assert.NotEmpty(completion.Choices);
        Assert.Equal(16, embedding.Data[0].EmbeddingValue.Count);
    }

    [Fact]
    public async Task A_wrong_key_is_the_servers_401_on_the_typed_exception()
    {
        using var client = new OpenAIApiClient(new HttpClient(), new OpenAIApiClientOptions { BaseUri = new Uri(_server.BaseAddress, "v1"), ApiKey = "sk-wrong-key-000000000000", MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<OpenAIApiApiException>(() => client.ListModelsAsync());

        Assert.Equal(401, error.StatusCode);
    }
}
