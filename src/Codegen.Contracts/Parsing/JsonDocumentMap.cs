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
    private readonly string _text;
    private readonly int[] _lineStarts;

    private JsonDocumentMap(string path, string text, JToken root)
    {
        Path = path;
        Root = root;
        _text = text;
        var starts = new System.Collections.Generic.List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            // Newtonsoft counts \r\n, \r and \n as line ends, as Roslyn does.
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = starts.ToArray();
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

        return new JsonDocumentMap(path, text, root);
    }

    /// <summary>The token at a JSON pointer such as <c>/definitions/A/properties/b</c>, or null.</summary>
    public JToken? Find(string pointer) => Find(Root, pointer);

    /// <summary>The token at a JSON pointer below <paramref name="root"/> (any token tree, not only this document's), or null.</summary>
    public static JToken? Find(JToken root, string pointer)
    {
        var token = root;
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

        // Newtonsoft reports the position just after a token (after the colon for a property), and
        // escapes make the text longer than the value: find the start by reading the text backwards.
        var line = Math.Min(info.LineNumber - 1, _lineStarts.Length - 1);
        var end = Math.Min(_text.Length, _lineStarts[line] + Math.Max(0, info.LinePosition));
        var start = StartBefore(end, token);
        var startLine = LineOf(start);
        var endLine = LineOf(Math.Max(start, end - 1));
        return new SourceSpan(Path, startLine, start - _lineStarts[startLine], endLine, Math.Max(start + 1, end) - _lineStarts[endLine]);
    }

    private int StartBefore(int end, JToken token)
    {
        var i = end;
        if (token is JProperty)
        {
            // Back over the colon and any whitespace to the key's closing quote.
            while (i > 0 && (_text[i - 1] == ':' || char.IsWhiteSpace(_text[i - 1])))
            {
                i--;
            }
        }

        if (i > 0 && _text[i - 1] == '"' && token is JProperty or JValue { Type: JTokenType.String })
        {
            // The opening quote is the nearest earlier quote that no backslash escapes.
            for (var j = i - 2; j >= 0; j--)
            {
                if (_text[j] == '"' && !IsEscaped(j))
                {
                    return j;
                }
            }

            return 0;
        }

        if (token is JValue)
        {
            while (i > 0 && !char.IsWhiteSpace(_text[i - 1]) && _text[i - 1] is not (',' or ':' or '[' or '{'))
            {
                i--;
            }

            return i;
        }

        return Math.Max(0, end - 1);
    }

    private bool IsEscaped(int index)
    {
        var backslashes = 0;
        for (var k = index - 1; k >= 0 && _text[k] == '\\'; k--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    private int LineOf(int offset)
    {
        var index = Array.BinarySearch(_lineStarts, offset);
        return index >= 0 ? index : ~index - 1;
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
