using System.Text.Json;
using System.Text.Json.Serialization;

namespace Codegen.Benchmarks.Peers;

// The types a developer writes by hand for System.Text.Json: the peers "STJ source gen", "STJ reflection",
// "hand-written Utf8JsonReader/Writer", "raw HttpClient" and "Refit" all use them.

public sealed class StjCompletionRequest
{
    [JsonPropertyName("prompt")] public required string Prompt { get; set; }
    [JsonPropertyName("model")] public string? Model { get; set; }
    [JsonPropertyName("max_tokens")] public int? MaxTokens { get; set; }
    [JsonPropertyName("temperature")] public double? Temperature { get; set; }
    [JsonPropertyName("top_p")] public double? TopP { get; set; }
    [JsonPropertyName("presence_penalty")] public double? PresencePenalty { get; set; }
    [JsonPropertyName("frequency_penalty")] public double? FrequencyPenalty { get; set; }
    [JsonPropertyName("stream")] public bool? Stream { get; set; }
    [JsonPropertyName("stop")] public string? Stop { get; set; }
}

public sealed class StjCompletionResponse
{
    [JsonPropertyName("object")] public required string Object { get; set; }
    [JsonPropertyName("created")] public required long Created { get; set; }
    [JsonPropertyName("model")] public required string Model { get; set; }
    [JsonPropertyName("choices")] public required List<StjCompletionChoice> Choices { get; set; }
    [JsonPropertyName("usage")] public StjCompletionUsage? Usage { get; set; }
}

public sealed class StjCompletionChoice
{
    [JsonPropertyName("text")] public required string Text { get; set; }
    [JsonPropertyName("index")] public required int Index { get; set; }
    [JsonPropertyName("logprobs")] public JsonElement? Logprobs { get; set; }
    [JsonPropertyName("finish_reason")] public string? FinishReason { get; set; }
    [JsonPropertyName("stop_reason")] public string? StopReason { get; set; }
    [JsonPropertyName("prompt_logprobs")] public JsonElement? PromptLogprobs { get; set; }
}

public sealed class StjCompletionUsage
{
    [JsonPropertyName("prompt_tokens")] public required int PromptTokens { get; set; }
    [JsonPropertyName("completion_tokens")] public required int CompletionTokens { get; set; }
    [JsonPropertyName("total_tokens")] public required int TotalTokens { get; set; }
}

// The same response without C# `required`: System.Text.Json then skips its required-property tracking, about
// twice as fast on the small response, but a missing "choices" reads as an empty list instead of an error.
// Measured as well so that System.Text.Json's best case is on the table.

public sealed class StjLooseCompletionResponse
{
    [JsonPropertyName("object")] public string Object { get; set; } = "";
    [JsonPropertyName("created")] public long Created { get; set; }
    [JsonPropertyName("model")] public string Model { get; set; } = "";
    [JsonPropertyName("choices")] public List<StjLooseCompletionChoice> Choices { get; set; } = [];
    [JsonPropertyName("usage")] public StjLooseCompletionUsage? Usage { get; set; }
}

public sealed class StjLooseCompletionChoice
{
    [JsonPropertyName("text")] public string Text { get; set; } = "";
    [JsonPropertyName("index")] public int Index { get; set; }
    [JsonPropertyName("logprobs")] public JsonElement? Logprobs { get; set; }
    [JsonPropertyName("finish_reason")] public string? FinishReason { get; set; }
    [JsonPropertyName("stop_reason")] public string? StopReason { get; set; }
    [JsonPropertyName("prompt_logprobs")] public JsonElement? PromptLogprobs { get; set; }
}

public sealed class StjLooseCompletionUsage
{
    [JsonPropertyName("prompt_tokens")] public int PromptTokens { get; set; }
    [JsonPropertyName("completion_tokens")] public int CompletionTokens { get; set; }
    [JsonPropertyName("total_tokens")] public int TotalTokens { get; set; }
}

/// <summary>System.Text.Json's own source generator over the hand-written types.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StjCompletionRequest))]
[JsonSerializable(typeof(StjCompletionResponse))]
[JsonSerializable(typeof(StjLooseCompletionResponse))]
public sealed partial class StjJsonContext : JsonSerializerContext
{
}

/// <summary>The same types through System.Text.Json's reflection-based serializer.</summary>
public static class StjReflection
{
    public static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };
}
