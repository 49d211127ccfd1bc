using System;
using Codegen.Contracts.Model;
using Codegen.Runtime;

namespace Codegen.Contracts.Documents;

/// <summary>
/// Finds where a JSON pointer is in JSON text that is known to be valid (a contract the parser has read), by stepping over
/// the values off its path without building any: a few positions cost a scan instead of a second reading of the file. The
/// span is <see cref="ContractDocument.SpanOf(string)"/>'s: the member name of a member, the opening bracket of an object
/// or array, else the value; the nearest ancestor when the pointer is not there. Null when the text or pointer is outside
/// what it handles exactly (escaped member names, a pointer that does not parse): read the document then.
/// </summary>
internal static class JsonTextLocator
{
    public static SourceSpan? SpanOf(string path, string text, string pointer)
    {
        if (!CodegenJsonPointer.TryParse(pointer, out var tokens))
        {
            return null;
        }

        var offset = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        offset = SkipWhitespace(text, offset);
        int nameStart = -1, nameEnd = -1;
        foreach (var token in tokens)
        {
            if (offset >= text.Length)
            {
                return null;
            }

            int memberStart = -1, memberEnd = -1;
            var found = text[offset] switch
            {
                '{' => FindMember(text, offset, token, out memberStart, out memberEnd),
                '[' => FindItem(text, offset, token),
                _ => -1,
            };
            if (found == -2)
            {
                return null;
            }

            if (found < 0)
            {
                break;
            }

            (nameStart, nameEnd) = (memberStart, memberEnd);
            offset = found;
        }

        int start, end;
        if (nameStart >= 0)
        {
            (start, end) = (nameStart, nameEnd);
        }
        else
        {
            start = offset;
            end = text[offset] is '{' or '[' ? offset + 1 : SkipValue(text, offset);
        }

        var (startLine, startColumn) = LineAndColumn(text, start);
        var (endLine, endColumn) = LineAndColumn(text, Math.Max(start + 1, end));
        return new SourceSpan(path, startLine, startColumn, endLine, endColumn);
    }

    /// <summary>The offset of the value of member <paramref name="name"/> of the object at <paramref name="offset"/>; -1 when it has none, -2 when a name is escaped.</summary>
    private static int FindMember(string text, int offset, string name, out int nameStart, out int nameEnd)
    {
        nameStart = nameEnd = -1;
        offset = SkipWhitespace(text, offset + 1);
        while (offset < text.Length && text[offset] == '"')
        {
            var start = offset;
            var end = SkipString(text, offset);
            if (text.IndexOf('\\', start + 1, end - start - 2) >= 0)
            {
                return -2;
            }

            var value = SkipWhitespace(text, SkipWhitespace(text, end) + 1);
            if (end - start - 2 == name.Length && string.CompareOrdinal(text, start + 1, name, 0, name.Length) == 0)
            {
                (nameStart, nameEnd) = (start, end);
                return value;
            }

            offset = SkipWhitespace(text, SkipValue(text, value));
            if (offset >= text.Length || text[offset] != ',')
            {
                return -1;
            }

            offset = SkipWhitespace(text, offset + 1);
        }

        return -1;
    }

    /// <summary>The offset of item <paramref name="token"/> of the array at <paramref name="offset"/>, or -1.</summary>
    private static int FindItem(string text, int offset, string token)
    {
        // RFC 6901: decimal digits without leading zeros.
        if (token.Length == 0 || (token.Length > 1 && token[0] == '0')
            || !int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
        {
            return -1;
        }

        offset = SkipWhitespace(text, offset + 1);
        if (offset >= text.Length || text[offset] == ']')
        {
            return -1;
        }

        for (var i = 0; i < index; i++)
        {
            offset = SkipWhitespace(text, SkipValue(text, offset));
            if (offset >= text.Length || text[offset] != ',')
            {
                return -1;
            }

            offset = SkipWhitespace(text, offset + 1);
        }

        return offset;
    }

    /// <summary>The offset just after the value at <paramref name="offset"/>.</summary>
    private static int SkipValue(string text, int offset)
    {
        if (text[offset] == '"')
        {
            return SkipString(text, offset);
        }

        if (text[offset] is not ('{' or '['))
        {
            while (offset < text.Length && text[offset] is not (',' or '}' or ']' or ' ' or '\t' or '\n' or '\r'))
            {
                offset++;
            }

            return offset;
        }

        var depth = 0;
        while (offset < text.Length)
        {
            switch (text[offset])
            {
                case '"':
                    offset = SkipString(text, offset);
                    continue;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']':
                    if (--depth == 0)
                    {
                        return offset + 1;
                    }

                    break;
            }

            offset++;
        }

        return offset;
    }

    /// <summary>The offset just after the closing quote of the string that starts at <paramref name="offset"/>.</summary>
    private static int SkipString(string text, int offset)
    {
        for (var i = offset + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                return i + 1;
            }
        }

        return text.Length;
    }

    private static int SkipWhitespace(string text, int offset)
    {
        while (offset < text.Length && text[offset] is ' ' or '\t' or '\n' or '\r')
        {
            offset++;
        }

        return offset;
    }

    /// <summary>Zero-based line and column; \r\n, \r and \n end lines, as Roslyn (and <c>CodegenJsonPositions</c>) count them.</summary>
    private static (int Line, int Column) LineAndColumn(string text, int offset)
    {
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart);
    }
}
