using System.Buffers;
using System.Text.Json;

namespace Codegen.Benchmarks.Peers;

/// <summary>
/// The practical limit: what a careful developer writes by hand over <see cref="Utf8JsonReader"/> and
/// <see cref="Utf8JsonWriter"/> for these types, with a reused buffer and writer (as JsonSerializer does
/// internally) and no validation beyond what the reader does.
/// </summary>
public sealed class HandWritten
{
    private static readonly JsonEncodedText Prompt = JsonEncodedText.Encode("prompt");
    private static readonly JsonEncodedText Model = JsonEncodedText.Encode("model");
    private static readonly JsonEncodedText MaxTokens = JsonEncodedText.Encode("max_tokens");
    private static readonly JsonEncodedText Temperature = JsonEncodedText.Encode("temperature");
    private static readonly JsonEncodedText TopP = JsonEncodedText.Encode("top_p");
    private static readonly JsonEncodedText PresencePenalty = JsonEncodedText.Encode("presence_penalty");
    private static readonly JsonEncodedText FrequencyPenalty = JsonEncodedText.Encode("frequency_penalty");
    private static readonly JsonEncodedText Stream = JsonEncodedText.Encode("stream");
    private static readonly JsonEncodedText Stop = JsonEncodedText.Encode("stop");

    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;

    public HandWritten() => _writer = new Utf8JsonWriter(_buffer);

    public byte[] Serialize(StjCompletionRequest value)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        var w = _writer;
        w.WriteStartObject();
        w.WriteString(Prompt, value.Prompt);
        if (value.Model is { } model) w.WriteString(Model, model);
        if (value.MaxTokens is { } maxTokens) w.WriteNumber(MaxTokens, maxTokens);
        if (value.Temperature is { } temperature) w.WriteNumber(Temperature, temperature);
        if (value.TopP is { } topP) w.WriteNumber(TopP, topP);
        if (value.PresencePenalty is { } presence) w.WriteNumber(PresencePenalty, presence);
        if (value.FrequencyPenalty is { } frequency) w.WriteNumber(FrequencyPenalty, frequency);
        if (value.Stream is { } stream) w.WriteBoolean(Stream, stream);
        if (value.Stop is { } stop) w.WriteString(Stop, stop);
        w.WriteEndObject();
        w.Flush();
        return _buffer.WrittenSpan.ToArray();
    }

    public static StjCompletionResponse DeserializeResponse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        reader.Read();
        return ReadResponse(ref reader);
    }

    public static StjCompletionResponse ReadResponse(ref Utf8JsonReader reader)
    {
        string? obj = null, model = null;
        long created = 0;
        List<StjCompletionChoice>? choices = null;
        StjCompletionUsage? usage = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("object"u8)) { reader.Read(); obj = reader.GetString(); }
            else if (reader.ValueTextEquals("created"u8)) { reader.Read(); created = reader.GetInt64(); }
            else if (reader.ValueTextEquals("model"u8)) { reader.Read(); model = reader.GetString(); }
            else if (reader.ValueTextEquals("choices"u8))
            {
                reader.Read();
                choices = new List<StjCompletionChoice>();
                while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    choices.Add(ReadChoice(ref reader));
                }
            }
            else if (reader.ValueTextEquals("usage"u8))
            {
                reader.Read();
                usage = reader.TokenType == JsonTokenType.Null ? null : ReadUsage(ref reader);
            }
            else { reader.Read(); reader.Skip(); }
        }

        return new StjCompletionResponse
        {
            Object = obj ?? throw new JsonException("object is missing"),
            Created = created,
            Model = model ?? throw new JsonException("model is missing"),
            Choices = choices ?? throw new JsonException("choices is missing"),
            Usage = usage,
        };
    }

    private static StjCompletionChoice ReadChoice(ref Utf8JsonReader reader)
    {
        string? text = null, finishReason = null, stopReason = null;
        int index = 0;
        JsonElement? logprobs = null, promptLogprobs = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("text"u8)) { reader.Read(); text = reader.GetString(); }
            else if (reader.ValueTextEquals("index"u8)) { reader.Read(); index = reader.GetInt32(); }
            else if (reader.ValueTextEquals("finish_reason"u8)) { reader.Read(); finishReason = reader.GetString(); }
            else if (reader.ValueTextEquals("stop_reason"u8)) { reader.Read(); stopReason = reader.GetString(); }
            else if (reader.ValueTextEquals("logprobs"u8)) { reader.Read(); logprobs = reader.TokenType == JsonTokenType.Null ? null : JsonElement.ParseValue(ref reader); }
            else if (reader.ValueTextEquals("prompt_logprobs"u8)) { reader.Read(); promptLogprobs = reader.TokenType == JsonTokenType.Null ? null : JsonElement.ParseValue(ref reader); }
            else { reader.Read(); reader.Skip(); }
        }

        return new StjCompletionChoice
        {
            Text = text ?? throw new JsonException("text is missing"),
            Index = index,
            Logprobs = logprobs,
            FinishReason = finishReason,
            StopReason = stopReason,
            PromptLogprobs = promptLogprobs,
        };
    }

    private static StjCompletionUsage ReadUsage(ref Utf8JsonReader reader)
    {
        int prompt = 0, completion = 0, total = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("prompt_tokens"u8)) { reader.Read(); prompt = reader.GetInt32(); }
            else if (reader.ValueTextEquals("completion_tokens"u8)) { reader.Read(); completion = reader.GetInt32(); }
            else if (reader.ValueTextEquals("total_tokens"u8)) { reader.Read(); total = reader.GetInt32(); }
            else { reader.Read(); reader.Skip(); }
        }

        return new StjCompletionUsage { PromptTokens = prompt, CompletionTokens = completion, TotalTokens = total };
    }
}
