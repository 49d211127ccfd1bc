using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Codegen.Generator.Tests;
using ModelsLab.Completions;

namespace Codegen.Tool.Tests;

/// <summary>
/// <c>codegen serve</c> answering the generated client (compiled into this project from the contract),
/// with Prism's Prefer header, CORS, a request log, and a contract that changes while it serves.
/// </summary>
public class ServeTests
{
    private static readonly CompletionRequest Request = CompletionRequest.CreateBuilder("Write a tagline for an ice cream shop.").WithMaxTokens(12).Build();

    [Fact]
    public async Task GeneratedClientCompletesStreamsAndIsValidated()
    {
        using var folder = new TempFolder();
        await using var host = await ServeHost.StartAsync(CopyContract(folder));
        using var client = new ModelsLabClient(Options(host));

        var completion = await client.CreateCompletionAsync(Request);
        var streamed = new StringBuilder();
        await foreach (var chunk in client.CreateCompletionStreamingAsync(Request))
        {
            streamed.Append(chunk.Choices[0].Text);
        }

        Assert.Equal(12, completion.Usage!.CompletionTokens);
        Assert.Equal(completion.Choices[0].Text, streamed.ToString());
        Assert.Equal((await client.CreateCompletionAsync(Request)).Choices[0].Text, completion.Choices[0].Text);

        var options = Options(host);
        options.ValidateRequests = false;
        using var unchecked_ = new ModelsLabClient(options);
        var rejected = await Assert.ThrowsAsync<ModelsLabApiException>(() => unchecked_.CreateCompletionAsync(Request with { Temperature = 3 }));
        Assert.Equal(400, rejected.StatusCode);
        Assert.Contains(rejected.Details, d => d.StartsWith("$.temperature", StringComparison.Ordinal));

        await host.WaitForOutputAsync(@"POST /completions 400 \d+ ms");
        Assert.Matches(@"\d\d:\d\d:\d\d\.\d{3} POST /completions 200 \d+ ms stream req_\d+", host.Output);
        Assert.Matches(@"POST /completions 200 \d+ ms req_\d+", host.Output);
        Assert.Equal(0, await host.StopAsync());
        Assert.Contains("Stopping.", host.Output);
    }

    [Fact]
    public async Task PreferPicksTheStatusOrTheExampleAsPrismDoes()
    {
        using var folder = new TempFolder();
        var contract = JsonNode.Parse(File.ReadAllText(GeneratorHarness.ModelsLabContractPath))!;
        var example = JsonNode.Parse("""{ "id": "cmpl-example", "object": "text_completion", "created": 1, "model": "example-model", "choices": [ { "text": "from the example", "index": 0, "finish_reason": "stop" } ] }""")!;
        contract["definitions"]!["CompletionResponse"]!["examples"] = new JsonArray(example);
        var path = folder.Write("api.schema.json", contract.ToJsonString());
        await using var host = await ServeHost.StartAsync(path, "--no-watch");
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using (var error = await PostAsync(http, "/v1/completions", """{ "prompt": "hi" }""", "code=429"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
            Assert.Equal("code=429", error.Headers.GetValues("Preference-Applied").Single());
            Assert.Equal("rate_limit_error", (string?)JsonNode.Parse(await error.Content.ReadAsStringAsync())!["error"]!["type"]);
        }

        using (var canned = await PostAsync(http, "/v1/completions", """{ "prompt": "hi" }""", "code=200, example=0"))
        {
            Assert.Equal(HttpStatusCode.OK, canned.StatusCode);
            Assert.True(JsonNode.DeepEquals(example, JsonNode.Parse(await canned.Content.ReadAsStringAsync())));
            Assert.Equal("code=200, example=0", canned.Headers.GetValues("Preference-Applied").Single());
        }

        foreach (var prefer in new[] { "example=3", "example=dog", "code=201" })
        {
            using var missing = await PostAsync(http, "/v1/completions", """{ "prompt": "hi" }""", prefer);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
            Assert.Equal("https://stoplight.io/prism/errors#NOT_FOUND", (string?)JsonNode.Parse(await missing.Content.ReadAsStringAsync())!["type"]);
        }

        // Prism's query parameters, and an invalid request is invalid whatever is preferred.
        using (var query = await PostAsync(http, "/v1/completions?__code=503", """{ "prompt": "hi" }""", null))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, query.StatusCode);
        }

        using (var invalid = await PostAsync(http, "/v1/completions", """{ "prompt": "hi", "temperature": 9 }""", "example=0"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        }

        // The generated client reads the example, streamed or not, and sees the preferred error.
        var options = Options(host);
        options.MaxRetries = 0;
        using var withExample = new HttpClient();
        withExample.DefaultRequestHeaders.Add("Prefer", "example=0");
        using var client = new ModelsLabClient(withExample, options);
        Assert.Equal("from the example", (await client.CreateCompletionAsync(Request)).Choices[0].Text);
        var chunks = new List<string>();
        await foreach (var chunk in client.CreateCompletionStreamingAsync(Request))
        {
            chunks.Add(chunk.Choices[0].Text);
        }

        Assert.Equal(["from the example"], chunks);
        using var withError = new HttpClient();
        withError.DefaultRequestHeaders.Add("Prefer", "code=500");
        using var failing = new ModelsLabClient(withError, options);
        Assert.Equal(500, (await Assert.ThrowsAsync<ModelsLabApiException>(() => failing.CreateCompletionAsync(Request))).StatusCode);
    }

    [Fact]
    public async Task ReloadsOnChangeOnTheSamePortAndKeepsServingThroughABrokenEdit()
    {
        using var folder = new TempFolder();
        var path = CopyContract(folder);
        await using var host = await ServeHost.StartAsync(path);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        // A stream that starts before the reload ends with the contract it started with.
        using var slow = new HttpRequestMessage(HttpMethod.Post, "/completions") { Content = Json("""{ "prompt": "slow", "max_tokens": 8, "stream": true }""") };
        slow.Headers.Add("x-fault", "chunk-delay=150");
        using var streaming = await http.SendAsync(slow, HttpCompletionOption.ResponseHeadersRead);
        var rest = streaming.Content.ReadAsStringAsync();

        File.WriteAllText(path, File.ReadAllText(path).Replace("\"path\": \"/completions\"", "\"path\": \"/text/completions\"", StringComparison.Ordinal));
        await host.WaitForOutputAsync("Reloaded api.schema.json: 1 operation.");

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, "/text/completions", """{ "prompt": "hi" }""", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(http, "/completions", """{ "prompt": "hi" }""", null)).StatusCode);
        var events = (await rest).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(9, events.Length);
        Assert.Equal("data: [DONE]", events[^1]);

        File.WriteAllText(path, "{ \"x-codegen\": ");
        await host.WaitForErrorAsync("no longer gives a contract; still serving the previous one");
        Assert.Contains("error CG0001", host.Error);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, "/text/completions", """{ "prompt": "hi" }""", null)).StatusCode);
    }

    [Fact]
    public async Task SixtyFourConcurrentClientsLoseNothing()
    {
        using var folder = new TempFolder();
        await using var host = await ServeHost.StartAsync(CopyContract(folder), "--no-watch");
        const int Clients = 64;
        const int RequestsEach = 4;

        var results = await Task.WhenAll(Enumerable.Range(0, Clients).Select(async i =>
        {
            using var client = new ModelsLabClient(Options(host));
            var request = CompletionRequest.CreateBuilder($"client {i} asks for words").WithMaxTokens(6 + (i % 5)).Build();
            var texts = new List<(string Text, int Tokens)>();
            for (var j = 0; j < RequestsEach; j++)
            {
                if (j % 2 == 0)
                {
                    var response = await client.CreateCompletionAsync(request);
                    texts.Add((response.Choices[0].Text, response.Usage!.CompletionTokens));
                }
                else
                {
                    var text = new StringBuilder();
                    var chunks = 0;
                    await foreach (var chunk in client.CreateCompletionStreamingAsync(request))
                    {
                        text.Append(chunk.Choices[0].Text);
                        chunks++;
                    }

                    texts.Add((text.ToString(), chunks));
                }
            }

            return (Expected: 6 + (i % 5), Texts: texts);
        })).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(Clients, results.Length);
        foreach (var (expected, texts) in results)
        {
            Assert.Equal(RequestsEach, texts.Count);
            Assert.All(texts, t => Assert.Equal(expected, t.Tokens));
            Assert.Single(texts.Select(t => t.Text).Distinct());
        }

        await host.StopAsync();
        var logged = host.Output.Split('\n').Where(l => l.Contains(" POST /completions 200 ", StringComparison.Ordinal)).ToList();
        Assert.Equal(Clients * RequestsEach, logged.Count);
        Assert.Equal(Clients * RequestsEach, logged.Select(l => l.Split(' ')[^1]).Distinct().Count());
    }

    [Fact]
    public async Task CorsIsOffUnlessAskedAndThenAnswersThePreflight()
    {
        using var folder = new TempFolder();
        var path = CopyContract(folder);
        const string Origin = "http://localhost:5173";
        await using (var plain = await ServeHost.StartAsync(path, "--no-watch"))
        {
            using var http = new HttpClient { BaseAddress = plain.BaseAddress };
            using var response = await PostAsync(http, "/completions", """{ "prompt": "hi" }""", null, Origin);
            Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        }

        await using var host = await ServeHost.StartAsync(path, "--no-watch", "--cors", Origin);
        using var browser = new HttpClient { BaseAddress = host.BaseAddress };
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v1/completions");
        preflight.Headers.Add("Origin", Origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization, content-type, prefer");
        using var allowed = await browser.SendAsync(preflight);
        Assert.True(allowed.IsSuccessStatusCode, allowed.StatusCode.ToString());
        Assert.Equal(Origin, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var post = await PostAsync(browser, "/v1/completions", """{ "prompt": "hi" }""", null, Origin);
        Assert.Equal(Origin, post.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("x-request-id", post.Headers.GetValues("Access-Control-Expose-Headers").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("CORS: " + Origin, host.Output);
    }

    [Fact]
    public async Task ApiKeyIsRequiredButNeverPrinted()
    {
        using var folder = new TempFolder();
        const string Key = "sk-serve-test-5d1f0a9b";
        await using var host = await ServeHost.StartAsync(CopyContract(folder), "--no-watch", "--api-key", Key);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(http, "/completions", """{ "prompt": "hi" }""", null)).StatusCode);
        var options = Options(host);
        options.ApiKey = Key;
        using var client = new ModelsLabClient(options);
        await client.CreateCompletionAsync(Request);

        await host.WaitForOutputAsync("POST /completions 200");
        await host.StopAsync();
        Assert.DoesNotContain(Key, host.Output + host.Error);
    }

    [Fact]
    public async Task BusyPortIsAClearError()
    {
        using var folder = new TempFolder();
        var path = CopyContract(folder);
        await using var first = await ServeHost.StartAsync(path, "--no-watch");

        var second = await Tool.RunAsync("serve", path, "--no-watch", "--urls", first.BaseAddress.ToString().TrimEnd('/'));

        Assert.Equal(1, second.ExitCode);
        Assert.Contains("codegen: error: Cannot serve on " + first.BaseAddress.ToString().TrimEnd('/'), second.Error);
        second.AssertNoStackTrace();
    }

    [Fact]
    public void ListensOnLoopbackUnlessTold() =>
        Assert.Equal("127.0.0.1", new Uri(Codegen.Tool.Serve.ServeCommand.DefaultUrls).Host);

    private static string CopyContract(TempFolder folder) => folder.Write("api.schema.json", File.ReadAllText(GeneratorHarness.ModelsLabContractPath));

    private static ModelsLabClientOptions Options(ServeHost host) => new()
    {
        BaseUri = host.BaseAddress,
        ApiKey = "unused",
        Timeout = TimeSpan.FromSeconds(20),
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDelay = TimeSpan.FromMilliseconds(100),
    };

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string body, string? prefer, string? origin = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
        if (prefer is not null)
        {
            request.Headers.Add("Prefer", prefer);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return http.SendAsync(request);
    }
}
