using System.Globalization;
using System.Text;
using Codegen.Runtime;

namespace Codegen.ContractServer;

/// <summary>
/// A value that a response schema accepts, built from the schema alone (read by the rules engine) when the document
/// has no example to answer with. Deterministic: the same request gives the same value. It writes required
/// properties (and the ones a completion answer fills), the first of an <c>enum</c>, <c>const</c> and
/// <c>default</c>, numbers within <c>minimum</c>/<c>maximum</c> and on their <c>multipleOf</c>, strings within their
/// lengths and in their <c>format</c> (which the model carries, see <see cref="Codegen.Contracts.Model.PropertySpec.Format"/>),
/// arrays of at least one item within <c>minItems</c>/<c>maxItems</c>, the merged parts of an <c>allOf</c>, and the first
/// alternative of a <c>oneOf</c>/<c>anyOf</c> that the whole schema accepts. A completion API's known members (text,
/// content, finish_reason, usage, model, ...) get the completion's values when the schema accepts them.
/// </summary>
internal sealed class ResponseSynthesizer(IReadOnlyDictionary<string, string> formats, SynthesisHints hints)
{
    private const long Created = 1_700_000_000;
    private const int MaxDepth = 24;

    private static readonly string[] Words =
    [
        "alpha", "bravo", "cedar", "delta", "ember", "fjord", "grove", "harbor", "island", "juniper", "kestrel", "lumen",
        "meadow", "nectar", "orbit", "prairie", "quartz", "river", "summit", "tundra", "umber", "valley", "willow", "zephyr",
    ];

    public CodegenJson Build(CodegenSchema schema) => Value(schema, null, 0, "$");

    private CodegenJson Value(CodegenSchema schema, string? name, int depth, string path)
    {
        schema = Follow(schema);
        if (Known(name, path) is { } known && CodegenSchemaEvaluator.IsValid(schema, known))
        {
            return known;
        }

        if (schema.BooleanValue is not null)
        {
            return CodegenJson.Null;
        }

        if (schema.Const is { } constant)
        {
            return constant;
        }

        if (schema.Default is { } defaultValue && CodegenSchemaEvaluator.IsValid(schema, defaultValue))
        {
            return defaultValue;
        }

        if (schema.Enum is { Count: > 0 } values)
        {
            return values.FirstOrDefault(v => !v.IsNull) ?? values[0];
        }

        if (depth > MaxDepth)
        {
            return Smallest(schema);
        }

        if (schema.AllOf is { Count: > 0 } parts)
        {
            return Merge(schema, parts, name, depth, path);
        }

        if ((schema.OneOf ?? schema.AnyOf) is { Count: > 0 } alternatives && schema.Properties.Count == 0 && schema.Types == CodegenSchemaTypes.None)
        {
            return Alternative(schema, alternatives, name, depth, path);
        }

        var types = schema.Types;
        if ((types & CodegenSchemaTypes.Object) != 0 || (types == CodegenSchemaTypes.None && schema.Properties.Count > 0))
        {
            return Object(schema, depth, path);
        }

        if ((types & CodegenSchemaTypes.Array) != 0 || (types == CodegenSchemaTypes.None && schema.Items is not null))
        {
            return Array(schema, name, depth, path);
        }

        if ((types & CodegenSchemaTypes.String) != 0 || types == CodegenSchemaTypes.None)
        {
            return String(schema, name, path);
        }

        if ((types & (CodegenSchemaTypes.Integer | CodegenSchemaTypes.Number)) != 0)
        {
            return Number(schema, (types & CodegenSchemaTypes.Number) == 0);
        }

        return (types & CodegenSchemaTypes.Boolean) != 0 ? CodegenJson.False : CodegenJson.Null;
    }

    /// <summary>The value a completion API's member has in this answer, or null when the name means nothing special.</summary>
    private CodegenJson? Known(string? name, string path)
    {
        if (name is null)
        {
            return null;
        }

        switch (name)
        {
            case "id" when path == "$.id": return CodegenJson.FromString(hints.Id);
            case "model" when hints.Model is not null: return CodegenJson.FromString(hints.Model);
            case "created" or "created_at": return CodegenJson.FromInt64(Created);
            case "index": return CodegenJson.FromInt64(0);
            case "role": return CodegenJson.FromString("assistant");
        }

        if (hints.Completion is not { } completion)
        {
            return null;
        }

        return name switch
        {
            "text" or "content" => CodegenJson.FromString(hints.Text ?? completion.Text),
            "finish_reason" => hints.FinishReason is null ? CodegenJson.Null : CodegenJson.FromString(hints.FinishReason),
            "prompt_tokens" => CodegenJson.FromInt64(completion.PromptTokens),
            "completion_tokens" => CodegenJson.FromInt64(hints.CompletionTokens),
            "total_tokens" => CodegenJson.FromInt64(completion.PromptTokens + hints.CompletionTokens),
            _ => null,
        };
    }

    /// <summary>Members worth writing beyond the required ones: what a completion answer carries.</summary>
    private bool Wanted(string name) => hints.Completion is not null && (name is "text" or "content" or "finish_reason" or "message" or "delta" or "choices"
        or "id" or "object" or "created" or "model" or "index" or "role" or "prompt_tokens" or "completion_tokens" or "total_tokens"
        || (name == "usage" && hints.WithUsage));

    private CodegenJson Object(CodegenSchema schema, int depth, string path)
    {
        var members = new List<KeyValuePair<string, CodegenJson>>();
        foreach (var (propertyName, property) in schema.Properties)
        {
            if (Wanted(propertyName))
            {
                members.Add(new(propertyName, Value(property, propertyName, depth + 1, path + "." + propertyName)));
            }
            else if (schema.Required.Contains(propertyName))
            {
                // A required member that may be null (logprobs, refusal) is null, as real servers mostly send it.
                members.Add(new(propertyName, Known(propertyName, path + "." + propertyName) is null && CodegenSchemaEvaluator.IsValid(property, CodegenJson.Null)
                    ? CodegenJson.Null
                    : Value(property, propertyName, depth + 1, path + "." + propertyName)));
            }
        }

        foreach (var required in schema.Required)
        {
            if (!schema.TryGetProperty(required, out _))
            {
                var value = schema.AdditionalProperties is { } additional ? Value(additional, required, depth + 1, path + "." + required) : CodegenJson.FromString(Word(path + "." + required));
                members.Add(new(required, value));
            }
        }

        return CodegenJson.CreateObject(members);
    }

    private CodegenJson Array(CodegenSchema schema, string? name, int depth, string path)
    {
        if (name == "embedding" && hints.Base64Embeddings)
        {
            // encoding_format: base64 asks for the vector as base64 of little-endian float32s, as OpenAI answers it
            // (and its SDKs ask by default), though the document types the member as an array of numbers.
            var bytes = new byte[hints.Dimensions * 4];
            for (var i = 0; i < hints.Dimensions; i++)
            {
                var coordinate = (float)Embedding(path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]").NumberValue.ToDouble();
                System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), coordinate);
            }

            return CodegenJson.FromString(Convert.ToBase64String(bytes));
        }

        var minimum = schema.MinItems ?? 0;
        var count = name == "embedding" ? Math.Max(hints.Dimensions, minimum) : Math.Max(minimum, depth > 8 ? 0 : 1);
        if (schema.MaxItems is { } maximum)
        {
            count = Math.Min(count, maximum);
        }

        var items = new List<CodegenJson>(count);
        for (var i = 0; i < count; i++)
        {
            var itemSchema = schema.PrefixItems is { } prefix && i < prefix.Count ? prefix[i] : schema.Items;
            var itemPath = path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            items.Add(name == "embedding" ? Embedding(itemPath) : itemSchema is null ? CodegenJson.FromString(Word(itemPath)) : Value(itemSchema, null, depth + 1, itemPath));
        }

        return CodegenJson.CreateArray(items);
    }

    /// <summary>One coordinate of an embedding: a number in [-1, 1] from the request and the position.</summary>
    private CodegenJson Embedding(string path) =>
        CodegenJson.FromDecimal(Math.Round(((long)(SynthesisHints.Fnv((hints.EmbeddingSeed ?? hints.Seed) + "|" + path) % 20001) - 10000) / 10000m, 4));

    /// <summary>An <c>allOf</c>: the members of every part that gives an object, and the schema's own properties beside it.</summary>
    private CodegenJson Merge(CodegenSchema schema, IReadOnlyList<CodegenSchema> parts, string? name, int depth, string path)
    {
        var members = new List<KeyValuePair<string, CodegenJson>>();
        CodegenJson? scalar = null;
        var values = parts.Select(part => Value(part, name, depth + 1, path)).ToList();
        if (schema.Properties.Count > 0 || schema.Required.Count > 0)
        {
            values.Insert(0, Object(schema, depth, path));
        }

        foreach (var value in values)
        {
            if (value.Kind == CodegenJsonKind.Object)
            {
                members.AddRange(value.Members.Where(m => !members.Exists(e => e.Key == m.Key)));
            }
            else if (!value.IsNull)
            {
                scalar ??= value;
            }
        }

        return scalar ?? CodegenJson.CreateObject(members);
    }

    private CodegenJson Alternative(CodegenSchema schema, IReadOnlyList<CodegenSchema> alternatives, string? name, int depth, string path)
    {
        CodegenJson? first = null;
        foreach (var alternative in alternatives)
        {
            if (Follow(alternative).Types == CodegenSchemaTypes.Null)
            {
                continue;
            }

            var value = Value(alternative, name, depth + 1, path);
            if (CodegenSchemaEvaluator.IsValid(schema, value))
            {
                return value;
            }

            first ??= value;
        }

        return first ?? CodegenJson.Null;
    }

    private CodegenJson String(CodegenSchema schema, string? name, string path)
    {
        var format = formats.TryGetValue(schema.Pointer, out var known) ? known : schema.Format;
        var text = format switch
        {
            "date-time" => "2023-11-14T22:13:20Z",
            "date" => "2023-11-14",
            "time" => "22:13:20Z",
            "uuid" => Uuid(path),
            "email" => Word(path) + "@example.com",
            "uri" or "url" or "uri-reference" or "iri" => "https://example.com/" + Word(path),
            "hostname" => Word(path) + ".example.com",
            "ipv4" => "192.0.2." + (Hash(path) % 250 + 1).ToString(CultureInfo.InvariantCulture),
            "ipv6" => "2001:db8::" + (Hash(path) % 250 + 1).ToString(CultureInfo.InvariantCulture),
            "byte" => Convert.ToBase64String(Encoding.UTF8.GetBytes(Word(path))),
            "int32" or "int64" => (Hash(path) % 1000).ToString(CultureInfo.InvariantCulture),
            _ => name == "id" ? name + "_" + Hash(path).ToString("x8", CultureInfo.InvariantCulture) : Word(path),
        };

        var minimum = schema.MinLength ?? 0;
        var maximum = schema.MaxLength ?? int.MaxValue;
        while (text.Length < minimum)
        {
            text += "-" + Word(path + text.Length.ToString(CultureInfo.InvariantCulture));
        }

        if (text.Length > maximum)
        {
            text = text[..maximum];
        }

        if (schema.Pattern is { } pattern && !pattern.IsMatch(text, out _))
        {
            // A few plain candidates; a pattern that none of them match keeps the word (the answer then breaks it).
            foreach (var candidate in new[] { "a", "A", "0", "abc", "a1", "A1", "abc-123", "ABC_123", "x" + text })
            {
                if (candidate.Length >= minimum && candidate.Length <= maximum && pattern.IsMatch(candidate, out _))
                {
                    return CodegenJson.FromString(candidate);
                }
            }
        }

        return CodegenJson.FromString(text);
    }

    private static CodegenJson Number(CodegenSchema schema, bool integer)
    {
        var step = schema.MultipleOf is { } multiple ? multiple.ToDouble() : integer ? 1 : 0;
        var low = schema.Minimum?.ToDouble() ?? (schema.ExclusiveMinimum is { } exclusiveLow ? exclusiveLow.ToDouble() + (step > 0 ? step : 0.5) : (double?)null);
        var high = schema.Maximum?.ToDouble() ?? (schema.ExclusiveMaximum is { } exclusiveHigh ? exclusiveHigh.ToDouble() - (step > 0 ? step : 0.5) : (double?)null);
        var value = low ?? Math.Min(high ?? 1, integer ? 1 : 0.5);
        if (step > 0)
        {
            value = Math.Ceiling(value / step) * step;
            if (high is { } top && value > top)
            {
                value = Math.Floor(top / step) * step;
            }
        }

        if (schema.ExclusiveMinimum is { } lowBound && value <= lowBound.ToDouble())
        {
            value = high is { } top ? (lowBound.ToDouble() + top) / 2 : lowBound.ToDouble() + 1;
        }

        return integer ? CodegenJson.FromInt64((long)Math.Round(value)) : CodegenJson.FromDouble(value);
    }

    /// <summary>The least a schema accepts where recursion has gone deep: null, or an empty value of its type.</summary>
    private static CodegenJson Smallest(CodegenSchema schema)
    {
        var types = schema.Types;
        return (types & CodegenSchemaTypes.Null) != 0 || schema.AcceptsNull ? CodegenJson.Null
            : (types & CodegenSchemaTypes.Array) != 0 ? CodegenJson.CreateArray([])
            : (types & CodegenSchemaTypes.String) != 0 ? CodegenJson.FromString(string.Empty)
            : CodegenJson.CreateObject([]);
    }

    private static CodegenSchema Follow(CodegenSchema schema)
    {
        for (var hops = 0; hops < 32 && schema.ReferenceTarget is { } target && schema.Properties.Count == 0 && schema.AllOf is null; hops++)
        {
            schema = target;
        }

        return schema;
    }

    private string Word(string path) => Words[Hash(path) % (uint)Words.Length];

    private string Uuid(string path)
    {
        var bytes = new byte[16];
        BitConverter.GetBytes(Hash(path)).CopyTo(bytes, 0);
        BitConverter.GetBytes(Hash(path + "#1")).CopyTo(bytes, 4);
        BitConverter.GetBytes(Hash(path + "#2")).CopyTo(bytes, 8);
        BitConverter.GetBytes(Hash(path + "#3")).CopyTo(bytes, 12);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D", CultureInfo.InvariantCulture);
    }

    private uint Hash(string path) => SynthesisHints.Fnv(hints.Seed + "|" + path);
}

/// <summary>
/// What a synthesised answer fills in beyond the schema: the request's identity (the seed), an id, the model asked
/// for, and for completion APIs the completion and the piece of it this answer (or stream event) carries.
/// </summary>
internal sealed record SynthesisHints(string Seed, string Id)
{
    public string? Model { get; init; }

    public CompletionText? Completion { get; init; }

    /// <summary>The text of this answer: the whole completion, or one event's token.</summary>
    public string? Text { get; init; }

    public string? FinishReason { get; init; }

    public int CompletionTokens { get; init; }

    public bool WithUsage { get; init; }

    /// <summary>What an embedding depends on (the model and the input), so that its encoding does not change it; null: the whole request.</summary>
    public string? EmbeddingSeed { get; init; }

    /// <summary>The request asked for embeddings as base64 (<c>encoding_format: base64</c>).</summary>
    public bool Base64Embeddings { get; init; }

    /// <summary>How many numbers an embedding has.</summary>
    public int Dimensions { get; init; } = 8;

    public static uint Fnv(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }
}
