using System.Text.Json.Nodes;

namespace Codegen.ContractServer;

/// <summary>
/// The answer to a prompt: deterministic words derived from the prompt's hash, cut at <c>max_tokens</c>
/// and at the first stop sequence. One word is one token; the first has no leading space.
/// </summary>
internal sealed record CompletionText(IReadOnlyList<string> Tokens, string FinishReason, int PromptTokens)
{
    private static readonly string[] Words =
    [
        "contract", "first", "code", "flows", "from", "one", "schema", "and", "every", "client", "follows",
        "the", "server", "answers", "in", "kind", "types", "stay", "honest", "when", "tests", "run", "fast",
        "streams", "arrive", "token", "by", "a", "quiet", "loop", "of", "bright", "ideas", "cool", "scoops",
        "sweet", "summer", "evening", "light", "waves", "gently", "roll", "toward", "shore", "under", "calm",
    ];

    public string Text => string.Concat(Tokens);

    public int CompletionTokens => Tokens.Count;

    public static CompletionText For(JsonObject request, int defaultMaxTokens)
    {
        // A completion's prompt, a chat's messages, or an embedding's input.
        var prompt = Join(request["prompt"] ?? Contents(request["messages"]) ?? request["input"]);
        var maxTokens = (request["max_tokens"] ?? request["max_completion_tokens"]) is JsonValue max && max.TryGetValue<int>(out var m) ? m : defaultMaxTokens;
        var seed = Fnv(prompt);
        var natural = 8 + (int)(seed % 24);
        var count = Math.Min(natural, Math.Max(0, maxTokens));
        var tokens = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var word = Words[(int)(Fnv(prompt + "#" + i) % (uint)Words.Length)];
            tokens.Add(i == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : " " + word);
        }

        var finish = count < natural ? "length" : "stop";
        var stops = Strings(request["stop"]).Where(s => s.Length > 0).ToList();
        var text = string.Concat(tokens);
        var cut = stops.Select(s => text.IndexOf(s, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        if (cut >= 0)
        {
            tokens = CutAt(tokens, cut);
            finish = "stop";
        }

        var promptTokens = Math.Max(1, prompt.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
        return new CompletionText(tokens, finish, promptTokens);
    }

    private static List<string> CutAt(List<string> tokens, int length)
    {
        var kept = new List<string>();
        var used = 0;
        foreach (var token in tokens)
        {
            if (used + token.Length <= length)
            {
                kept.Add(token);
                used += token.Length;
                continue;
            }

            if (length > used)
            {
                kept.Add(token[..(length - used)]);
            }

            break;
        }

        return kept;
    }

    /// <summary>The text of chat messages: each message's <c>content</c>, a string or a list of parts with <c>text</c>.</summary>
    private static JsonArray? Contents(JsonNode? messages) => messages is JsonArray list
        ? new JsonArray([.. list.SelectMany(message => message?["content"] switch
        {
            JsonValue text => [text.DeepClone()],
            JsonArray parts => parts.Select(part => part?["text"]?.DeepClone()),
            _ => [],
        })])
        : null;

    private static string Join(JsonNode? prompt) => string.Join("\n", Strings(prompt));

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        JsonArray array => array.Select(item => item is JsonValue v && v.TryGetValue<string>(out var s) ? s : string.Empty),
        _ => [],
    };

    private static uint Fnv(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }
}
