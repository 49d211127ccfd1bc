using System.Text;
using ModelsLab.Completions;

namespace Codegen.Benchmarks;

/// <summary>The JSON every suite reads and writes, built once so that every peer sees the same bytes.</summary>
public static class Payloads
{
    /// <summary>The example response the ModelsLab documentation shows.</summary>
    public static readonly byte[] SmallResponse = Encoding.UTF8.GetBytes(
        """{"object":"text_completion","created":1732624363,"model":"ModelsLab/Llama-3.1-8b-Uncensored-Dare","choices":[{"text":"\"Indulge in our destructive addiction of ice cream.\"","index":0,"logprobs":null,"finish_reason":"length","stop_reason":null,"prompt_logprobs":null}],"usage":{"prompt_tokens":122,"completion_tokens":13,"total_tokens":135}}""");

    /// <summary>16 choices of about 2 KB of text each (with quotes, a newline and non-ASCII text to escape).</summary>
    public static readonly byte[] LargeResponse = Encoding.UTF8.GetBytes(BuildLargeResponse());

    /// <summary>
    /// A request with every field set. The prompt and stop are strings: a oneOf of string and array is a
    /// union here, while System.Text.Json and NJsonSchema model it as a string, so the string form keeps the
    /// bytes identical for every peer.
    /// </summary>
    public static CompletionRequest OursRequest() => new()
    {
        Prompt = "Write a tagline for an ice cream shop.",
        Model = "ModelsLab/Llama-3.1-8b-Uncensored-Dare",
        MaxTokens = 128,
        Temperature = 0.7,
        TopP = 0.95,
        PresencePenalty = 0.5,
        FrequencyPenalty = -0.25,
        Stream = false,
        Stop = "###",
    };

    public static Peers.StjCompletionRequest StjRequest() => new()
    {
        Prompt = "Write a tagline for an ice cream shop.",
        Model = "ModelsLab/Llama-3.1-8b-Uncensored-Dare",
        MaxTokens = 128,
        Temperature = 0.7,
        TopP = 0.95,
        PresencePenalty = 0.5,
        FrequencyPenalty = -0.25,
        Stream = false,
        Stop = "###",
    };

    public static Peers.NSwag.CompletionRequest NSwagRequest() => new()
    {
        Prompt = "Write a tagline for an ice cream shop.",
        Model = "ModelsLab/Llama-3.1-8b-Uncensored-Dare",
        Max_tokens = 128,
        Temperature = 0.7,
        Top_p = 0.95,
        Presence_penalty = 0.5,
        Frequency_penalty = -0.25,
        Stream = false,
        Stop = "###",
    };

    /// <summary>One stream chunk: the response shape with one token of text and no finish reason yet.</summary>
    public static string Chunk(int i) =>
        "{\"object\":\"text_completion\",\"created\":1732624363,\"model\":\"ModelsLab/Llama-3.1-8b-Uncensored-Dare\",\"choices\":[{\"text\":\" token" +
        i.ToString(System.Globalization.CultureInfo.InvariantCulture) +
        "\",\"index\":0,\"logprobs\":null,\"finish_reason\":null,\"stop_reason\":null}]}";

    /// <summary>A server-sent event stream of <paramref name="chunks"/> chunks ended by <c>data: [DONE]</c>, as servers send it.</summary>
    public static byte[] EventStream(int chunks)
    {
        var text = new StringBuilder();
        for (var i = 0; i < chunks; i++)
        {
            text.Append("data: ").Append(Chunk(i)).Append("\n\n");
        }

        text.Append("data: [DONE]\n\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string BuildLargeResponse()
    {
        const string sentence = "The quick brown fox \"jumps\" over the lazy dog; café crème brûlée.\n";
        var text = new StringBuilder();
        while (text.Length < 2048)
        {
            text.Append(sentence);
        }

        var escaped = System.Text.Json.JsonEncodedText.Encode(text.ToString(), System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();
        var json = new StringBuilder("{\"object\":\"text_completion\",\"created\":1732624363,\"model\":\"ModelsLab/Llama-3.1-8b-Uncensored-Dare\",\"choices\":[");
        for (var i = 0; i < 16; i++)
        {
            json.Append(i == 0 ? "" : ",")
                .Append("{\"text\":\"").Append(escaped).Append("\",\"index\":").Append(i)
                .Append(",\"logprobs\":null,\"finish_reason\":\"length\",\"stop_reason\":null,\"prompt_logprobs\":null}");
        }

        json.Append("],\"usage\":{\"prompt_tokens\":122,\"completion_tokens\":8192,\"total_tokens\":8314}}");
        return json.ToString();
    }
}
