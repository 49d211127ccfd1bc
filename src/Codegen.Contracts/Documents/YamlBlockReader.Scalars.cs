using System.Text;
using Codegen.Runtime;

namespace Codegen.Contracts.Documents;

/// <summary>Scalars: plain (folded over lines), single- and double-quoted with their escapes, and the positions recorded for them.</summary>
internal sealed partial class YamlBlockReader
{
    /// <summary>A value that starts at the cursor on a line with more after it: a quoted, block or plain scalar or a flow collection.</summary>
    private CodegenJson ReadInlineScalar(int indent, int nameStart, int nameEnd)
    {
        var start = _pos;
        string text;
        bool plain;
        switch (Current)
        {
            case '"':
            case '\'':
                text = ReadQuoted();
                plain = false;
                break;
            case '[':
            case '{':
                var flow = ReadFlow();
                Rerecord(flow, nameStart, nameEnd);
                return flow;
            case '|':
            case '>':
                text = ReadBlockScalar(indent);
                var block = CodegenJson.NewString(text);
                _positions.Record(block, start, _scalarEnd, nameStart, nameEnd);
                return block;
            case '-' when _text[_pos + 1] is ' ' or '\n':
                throw Unsupported();
            default:
                if (!IsPlainStart(Current, _text[_pos + 1], flow: false))
                {
                    throw Unsupported();
                }

                text = ReadPlain(indent);
                plain = true;
                break;
        }

        var value = plain ? YamlDocumentReader.PlainValue(text) ?? throw Unsupported() : CodegenJson.NewString(text);
        _positions.Record(value, start, _scalarEnd, nameStart, nameEnd);
        return value;
    }

    private void Rerecord(CodegenJson value, int nameStart, int nameEnd)
    {
        if (_positions.TryGet(value, out var entry))
        {
            _positions.Record(value, entry.Start, entry.End, nameStart, nameEnd);
        }
    }

    /// <summary>A plain scalar in block context, folded over the lines that continue it (more indented than <paramref name="indent"/>).</summary>
    private string ReadPlain(int indent)
    {
        var start = _pos;
        var end = PlainLineEnd(start, flow: false);
        var first = end;
        StringBuilder? folded = null;
        var next = _text.IndexOf('\n', end) + 1;
        while (next < _text.Length)
        {
            // Blank lines between are kept as line breaks; one line break between two lines is a space.
            var breaks = 0;
            var p = next;
            int lineStart;
            while (true)
            {
                lineStart = p;
                while (p < _text.Length && _text[p] == ' ')
                {
                    p++;
                }

                if (p < _text.Length && _text[p] == '\n')
                {
                    breaks++;
                    p++;
                    continue;
                }

                break;
            }

            if (p >= _text.Length || p - lineStart <= indent || _text[p] == '#')
            {
                break;
            }

            if (_text[p] == '-' || (p == lineStart && (StartsWithAt(p, "---") || StartsWithAt(p, "..."))))
            {
                throw Unsupported();
            }

            var lineEnd = PlainLineEnd(p, flow: false);
            if (_text[lineEnd] != '\n' && !(_text[lineEnd] == ' ' && RestIsBlank(lineEnd)))
            {
                // A comment or a colon inside a continuation: let SharpYaml decide.
                throw Unsupported();
            }

            folded ??= Builder().Append(_text, start, first - start);
            if (breaks == 0)
            {
                folded.Append(' ');
            }
            else
            {
                folded.Append('\n', breaks);
            }

            folded.Append(_text, p, lineEnd - p);
            end = lineEnd;
            next = _text.IndexOf('\n', lineEnd) + 1;
        }

        _scalarEnd = end;
        _pos = end;
        return folded is null ? _pool.Get(_text, start, end - start) : folded.ToString();
    }

    private bool RestIsBlank(int p)
    {
        while (_text[p] == ' ')
        {
            p++;
        }

        return _text[p] == '\n';
    }

    private bool StartsWithAt(int p, string value) => string.CompareOrdinal(_text, p, value, 0, value.Length) == 0;

    /// <summary>Where a plain scalar's text on this line ends (trailing spaces excluded): at a comment, the line's end, or in flow context an indicator.</summary>
    private int PlainLineEnd(int start, bool flow)
    {
        var i = start;
        var end = start;
        while (true)
        {
            var c = _text[i];
            if (c == '\n' || (c == '#' && i > start && _text[i - 1] == ' '))
            {
                break;
            }

            if (c == ':' && (_text[i + 1] is ' ' or '\n' || (flow && _text[i + 1] is ',' or '[' or ']' or '{' or '}')))
            {
                if (!flow)
                {
                    throw Unsupported();
                }

                break;
            }

            if (flow && c is ',' or '[' or ']' or '{' or '}')
            {
                break;
            }

            i++;
            if (c != ' ')
            {
                end = i;
            }
        }

        return end;
    }

    private StringBuilder Builder()
    {
        var builder = _builder ??= new StringBuilder();
        builder.Clear();
        return builder;
    }

    /// <summary>A quoted key on one line (no folding to do).</summary>
    private string ReadQuotedKey(int start, int end)
    {
        var key = ReadQuoted();
        if (_pos != end)
        {
            throw Unsupported();
        }

        _pos = start;
        return key;
    }

    /// <summary>A single- or double-quoted scalar, possibly over several lines (folded as YAML folds flow scalars).</summary>
    private string ReadQuoted()
    {
        var quote = Current;
        var start = ++_pos;
        _escapedSpaceAt = -1;
        var builder = (StringBuilder?)null;
        var runStart = start;
        while (true)
        {
            var c = _text[_pos];
            if (c == quote)
            {
                if (quote == '\'' && _text[_pos + 1] == '\'')
                {
                    (builder ??= Builder()).Append(_text, runStart, _pos - runStart + 1);
                    _pos += 2;
                    runStart = _pos;
                    continue;
                }

                break;
            }

            if (c == '\\' && quote == '"')
            {
                builder ??= Builder();
                builder.Append(_text, runStart, _pos - runStart);
                AppendEscape(builder);
                runStart = _pos;
                continue;
            }

            if (c == '\n')
            {
                builder ??= Builder();
                builder.Append(_text, runStart, _pos - runStart);
                Fold(builder);
                runStart = _pos;
                continue;
            }

            _pos++;
        }

        string text;
        if (builder is null)
        {
            text = _pos - start <= StringPool.MaxLength ? _pool.Get(_text, start, _pos - start) : _text.Substring(start, _pos - start);
        }
        else
        {
            builder.Append(_text, runStart, _pos - runStart);
            text = builder.ToString();
        }

        _pos++;
        _scalarEnd = _pos;
        return text;
    }

    /// <summary>A line break inside a quoted scalar: trailing spaces dropped, one break a space, more breaks kept as breaks, indentation dropped.</summary>
    private void Fold(StringBuilder builder)
    {
        var length = builder.Length;
        while (length > 0 && builder[length - 1] == ' ' && !EscapedSpaceAt(builder, length))
        {
            length--;
        }

        builder.Length = length;
        var breaks = 0;
        _pos++;
        while (true)
        {
            var lineStart = _pos;
            while (_text[_pos] == ' ')
            {
                _pos++;
            }

            if (_pos >= _text.Length - 1 && _text[_pos] == '\n')
            {
                throw Unsupported();
            }

            if (_pos == lineStart && (StartsWithAt(_pos, "---") || StartsWithAt(_pos, "...")))
            {
                throw Unsupported();
            }

            if (_text[_pos] == '\n')
            {
                breaks++;
                _pos++;
                continue;
            }

            break;
        }

        if (breaks == 0)
        {
            builder.Append(' ');
        }
        else
        {
            builder.Append('\n', breaks);
        }
    }

    private bool EscapedSpaceAt(StringBuilder builder, int length) => _escapedSpaceAt == length;

    private void AppendEscape(StringBuilder builder)
    {
        var c = _text[_pos + 1];
        _pos += 2;
        switch (c)
        {
            case '0': builder.Append('\0'); return;
            case 'a': builder.Append('\a'); return;
            case 'b': builder.Append('\b'); return;
            case 't': builder.Append('\t'); return;
            case 'n': builder.Append('\n'); return;
            case 'v': builder.Append('\v'); return;
            case 'f': builder.Append('\f'); return;
            case 'r': builder.Append('\r'); return;
            case 'e': builder.Append('\u001B'); return;
            case ' ':
                builder.Append(' ');
                _escapedSpaceAt = builder.Length;
                return;
            case '"': builder.Append('"'); return;
            case '/': builder.Append('/'); return;
            case '\\': builder.Append('\\'); return;
            case 'N': builder.Append('\u0085'); return;
            case '_': builder.Append('\u00A0'); return;
            case 'L': builder.Append('\u2028'); return;
            case 'P': builder.Append('\u2029'); return;
            case 'x': AppendCodePoint(builder, 2); return;
            case 'u': AppendCodePoint(builder, 4); return;
            case 'U': AppendCodePoint(builder, 8); return;
            case '\n':
                // An escaped line break joins the lines without a space; the next line's indentation goes, empty lines stay breaks.
                var breaks = 0;
                while (true)
                {
                    while (_text[_pos] == ' ')
                    {
                        _pos++;
                    }

                    if (_text[_pos] != '\n')
                    {
                        break;
                    }

                    if (_pos >= _text.Length - 1)
                    {
                        throw Unsupported();
                    }

                    breaks++;
                    _pos++;
                }

                builder.Append('\n', breaks);
                return;
            default:
                // Anything unknown: SharpYaml's call.
                throw Unsupported();
        }
    }

    private void AppendCodePoint(StringBuilder builder, int digits)
    {
        var value = 0;
        for (var i = 0; i < digits; i++)
        {
            var c = _text[_pos + i];
            var digit = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : c is >= 'A' and <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0)
            {
                throw Unsupported();
            }

            value = (value * 16) + digit;
        }

        if ((value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF)
        {
            throw Unsupported();
        }

        _pos += digits;
        builder.Append(char.ConvertFromUtf32(value));
    }
}
