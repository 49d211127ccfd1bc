using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Codegen.Benchmarks.Peers;
using ModelsLab.Completions;
using Refit;

namespace Codegen.Benchmarks.EndToEnd;

/// <summary>The four clients, each sending the same request and reading the same response over one shared HttpClient.</summary>
public sealed class Clients : IDisposable
{
    private readonly HttpClient _http;
    private readonly ModelsLabClient _ours;
    private readonly IRefitCompletions _refit;
    private readonly CompletionRequest _oursRequest = Payloads.OursRequest();
    private readonly StjCompletionRequest _stjRequest = Payloads.StjRequest();
    private readonly Peers.NSwag.CompletionRequest _nswagRequest = Payloads.NSwagRequest();

    public Clients(Uri baseAddress)
    {
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = baseAddress };
        _ours = new ModelsLabClient(_http, new ModelsLabClientOptions { BaseUri = baseAddress, ApiKey = "bench" });
        _refit = RestService.For<IRefitCompletions>(_http, new RefitSettings
        {
            ContentSerializer = new SystemTextJsonContentSerializer(StjJsonContext.Default.Options),
        });
    }

    public static readonly string[] Names = ["Ours", "Raw HttpClient", "Refit", "NSwag-style"];

    public Func<Task<int>> Get(string name) => name switch
    {
        "Ours" => Ours,
        "Raw HttpClient" => RawHttpClient,
        "Refit" => Refit,
        "NSwag-style" => NSwag,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>The generated client: validation, bearer auth, retry policy, Activity, generated converters.</summary>
    public async Task<int> Ours() => (await _ours.CreateCompletionAsync(_oursRequest)).Usage!.TotalTokens;

    /// <summary>The limit: bytes out, bytes in, STJ source generation, nothing else.</summary>
    public async Task<int> RawHttpClient()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "completions");
        request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(_stjRequest, StjJsonContext.Default.StjCompletionRequest));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "bench");
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        var body = await JsonSerializer.DeserializeAsync(stream, StjJsonContext.Default.StjCompletionResponse);
        return body!.Usage!.TotalTokens;
    }

    public async Task<int> Refit() => (await _refit.CreateCompletionAsync(_stjRequest, "Bearer bench")).Usage!.TotalTokens;

    /// <summary>What NSwag's client template does: SerializeObject to a string, StringContent, stream + JsonTextReader.</summary>
    public async Task<int> NSwag()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "completions");
        var json = Newtonsoft.Json.JsonConvert.SerializeObject(_nswagRequest, Peers.NSwag.NSwagSettings.Settings);
        request.Content = new StringContent(json);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("application/json"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "bench");
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if ((int)response.StatusCode != 200)
        {
            throw new HttpRequestException("Unexpected status " + (int)response.StatusCode);
        }

        await using var stream = await response.Content.ReadAsStreamAsync();
        using var streamReader = new StreamReader(stream);
        using var jsonReader = new Newtonsoft.Json.JsonTextReader(streamReader);
        var body = Newtonsoft.Json.JsonSerializer.Create(Peers.NSwag.NSwagSettings.Settings).Deserialize<Peers.NSwag.CompletionResponse>(jsonReader);
        return body!.Usage.Total_tokens;
    }

    public void Dispose()
    {
        _ours.Dispose();
        _http.Dispose();
    }
}

/// <summary>The Refit peer: an annotated interface over the hand-written STJ types, STJ source generation as its serializer.</summary>
public interface IRefitCompletions
{
    [Post("/completions")]
    Task<StjCompletionResponse> CreateCompletionAsync([Body] StjCompletionRequest request, [Header("Authorization")] string authorization);
}
