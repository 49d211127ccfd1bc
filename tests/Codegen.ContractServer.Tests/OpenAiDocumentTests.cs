using System.Net;
using System.Text.Json.Nodes;
using Codegen.Contracts.Model;

using Codegen.Testing;

namespace Codegen.ContractServer.Tests;

/// <summary>The contract server serving OpenAI's whole OpenAPI document: every answer is checked against the document's schema.</summary>
[Collection(OpenAiCollection.Name)]
public sealed class OpenAiDocumentTests(OpenAiServer served)
{
    private const string Chat = """{"model":"gpt-4o-mini","messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Name a colour."}]}""";

    [SharedContractFact(OpenAiServer.Document)]
    public async Task A_chat_completion_follows_the_schema_and_is_the_same_for_the_same_request()
    {
        using var first = await served.PostAsync("/v1/chat/completions", Chat);
        using var second = await served.PostAsync("/v1/chat/completions", Chat);
        var body = await first.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/json", ServedDocument.ContentType(first)?.MediaType);
        Assert.Equal(body, await second.Content.ReadAsStringAsync());
        Assert.Empty(ServedDocument.Violations(served.ResponseSchema("POST", "/chat/completions"), body));
        var json = ServedDocument.Json(body);
        Assert.Equal("chat.completion", (string?)json["object"]);
        Assert.Equal("gpt-4o-mini", (string?)json["model"]);
        Assert.Equal("assistant", (string?)json["choices"]![0]!["message"]!["role"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)json["choices"]![0]!["message"]!["content"]));
        var usage = json["usage"]!;
        Assert.Equal((int)usage["prompt_tokens"]! + (int)usage["completion_tokens"]!, (int)usage["total_tokens"]!);
    }

    [SharedContractFact(OpenAiServer.Document)]
    public async Task A_streamed_chat_completion_sends_chunks_of_the_same_answer_then_DONE()
    {
        using var whole = await served.PostAsync("/v1/chat/completions", Chat);
        using var streamed = await served.PostAsync("/v1/chat/completions", Chat.Replace("\"model\"", "\"stream\":true,\"model\"", StringComparison.Ordinal));
        var events = ServedDocument.Events(await streamed.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, streamed.StatusCode);
        Assert.Equal("text/event-stream", ServedDocument.ContentType(streamed)?.MediaType);
        Assert.True(events.Count > 2, "one chunk per token, then the terminator");
        Assert.Equal("[DONE]", events[^1]);
        var chunkSchema = served.ResponseSchema("POST", "/chat/completions", kind: BodyKind.EventStream);
        var chunks = events[..^1].Select(ServedDocument.Json).ToList();
        Assert.All(events[..^1], e => Assert.Empty(ServedDocument.Violations(chunkSchema, e)));
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", (string?)c["object"]));
        var text = string.Concat(chunks.Select(c => (string?)c["choices"]![0]!["delta"]!["content"]));
        Assert.Equal((string?)ServedDocument.Json(await whole.Content.ReadAsStringAsync())["choices"]![0]!["message"]!["content"], text);
        Assert.NotNull(chunks[^1]["usage"]);
    }

    [SharedContractFact(OpenAiServer.Document)]
    public async Task A_completion_stops_at_max_tokens()
    {
        using var response = await served.PostAsync("/v1/completions", """{"model":"gpt-3.5-turbo-instruct","prompt":"Once upon a time","max_tokens":3}""");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(ServedDocument.Violations(served.ResponseSchema("POST", "/completions"), body));
        var choice = ServedDocument.Json(body)["choices"]![0]!;
        Assert.Equal(3, ((string?)choice["text"])!.Split(' ').Length);
        Assert.Equal("length", (string?)choice["finish_reason"]);
    }

    [SharedContractFact(OpenAiServer.Document)]
    public async Task Embeddings_have_the_dimensions_asked_for()
    {
        using var response = await served.PostAsync("/v1/embeddings", """{"model":"text-embedding-3-small","input":"The food was delicious","dimensions":16,"encoding_format":"float"}""");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(ServedDocument.Violations(served.ResponseSchema("POST", "/embeddings"), body));
        var embedding = ServedDocument.Json(body)["data"]![0]!["embedding"]!.AsArray();
        Assert.Equal(16, embedding.Count);
        Assert.All(embedding, n => Assert.InRange((double)n!, -1, 1));
    }

    [SharedContractFact(OpenAiServer.Document)]
    public async Task Models_are_listed_and_one_is_retrieved_by_its_path_parameter()
    {
        using var list = await served.GetAsync("/v1/models");
        using var one = await served.GetAsync("/v1/models/ft:gpt-4o-mini:acme");
        var listBody = await list.Content.ReadAsStringAsync();
        var oneBody = await one.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Empty(ServedDocument.Violations(served.ResponseSchema("GET", "/models"), listBody));
        Assert.Equal("list", (string?)ServedDocument.Json(listBody)["object"]);
        Assert.NotEmpty(ServedDocument.Json(listBody)["data"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Empty(ServedDocument.Violations(served.ResponseSchema("GET", "/models/{model}"), oneBody));
        Assert.Equal("ft:gpt-4o-mini:acme", (string?)ServedDocument.Json(oneBody)["id"]);
    }

    [SharedContractFact(OpenAiServer.Document)]
    public async Task A_bad_body_gets_400_naming_every_violation()
    {
        using var response = await served.PostAsync("/v1/chat/completions", """{"model":"gpt-4o-mini","temperature":3,"n":"two","messages":[{"role":"user","content":"hi"}]}""");
        var error = ServedDocument.Json(await response.Content.ReadAsStringAsync())["error"]!;
        var details = error["details"]!.AsArray().Select(d => (string)d!).ToList();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request_error", (string?)error["type"]);
        Assert.Equal(2, details.Count);
        Assert.Contains(details, d => d.StartsWith("$.temperature", StringComparison.Ordinal));
        Assert.Contains(details, d => d.StartsWith("$.n ", StringComparison.Ordinal));
        Assert.Contains("2 violations", (string?)error["message"], StringComparison.Ordinal);
    }

    [SharedContractFact(OpenAiServer.Document)]
    public async Task A_bad_query_gets_400_naming_every_parameter()
    {
        using var response = await served.GetAsync("/v1/chat/completions?limit=ten&order=sideways&after=x");
        var error = ServedDocument.Json(await response.Content.ReadAsStringAsync())["error"]!;
        var details = error["details"]!.AsArray().Select(d => (string)d!).ToList();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(2, details.Count);
        Assert.Contains(details, d => d.StartsWith("query.limit must be an integer", StringComparison.Ordinal));
        Assert.Contains(details, d => d.StartsWith("query.order must be one of", StringComparison.Ordinal));
        Assert.Equal("query.limit", (string?)error["param"]);
    }

    [SharedContractFact(OpenAiServer.Document)]
    public async Task A_good_query_is_typed_by_its_schema_and_answered()
    {
        using var response = await served.GetAsync("/v1/chat/completions?limit=5&order=desc");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(ServedDocument.Violations(served.ResponseSchema("GET", "/chat/completions"), await response.Content.ReadAsStringAsync()));
    }

    [SharedContractFact(OpenAiServer.Document)]
    public async Task Prefer_code_answers_a_documented_error_and_refuses_an_undocumented_one()
    {
        using var limited = await served.PostAsync("/v1/embeddings", """{"model":"m","input":"x"}""", ("Prefer", "code=429"));
        using var teapot = await served.PostAsync("/v1/embeddings", """{"model":"m","input":"x"}""", ("Prefer", "code=418"));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("code=429", limited.Headers.GetValues("Preference-Applied").Single());
        Assert.Empty(ServedDocument.Violations(served.ResponseSchema("POST", "/embeddings", "429"), await limited.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, teapot.StatusCode);
        Assert.Equal("application/problem+json", ServedDocument.ContentType(teapot)?.MediaType);
        Assert.Contains("418", await teapot.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SharedContractFact(OpenAiServer.Document)]
    public async Task A_documented_example_is_answered_verbatim_and_Prefer_picks_or_refuses_examples()
    {
        // Response (what GET /responses/{id} answers) carries an example in the document itself.
        var documented = JsonNode.Parse(await File.ReadAllTextAsync(RepoPaths.SharedContract("openai-openapi/openapi.json")))!["components"]!["schemas"]!["Response"]!["example"]!;
        using var plain = await served.GetAsync("/v1/responses/resp_123");
        using var byIndex = await served.GetAsync("/v1/responses/resp_123", ("Prefer", "example=0"));
        using var missing = await served.GetAsync("/v1/responses/resp_123", ("Prefer", "example=7"));
        using var dynamic = await served.GetAsync("/v1/responses/resp_123", ("Prefer", "dynamic=true"));

        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.True(JsonNode.DeepEquals(documented, ServedDocument.Json(await plain.Content.ReadAsStringAsync())));
        Assert.True(JsonNode.DeepEquals(documented, ServedDocument.Json(await byIndex.Content.ReadAsStringAsync())));
        Assert.Equal("example=0", byIndex.Headers.GetValues("Preference-Applied").Single());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dynamic.StatusCode);
        Assert.Equal("dynamic=true", dynamic.Headers.GetValues("Preference-Applied").Single());
        Assert.False(JsonNode.DeepEquals(documented, ServedDocument.Json(await dynamic.Content.ReadAsStringAsync())));
    }

    [SharedContractFact(OpenAiServer.Document)]
    public async Task An_unknown_path_is_404_and_a_wrong_method_405()
    {
        using var unknown = await served.GetAsync("/v1/no/such/thing");
        using var wrong = await served.Http.PutAsync("/v1/chat/completions", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrong.StatusCode);
        Assert.Equal(["GET", "POST"], wrong.Content.Headers.Allow.Order(StringComparer.Ordinal));
    }

    [SharedContractFact(OpenAiServer.Document)]
    public async Task Faults_are_injected_as_for_JSON_Schema_contracts()
    {
        using var failed = await served.PostAsync("/v1/chat/completions", Chat, ("x-fault", "status=503"));
        using var cut = await served.PostAsync("/v1/chat/completions", Chat.Replace("\"model\"", "\"stream\":true,\"model\"", StringComparison.Ordinal), ("x-fault", "end-after-chunks=2"));
        var events = ServedDocument.Events(await cut.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(2, events.Count);
        Assert.DoesNotContain("[DONE]", events);
    }

    [SharedContractFact(OpenAiServer.Document)]
    public async Task A_multipart_upload_has_its_fields_checked_and_its_file_accepted()
    {
        using var good = new MultipartFormDataContent
        {
            { new ByteArrayContent([1, 2, 3]), "file", "train.jsonl" },
            { new StringContent("batch"), "purpose" },
        };
        using var bad = new MultipartFormDataContent { { new StringContent("homework"), "purpose" } };
        using var accepted = await served.Http.PostAsync("/v1/files", good);
        using var refused = await served.Http.PostAsync("/v1/files", bad);
        var details = ServedDocument.Json(await refused.Content.ReadAsStringAsync())["error"]!["details"]!.AsArray().Select(d => (string)d!).ToList();

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Empty(ServedDocument.Violations(served.ResponseSchema("POST", "/files"), await accepted.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(2, details.Count);
        Assert.Contains(details, d => d.StartsWith("$.purpose must be one of", StringComparison.Ordinal));
        Assert.Contains(details, d => d.Contains("file", StringComparison.Ordinal) && d.Contains("required", StringComparison.Ordinal));
    }

    [SharedContractFact(OpenAiServer.Document)]
    public async Task A_multipart_number_field_is_typed_by_the_schema()
    {
        MultipartFormDataContent Form(string temperature) => new()
        {
            { new ByteArrayContent([0, 1]), "file", "hello.mp3" },
            { new StringContent("whisper-1"), "model" },
            { new StringContent(temperature), "temperature" },
        };

        using var good = Form("0.5");
        using var bad = Form("warm");
        using var accepted = await served.Http.PostAsync("/v1/audio/transcriptions", good);
        using var refused = await served.Http.PostAsync("/v1/audio/transcriptions", bad);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("$.temperature", (string?)ServedDocument.Json(await refused.Content.ReadAsStringAsync())["error"]!["param"]);
    }

    [SharedContractFact(OpenAiServer.Document)]
    public async Task A_binary_answer_has_the_documented_media_type_and_the_same_bytes_for_the_same_request()
    {
        const string speech = """{"model":"tts-1","input":"Hello","voice":"alloy"}""";
        using var first = await served.PostAsync("/v1/audio/speech", speech);
        using var second = await served.PostAsync("/v1/audio/speech", speech);
        var bytes = await first.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/octet-stream", ServedDocument.ContentType(first)?.MediaType);
        Assert.NotEmpty(bytes);
        Assert.Equal(bytes, await second.Content.ReadAsByteArrayAsync());
    }

    [SharedContractFact(OpenAiServer.Document)]
    public async Task Embeddings_asked_for_as_base64_are_little_endian_floats()
    {
        using var asFloats = await served.PostAsync("/v1/embeddings", """{"model":"m","input":"x","dimensions":3,"encoding_format":"float"}""");
        using var asBase64 = await served.PostAsync("/v1/embeddings", """{"model":"m","input":"x","dimensions":3,"encoding_format":"base64"}""");
        var floats = ServedDocument.Json(await asFloats.Content.ReadAsStringAsync())["data"]![0]!["embedding"]!.AsArray().Select(n => (float)(double)n!).ToArray();
        var bytes = Convert.FromBase64String((string)ServedDocument.Json(await asBase64.Content.ReadAsStringAsync())["data"]![0]!["embedding"]!);

        Assert.Equal(12, bytes.Length);
        Assert.Equal(floats, Enumerable.Range(0, 3).Select(i => System.Buffers.Binary.BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * 4))));
    }
}
