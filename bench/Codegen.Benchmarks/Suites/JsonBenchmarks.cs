using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Codegen.Benchmarks.Peers;
using ModelsLab.Completions;

namespace Codegen.Benchmarks.Suites;

/// <summary>
/// Suite 1: the generated converters against System.Text.Json (source generation and reflection),
/// Newtonsoft.Json over NJsonSchema's types (what NSwag users get) and hand-written reader/writer code.
/// Every method turns the same object into the same UTF-8 bytes, or the same bytes into an object.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Json")]
public class JsonSerializeBenchmarks
{
    private readonly CompletionRequest _ours = Payloads.OursRequest();
    private readonly StjCompletionRequest _stj = Payloads.StjRequest();
    private readonly Peers.NSwag.CompletionRequest _nswag = Payloads.NSwagRequest();
    private readonly HandWritten _handWritten = new();

    [Benchmark(Description = "Ours (generated converter)")]
    public byte[] Ours() => JsonSerializer.SerializeToUtf8Bytes(_ours, ModelsLabJsonContext.Default.CompletionRequest);

    [Benchmark(Description = "STJ source gen")]
    public byte[] StjSourceGen() => JsonSerializer.SerializeToUtf8Bytes(_stj, StjJsonContext.Default.StjCompletionRequest);

    [Benchmark(Description = "STJ reflection")]
    public byte[] StjReflectionPeer() => JsonSerializer.SerializeToUtf8Bytes(_stj, StjReflection.Options);

    /// <summary>What an NSwag client does: JsonConvert.SerializeObject, then the string goes out as UTF-8.</summary>
    [Benchmark(Description = "Newtonsoft over NJsonSchema types (NSwag)")]
    public byte[] NSwag() => Encoding.UTF8.GetBytes(Newtonsoft.Json.JsonConvert.SerializeObject(_nswag, Peers.NSwag.NSwagSettings.Settings));

    [Benchmark(Baseline = true, Description = "Hand-written Utf8JsonWriter")]
    public byte[] HandWrittenWriter() => _handWritten.Serialize(_stj);
}

[MemoryDiagnoser]
[BenchmarkCategory("Json")]
public class JsonDeserializeBenchmarks
{
    private byte[] _utf8 = [];

    /// <summary>Small: the documented example response. Large: 16 choices of about 2 KB of text each.</summary>
    [Params("Small", "Large")]
    public string Response { get; set; } = "Small";

    [GlobalSetup]
    public void Setup() => _utf8 = Response == "Small" ? Payloads.SmallResponse : Payloads.LargeResponse;

    [Benchmark(Description = "Ours (generated converter)")]
    public CompletionResponse? Ours() => JsonSerializer.Deserialize(_utf8, ModelsLabJsonContext.Default.CompletionResponse);

    /// <summary>The converter called directly, without JsonSerializer's entry point: what the contract code itself costs.</summary>
    [Benchmark(Description = "Ours (JsonConverter.Instance direct)")]
    public CompletionResponse OursDirect()
    {
        var reader = new Utf8JsonReader(_utf8);
        reader.Read();
        return CompletionResponse.JsonConverter.Instance.Read(ref reader, typeof(CompletionResponse), ModelsLabJsonContext.Default.Options);
    }

    [Benchmark(Description = "STJ source gen")]
    public StjCompletionResponse? StjSourceGen() => JsonSerializer.Deserialize(_utf8, StjJsonContext.Default.StjCompletionResponse);

    [Benchmark(Description = "STJ source gen, no `required`")]
    public StjLooseCompletionResponse? StjSourceGenLoose() => JsonSerializer.Deserialize(_utf8, StjJsonContext.Default.StjLooseCompletionResponse);

    [Benchmark(Description = "STJ reflection")]
    public StjCompletionResponse? StjReflectionPeer() => JsonSerializer.Deserialize<StjCompletionResponse>(_utf8, StjReflection.Options);

    /// <summary>What an NSwag client does with a response stream: StreamReader, JsonTextReader, JsonSerializer.Create per call.</summary>
    [Benchmark(Description = "Newtonsoft over NJsonSchema types (NSwag)")]
    public Peers.NSwag.CompletionResponse? NSwag()
    {
        using var stream = new MemoryStream(_utf8, writable: false);
        using var streamReader = new StreamReader(stream);
        using var jsonReader = new Newtonsoft.Json.JsonTextReader(streamReader);
        return Newtonsoft.Json.JsonSerializer.Create(Peers.NSwag.NSwagSettings.Settings).Deserialize<Peers.NSwag.CompletionResponse>(jsonReader);
    }

    [Benchmark(Baseline = true, Description = "Hand-written Utf8JsonReader")]
    public StjCompletionResponse HandWrittenReader() => HandWritten.DeserializeResponse(_utf8);
}
