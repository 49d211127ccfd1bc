using System;
using System.Text;
using Codegen.Contracts.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Codegen.Contracts.Parsing;

/// <summary>
/// The contract as a Newtonsoft token tree with line information, so that a JSON pointer taken while
/// walking the NJsonSchema model (which keeps no positions) can be turned back into a line and column.
/// </summary>
internal sealed class JsonDocumentMap
{
    private JsonDocumentMap(string path, JToken root)
    {
        Path = path;
        Root = root;
    }

    public string Path { get; }

    public JToken Root { get; }

    public static JsonDocumentMap Load(string path, string text)
    {
        using var reader = new JsonTextReader(new System.IO.StringReader(text))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
            MaxDepth = 256,
        };
        var settings = new JsonLoadSettings
        {
            LineInfoHandling = LineInfoHandling.Load,
            CommentHandling = CommentHandling.Ignore,
            DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
        };
        var root = JToken.ReadFrom(reader, settings);
        if (reader.Read())
        {
            throw new JsonReaderException("Unexpected content after the end of the JSON document.", reader.Path, reader.LineNumber, reader.LinePosition, null);
        }

        return new JsonDocumentMap(path, root);
    }

    /// <summary>The token at a JSON pointer such as <c>/definitions/A/properties/b</c>, or null.</summary>
    public JToken? Find(string pointer)
    {
        var token = Root;
        foreach (var segment in SplitPointer(pointer))
        {
            token = token switch
            {
                JObject obj => obj.Property(segment, StringComparison.Ordinal)?.Value,
                JArray array when int.TryParse(segment, out var index) && index >= 0 && index < array.Count => array[index],
                _ => null,
            };
            if (token is null)
            {
                return null;
            }
        }

        return token;
    }

    /// <summary>The span of the token at <paramref name="pointer"/>, or of its nearest existing ancestor.</summary>
    public SourceSpan SpanOf(string pointer)
    {
        var current = pointer;
        while (true)
        {
            var token = Find(current);
            if (token is not null)
            {
                return SpanOf(token);
            }

            var slash = current.LastIndexOf('/');
            if (slash <= 0)
            {
                return SpanOf(Root);
            }

            current = current.Substring(0, slash);
        }
    }

    /// <summary>
    /// The span of a token. A property's value is located at its key, which is what a reader looks
    /// for; Newtonsoft reports the position just after a token, so the start is found by going back.
    /// </summary>
    public SourceSpan SpanOf(JToken token)
    {
        if (token.Parent is JProperty property)
        {
            token = property;
        }

        var info = (IJsonLineInfo)token;
        if (!info.HasLineInfo())
        {
            return SourceSpan.At(Path, 0, 0);
        }

        var line = info.LineNumber - 1;
        var end = info.LinePosition;
        var length = token switch
        {
            JProperty p => p.Name.Length + 2,
            JValue { Type: JTokenType.String } v => ((string)v.Value!).Length + 2,
            JValue v => v.ToString(Formatting.None).Length,
            _ => 1,
        };
        var start = Math.Max(0, end - length);
        return new SourceSpan(Path, line, start, line, Math.Max(start + 1, end));
    }

    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    public static string Append(string pointer, string segment) => pointer + "/" + Escape(segment);

    public static string[] SplitPointer(string pointer)
    {
        if (pointer.Length == 0 || pointer == "/")
        {
            return Array.Empty<string>();
        }

        var parts = pointer.TrimStart('/').Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = Uri.UnescapeDataString(parts[i].Replace("~1", "/").Replace("~0", "~"));
        }

        return parts;
    }

    /// <summary>Shortens text for a message so that a hostile contract cannot flood the build output.</summary>
    public static string Excerpt(string text, int max = 80)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if (builder.Length >= max)
            {
                builder.Append('…');
                break;
            }

            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString();
    }
}
