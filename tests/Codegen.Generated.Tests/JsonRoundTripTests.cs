using System.Text.Json;
using System.Text.Json.Nodes;
using ModelsLab.Completions;

namespace Codegen.Generated.Tests;

public class JsonRoundTripTests
{
    /// <summary>The example response from the ModelsLab documentation.</summary>
    private const string DocumentedResponse = """{"object":"text_completion","created":1732624363,"model":"ModelsLab/Llama-3.1-8b-Uncensored-Dare","choices":[{"text":"\"Indulge in our destructive addiction of ice cream.\"","index":0,"logprobs":null,"finish_reason":"length","stop_reason":null,"prompt_logprobs":null}],"usage":{"prompt_tokens":122,"completion_tokens":13,"total_tokens":135}}""";

    private static readonly CompletionRequest FullRequest = new()
    {
        Prompt = new[] { "first", "second" },
        Model = "ModelsLab/Llama-3.1-8b-Uncensored-Dare",
        MaxTokens = 44000,
        Temperature = 0.25,
        TopP = 1,
        PresencePenalty = -2,
        FrequencyPenalty = 1.5,
        Stream = false,
        Stop = "\n\n",
    };

    [Fact]
    public void DocumentedResponseRoundTripsThroughTheContext()
    {
        var response = JsonSerializer.Deserialize(DocumentedResponse, ModelsLabJsonContext.Default.CompletionResponse)!;
        var json = JsonSerializer.Serialize(response, ModelsLabJsonContext.Default.CompletionResponse);

        AssertJsonEquivalent(DocumentedResponse, json);
        Assert.Equal(1732624363L, response.Created);
        Assert.Equal("text_completion", response.Object);
        Assert.Equal(CompletionChoiceFinishReason.Length, response.Choices[0].FinishReason);
        Assert.Equal("\"Indulge in our destructive addiction of ice cream.\"", response.Choices[0].Text);
        Assert.Equal(135, response.Usage!.TotalTokens);
        Assert.Null(response.Choices[0].Logprobs);
    }

    [Fact]
    public void DocumentedResponseRoundTripsThroughPlainJsonSerializer()
    {
        var response = JsonSerializer.Deserialize<CompletionResponse>(DocumentedResponse)!;
        AssertJsonEquivalent(DocumentedResponse, JsonSerializer.Serialize(response));
    }

    [Fact]
    public void RequestWithEveryFieldRoundTripsThroughBothPaths()
    {
        var viaContext = JsonSerializer.Serialize(FullRequest, ModelsLabJsonContext.Default.CompletionRequest);
        var viaPlain = JsonSerializer.Serialize(FullRequest);
        const string Expected = """{"prompt":["first","second"],"model":"ModelsLab/Llama-3.1-8b-Uncensored-Dare","max_tokens":44000,"temperature":0.25,"top_p":1,"presence_penalty":-2,"frequency_penalty":1.5,"stream":false,"stop":"\n\n"}""";

        AssertJsonEquivalent(Expected, viaContext);
        AssertJsonEquivalent(Expected, viaPlain);
        Assert.Equal(FullRequest.Prompt, JsonSerializer.Deserialize(viaContext, ModelsLabJsonContext.Default.CompletionRequest)!.Prompt);
        AssertJsonEquivalent(viaContext, JsonSerializer.Serialize(JsonSerializer.Deserialize<CompletionRequest>(viaPlain)));
    }

    [Fact]
    public void UnsetOptionalFieldsAreLeftOut()
    {
        var json = JsonSerializer.Serialize(new CompletionRequest { Prompt = "hi" }, ModelsLabJsonContext.Default.CompletionRequest);
        Assert.Equal("""{"prompt":"hi"}""", json);
    }

    [Fact]
    public void UnknownPropertiesAreKeptAndWrittenBack()
    {
        const string Json = """{"object":"text_completion","created":1,"model":"m","choices":[{"text":"t","index":0,"seed":42,"extra":{"a":[1,2]}}],"system_fingerprint":"fp_1"}""";
        var response = JsonSerializer.Deserialize(Json, ModelsLabJsonContext.Default.CompletionResponse)!;

        Assert.Equal("fp_1", response.AdditionalProperties!["system_fingerprint"].GetString());
        Assert.Equal(42, response.Choices[0].AdditionalProperties!["seed"].GetInt32());
        AssertJsonEquivalent(Json, JsonSerializer.Serialize(response, ModelsLabJsonContext.Default.CompletionResponse));
    }

    [Fact]
    public void UnknownEnumValueFromANewerServerIsKept()
    {
        const string Json = """{"object":"text_completion.v2","created":1,"model":"m","choices":[{"text":"t","index":0,"finish_reason":"content_filter"}]}""";
        var response = JsonSerializer.Deserialize(Json, ModelsLabJsonContext.Default.CompletionResponse)!;

        Assert.Equal("content_filter", response.Choices[0].FinishReason!.Value.Value);
        Assert.False(response.Choices[0].FinishReason!.Value.IsKnown);
        Assert.Equal("text_completion.v2", response.Object);
        AssertJsonEquivalent(Json, JsonSerializer.Serialize(response, ModelsLabJsonContext.Default.CompletionResponse));

        // Only the closed enum is a violation: finish_reason is open in the contract, object is not.
        var violation = Assert.Single(response.Validate());
        Assert.Equal("$.object", violation.Path);
    }

    [Fact]
    public void NullFinishReasonMidStreamIsRead()
    {
        const string Chunk = """{"object":"text_completion","created":1,"model":"m","choices":[{"text":"In","index":0,"finish_reason":null}]}""";
        var chunk = JsonSerializer.Deserialize(Chunk, ModelsLabJsonContext.Default.CompletionResponse)!;
        Assert.Null(chunk.Choices[0].FinishReason);
        AssertJsonEquivalent(Chunk, JsonSerializer.Serialize(chunk, ModelsLabJsonContext.Default.CompletionResponse));
    }

    [Theory]
    [InlineData("""{"object":"text_completion","created":1,"model":"m"}""", "choices")]
    [InlineData("""{"object":"text_completion","created":"yesterday","model":"m","choices":[]}""", "number")]
    [InlineData("""{"object":"text_completion","created":1,"model":"m","choices":[{"text":"t"}]}""", "index")]
    [InlineData("""{"object":"text_completion","created":99999999999999999999999,"model":"m","choices":[]}""", "64-bit integer")]
    public void InvalidResponsesThrowJsonExceptionNamingTheProblem(string json, string expectedInMessage)
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, ModelsLabJsonContext.Default.CompletionResponse));
        Assert.Contains(expectedInMessage, ex.Message);
    }

    [Fact]
    public void PromptUnionReadsBothShapesAndRejectsOthers()
    {
        var single = JsonSerializer.Deserialize("""{"prompt":"one"}""", ModelsLabJsonContext.Default.CompletionRequest)!;
        var many = JsonSerializer.Deserialize("""{"prompt":["a","b"]}""", ModelsLabJsonContext.Default.CompletionRequest)!;

        Assert.True(single.Prompt.IsString);
        Assert.Equal("one", single.Prompt.AsString());
        Assert.True(many.Prompt.TryGetStringArray(out var items));
        Assert.Equal(["a", "b"], items);
        Assert.Equal(many.Prompt, (CompletionRequestPrompt)new[] { "a", "b" });
        Assert.NotEqual(single.Prompt, many.Prompt);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"prompt":42}""", ModelsLabJsonContext.Default.CompletionRequest));
        Assert.Equal("count:2", many.Prompt.Match(s => "string", list => "count:" + list.Count));
    }

    [Fact]
    public void ContextWorksAsATypeInfoResolver()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = ModelsLabJsonContext.Default };
        var json = JsonSerializer.Serialize(FullRequest, options);
        var read = JsonSerializer.Deserialize<CompletionRequest>(json, options)!;

        // Records compare lists by reference, so compare the prompt by its items and the rest as a record.
        Assert.Equal(FullRequest.Prompt, read.Prompt);
        Assert.Equal(FullRequest, read with { Prompt = FullRequest.Prompt });
    }

    private static void AssertJsonEquivalent(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"Expected {expected}\nActual   {actual}");
}
