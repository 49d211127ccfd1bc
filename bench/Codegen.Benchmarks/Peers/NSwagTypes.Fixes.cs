using Newtonsoft.Json;

namespace Codegen.Benchmarks.Peers.NSwag;

/// <summary>
/// NJsonSchema turns <c>finish_reason</c> (<c>anyOf</c> of an enum, a string and null) into an empty class, which
/// Newtonsoft.Json cannot read from <c>"length"</c>. An NSwag user has to patch it; this is the smallest patch:
/// the class is partial, so a converter attribute and a value can be added beside the generated file.
/// </summary>
[JsonConverter(typeof(FinishReasonConverter))]
public partial class Finish_reason
{
    public string? Value { get; set; }

    private sealed class FinishReasonConverter : JsonConverter<Finish_reason>
    {
        public override Finish_reason? ReadJson(JsonReader reader, Type objectType, Finish_reason? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
            reader.TokenType == JsonToken.Null ? null : new Finish_reason { Value = (string?)reader.Value };

        public override void WriteJson(JsonWriter writer, Finish_reason? value, JsonSerializer serializer) => writer.WriteValue(value?.Value);
    }
}

/// <summary>The settings NSwag's generated clients create (its defaults).</summary>
public static class NSwagSettings
{
    public static readonly JsonSerializerSettings Settings = new();

    public static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);
}
