namespace Codegen.Analyzers.Tests;

/// <summary>
/// A hand-written copy of the shape the generator emits: a record with DataAnnotations on its
/// properties, a builder whose parameters repeat them, a union class with implicit conversions
/// from string and string[], a closed enum struct ([AllowedValues] on the property) and an
/// extensible enum struct (any string goes). The analyzers read only the attributes.
/// </summary>
internal static class ContractSource
{
    public const string Text = """
        #nullable enable
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using System.Text.Json.Serialization;

        namespace Contracts;

        public sealed partial class CompletionRequestPrompt
        {
            private CompletionRequestPrompt(string? text, string[]? items) { Text = text; Items = items; }
            public string? Text { get; }
            public string[]? Items { get; }
            public static implicit operator CompletionRequestPrompt(string text) => new(text, null);
            public static implicit operator CompletionRequestPrompt(string[] items) => new(null, items);
        }

        public readonly partial struct CompletionObject
        {
            public CompletionObject(string value) => Value = value;
            public string Value { get; }
            public static implicit operator CompletionObject(string value) => new(value);
        }

        public readonly partial struct ModelName
        {
            public ModelName(string value) => Value = value;
            public string Value { get; }
            public static implicit operator ModelName(string value) => new(value);
        }

        public sealed partial record CompletionRequest
        {
            [JsonPropertyName("prompt")] [MinLength(1)] [MaxLength(4)] public required CompletionRequestPrompt Prompt { get; init; }
            [JsonPropertyName("model")] public ModelName? Model { get; init; }
            [JsonPropertyName("object")] [AllowedValues("text_completion")] public CompletionObject? Object { get; init; }
            [JsonPropertyName("max_tokens")] [Range(1, 44000)] public int? MaxTokens { get; init; }
            [JsonPropertyName("temperature")] [Range(0d, 2d)] public double? Temperature { get; init; }
            [JsonPropertyName("top_p")] [Range(0d, 1d)] public double? TopP { get; init; }
            [JsonPropertyName("presence_penalty")] [Range(-2d, 2d)] public double? PresencePenalty { get; init; }
            [JsonPropertyName("min_p")] [Range(0d, 1d, MinimumIsExclusive = true)] public double? MinP { get; init; }
            [JsonPropertyName("typical_p")] [Range(0d, 1d, MinimumIsExclusive = true, MaximumIsExclusive = true)] public double? TypicalP { get; init; }
            [JsonPropertyName("n")] [Range(0, 10, MaximumIsExclusive = true)] public int? N { get; init; }
            [JsonPropertyName("user")] [StringLength(64, MinimumLength = 2)] [RegularExpression("[a-z0-9_]+")] public string? User { get; init; }
            [JsonPropertyName("stop")] [Length(1, 4)] public IReadOnlyList<string>? Stop { get; init; }

            public static Builder CreateBuilder(CompletionRequestPrompt prompt) => new(prompt);

            public sealed partial class Builder
            {
                private CompletionRequest _request;
                internal Builder(CompletionRequestPrompt prompt) => _request = new CompletionRequest { Prompt = prompt };
                public Builder WithMaxTokens([Display(Name = "max_tokens")] [Range(1, 44000)] int maxTokens) { _request = _request with { MaxTokens = maxTokens }; return this; }
                public Builder WithTemperature([Display(Name = "temperature")] [Range(0d, 2d)] double temperature) { _request = _request with { Temperature = temperature }; return this; }
                public Builder WithTopP([Display(Name = "top_p")] [Range(0d, 1d)] double? topP) { _request = _request with { TopP = topP }; return this; }
                public Builder WithUser([Display(Name = "user")] [StringLength(64, MinimumLength = 2)] [RegularExpression("[a-z0-9_]+")] string user) { _request = _request with { User = user }; return this; }
                public Builder WithStop([Display(Name = "stop")] [Length(1, 4)] IReadOnlyList<string> stop) { _request = _request with { Stop = stop }; return this; }
                public Builder WithObject([Display(Name = "object")] [AllowedValues("text_completion")] CompletionObject value) { _request = _request with { Object = value }; return this; }
                public CompletionRequest Build() => _request;
            }
        }
        """;
}
