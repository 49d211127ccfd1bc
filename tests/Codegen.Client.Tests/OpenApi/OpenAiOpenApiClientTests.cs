using System.Text;
using System.Text.Json.Nodes;
using OpenAI.Api;

namespace Codegen.Client.Tests.OpenApi;

/// <summary>
/// The client generated at build time from OpenAI's whole OpenAPI document (../shared, a handful of operations selected
/// by item metadata), against a real Kestrel server on 127.0.0.1 that records each request: the exact method, path
/// with escaped values, query, headers with the credential, and body; the parsed answers; documented errors on the
/// typed exception.
/// </summary>
public sealed class OpenAiOpenApiClientTests : IAsyncLifetime
{
    private const string Key = "sk-openapi-test-5d1c9e7a3b";

    private const string ChatAnswer = """
        {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4o-2024-08-06",
         "choices":[{"index":0,"message":{"role":"assistant","content":"Hello!","refusal":null},"logprobs":null,"finish_reason":"stop"}],
         "usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11}}
        """;

    private RecordingServer _server = null!;
    private OpenAIApiClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await RecordingServer.StartAsync();
        _client = new OpenAIApiClient(new HttpClient(), new OpenAIApiClientOptions { BaseUri = _server.BaseAddress, ApiKey = Key, MaxRetries = 0 });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    private static CreateChatCompletionRequest Chat() => new()
    {
        Model = "gpt-4o",
        Messages = [new ChatCompletionRequestUserMessage { Content = "Hi" }],
    };

    private static void AssertJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"expected {expected}, sent {actual}");

    [Fact]
    public async Task ListModels_is_a_GET_with_the_bearer_key_and_reads_the_list()
    {
        _server.AnswerJson("""{"object":"list","data":[{"id":"gpt-4o","object":"model","created":1715367049,"owned_by":"system"}]}""");

        var models = await _client.ListModelsAsync();

        var request = _server.Single();
        Assert.Equal(("GET", "/v1/models"), (request.Method, request.Target));
        Assert.Equal("Bearer " + Key, request.Header("Authorization"));
        Assert.Equal("application/json", request.Header("Accept"));
        Assert.Empty(request.Body);
        Assert.Equal(("gpt-4o", 1715367049L, "system"), (models.Data[0].Id, models.Data[0].Created, models.Data[0].OwnedBy));
    }

    [Theory]
    [InlineData("gpt-4o", "/v1/models/gpt-4o")]
    [InlineData("ft:gpt-4o:acme/x y?#", "/v1/models/ft%3Agpt-4o%3Aacme%2Fx%20y%3F%23")]
    public async Task RetrieveModel_escapes_the_path_value(string model, string target)
    {
        _server.AnswerJson($$"""{"id":{{JsonValue.Create(model).ToJsonString()}},"object":"model","created":1,"owned_by":"acme"}""");

        var retrieved = await _client.RetrieveModelAsync(model);

        Assert.Equal(("GET", target), (_server.Single() is var r ? (r.Method, r.Target) : default));
        Assert.Equal(model, retrieved.Id);
    }

    [Fact]
    public async Task DeleteModel_is_a_DELETE_on_the_escaped_model()
    {
        _server.AnswerJson("""{"id":"ft:gpt-4o:acme:1","object":"model","deleted":true}""");

        var deleted = await _client.DeleteModelAsync("ft:gpt-4o:acme:1");

        var request = _server.Single();
        Assert.Equal(("DELETE", "/v1/models/ft%3Agpt-4o%3Aacme%3A1"), (request.Method, request.Target));
        Assert.True(deleted.Deleted);
    }

    [Fact]
    public async Task ListFiles_sends_only_the_query_parameters_given_in_document_order()
    {
        _server.AnswerJson("""{"object":"list","data":[],"first_id":"file-1","last_id":"file-2","has_more":false}""");
        _server.AnswerJson("""{"object":"list","data":[],"first_id":"file-1","last_id":"file-2","has_more":false}""");

        await _client.ListFilesAsync(order: ListFilesOrder.Asc, limit: 2, purpose: "fine tune&more");
        var first = _server.Single();
        await _client.ListFilesAsync();
        var second = _server.Single();

        Assert.Equal("/v1/files?purpose=fine%20tune%26more&limit=2&order=asc", first.Target);
        Assert.Equal("/v1/files", second.Target);
    }

    [Fact]
    public async Task CreateChatCompletion_posts_the_JSON_body_and_reads_the_answer()
    {
        _server.AnswerJson(ChatAnswer);

        var completion = await _client.CreateChatCompletionAsync(Chat());

        var request = _server.Single();
        Assert.Equal(("POST", "/v1/chat/completions", "application/json"), (request.Method, request.Target, request.ContentType));
        AssertJson("""{"messages":[{"content":"Hi","role":"user"}],"model":"gpt-4o"}""", request.BodyText);
        Assert.Equal("Hello!", completion.Choices[0].Message.Content);
        Assert.Equal(11, completion.Usage!.TotalTokens);
    }

    [Fact]
    public async Task CreateChatCompletionStreaming_sets_stream_asks_for_events_and_yields_each_chunk()
    {
        static string Chunk(string content) =>
            $$"""data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{"content":"{{content}}"},"finish_reason":null}]}""" + "\n\n";
        _server.Answer(new ScriptedResponse(200, "text/event-stream", string.Empty, [Chunk("Hel"), Chunk("lo"), Chunk("!"), "data: [DONE]\n\n"]));

        var text = new StringBuilder();
        var chunks = 0;
        await foreach (var chunk in _client.CreateChatCompletionStreamingAsync(Chat()))
        {
            chunks++;
            text.Append(chunk.Choices[0].Delta.Content);
        }

        var request = _server.Single();
        Assert.Equal(("Hello!", 3), (text.ToString(), chunks));
        Assert.Equal("text/event-stream", request.Header("Accept"));
        AssertJson("""{"messages":[{"content":"Hi","role":"user"}],"model":"gpt-4o","stream":true}""", request.BodyText);
    }

    [Fact]
    public async Task CreateCompletion_and_CreateEmbedding_post_their_bodies()
    {
        _server.AnswerJson("""{"id":"cmpl-1","object":"text_completion","created":1,"model":"gpt-3.5-turbo-instruct","choices":[{"text":" a test","index":0,"logprobs":null,"finish_reason":"length"}]}""");
        _server.AnswerJson("""{"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.25,-0.5]}],"model":"text-embedding-3-small","usage":{"prompt_tokens":2,"total_tokens":2}}""");

        var completion = await _client.CreateCompletionAsync(new CreateCompletionRequest { Model = "gpt-3.5-turbo-instruct", Prompt = "Say this is", MaxTokens = 7 });
        var completionRequest = _server.Single();
        var embedding = await _client.CreateEmbeddingAsync(new CreateEmbeddingRequest { Model = "text-embedding-3-small", Input = "hello world" });
        var embeddingRequest = _server.Single();

        Assert.Equal("/v1/completions", completionRequest.Target);
        AssertJson("""{"model":"gpt-3.5-turbo-instruct","prompt":"Say this is","max_tokens":7}""", completionRequest.BodyText);
        Assert.Equal(" a test", completion.Choices[0].Text);
        Assert.Equal("/v1/embeddings", embeddingRequest.Target);
        AssertJson("""{"input":"hello world","model":"text-embedding-3-small"}""", embeddingRequest.BodyText);
        Assert.Equal([0.25, -0.5], embedding.Data[0].EmbeddingValue);
    }

    [Fact]
    public async Task CreateTranscription_uploads_multipart_with_the_file_and_typed_fields()
    {
        _server.AnswerJson("""{"text":"hello there"}""");
        var audio = new MemoryStream(Encoding.UTF8.GetBytes("RIFF....WAVEfmt"));

        var transcription = await _client.CreateTranscriptionAsync(new CreateTranscriptionRequest
        {
            File = new OpenAIApiFile(audio, "speech.wav", "audio/wav"),
            Model = "whisper-1",
            Temperature = 0.2,
            TimestampGranularities = [CreateTranscriptionRequestTimestampGranularitiesItem.Word, CreateTranscriptionRequestTimestampGranularitiesItem.Segment],
        });

        var request = _server.Single();
        Assert.Equal(("POST", "/v1/audio/transcriptions"), (request.Method, request.Target));
        Assert.StartsWith("multipart/form-data; boundary=", request.ContentType);
        var body = request.BodyText;
        foreach (var part in new[]
        {
            "Content-Type: audio/wav\r\nContent-Disposition: form-data; name=\"file\"; filename=\"speech.wav\"\r\n\r\nRIFF....WAVEfmt\r\n",
            "Content-Disposition: form-data; name=\"model\"\r\n\r\nwhisper-1\r\n",
            "Content-Disposition: form-data; name=\"temperature\"\r\n\r\n0.2\r\n",
            "Content-Disposition: form-data; name=\"timestamp_granularities\"\r\n\r\nword\r\n",
            "Content-Disposition: form-data; name=\"timestamp_granularities\"\r\n\r\nsegment\r\n",
        })
        {
            Assert.True(body.Contains(part, StringComparison.Ordinal), $"missing {part} in {body}");
        }

        Assert.DoesNotContain("name=\"language\"", body);
        Assert.Equal("Bearer " + Key, request.Header("Authorization"));
        Assert.Contains("hello there", transcription.ToString());
    }

    [Fact]
    public async Task CreateSpeech_streams_the_audio_with_its_content_type()
    {
        _server.Answer(new ScriptedResponse(200, "audio/mpeg", "ID3-mp3-bytes"));

        await using var speech = await _client.CreateSpeechAsync(new CreateSpeechRequest { Model = "tts-1", Input = "Hi", Voice = new VoiceIdsShared("alloy") });
        using var audio = new MemoryStream();
        await speech.Content.CopyToAsync(audio);

        var request = _server.Single();
        Assert.Equal(("/v1/audio/speech", "application/octet-stream"), (request.Target, request.Header("Accept")));
        AssertJson("""{"model":"tts-1","input":"Hi","voice":"alloy"}""", request.BodyText);
        Assert.Equal(("audio/mpeg", null), (speech.ContentType, speech.ContentLength));   // the test server sends it in chunks
        Assert.Equal("ID3-mp3-bytes", Encoding.UTF8.GetString(audio.ToArray()));
    }

    [Fact]
    public async Task CreateRealtimeCall_sends_each_part_with_the_content_type_its_encoding_gives()
    {
        // The document's multipart encoding: sdp as application/sdp, session as application/json; the answer is SDP text.
        _server.Answer(new ScriptedResponse(201, "application/sdp", "v=0\r\no=answer"));

        var answer = await _client.CreateRealtimeCallAsync(new RealtimeCallCreateRequest
        {
            Sdp = "v=0\r\no=offer",
            Session = new RealtimeSessionCreateRequestGA { Instructions = "Be brief." },
        });

        var request = _server.Single();
        Assert.Equal(("POST", "/v1/realtime/calls"), (request.Method, request.Target));
        Assert.StartsWith("multipart/form-data; boundary=", request.ContentType);
        var body = request.BodyText;
        Assert.Contains("Content-Type: application/sdp\r\nContent-Disposition: form-data; name=\"sdp\"\r\n\r\nv=0\r\no=offer\r\n", body);
        Assert.Contains("Content-Type: application/json\r\nContent-Disposition: form-data; name=\"session\"\r\n\r\n{", body);
        Assert.Contains("\"instructions\":\"Be brief.\"", body);
        Assert.Equal("v=0\r\no=answer", answer);
    }

    [Fact]
    public async Task A_documented_error_response_is_parsed_onto_the_typed_exception()
    {
        _server.Answer(new ScriptedResponse(429, "application/json",
            """{"error":{"message":"Rate limit reached for gpt-4o","type":"requests","param":null,"code":"rate_limit_exceeded"}}""",
            Headers: new Dictionary<string, string> { ["x-request-id"] = "req_123" }));

        var error = await Assert.ThrowsAsync<OpenAIApiApiException>(() => _client.CreateChatCompletionAsync(Chat()));

        Assert.Equal(429, error.StatusCode);
        Assert.Equal(("Rate limit reached for gpt-4o", "rate_limit_exceeded", "req_123"), (error.ErrorMessage, error.ErrorCode, error.RequestId));
        var documented = Assert.IsType<ErrorResponse>(error.Error);
        Assert.Equal(("requests", "rate_limit_exceeded"), (documented.Error.Type, documented.Error.Code));
        Assert.Contains("POST /chat/completions failed with 429", error.Message);
    }

    [Fact]
    public async Task A_request_that_breaks_the_contract_is_rejected_before_anything_is_sent()
    {
        var bad = new CreateCompletionRequest { Model = "gpt-3.5-turbo-instruct", Prompt = "x", N = 500 };

        var error = await Assert.ThrowsAsync<OpenAIApiValidationException>(() => _client.CreateCompletionAsync(bad));

        Assert.StartsWith("$.n must be", error.Violations[0].ToString());
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_parameter_that_breaks_its_schema_is_rejected_before_anything_is_sent()
    {
        // ListVideos documents limit between 0 and 100 (and is deprecated: the method is [Obsolete]).
#pragma warning disable CS0618
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _client.ListVideosAsync(limit: 101));
#pragma warning restore CS0618

        Assert.Equal("limit", error.ParamName);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void The_options_carry_the_documents_server_and_key_variable()
    {
        var options = new OpenAIApiClientOptions();

        Assert.Equal(new Uri("https://api.openai.com/v1"), options.BaseUri);
        Assert.Equal("https://api.openai.com/v1", OpenAIApiClientOptions.DefaultBaseUri);
        Assert.EndsWith("_API_KEY", OpenAIApiClientOptions.ApiKeyEnvironmentVariable);
    }
}
