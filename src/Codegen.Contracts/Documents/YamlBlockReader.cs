using System;
using System.Collections.Generic;
using System.Text;
using Codegen.Runtime;

namespace Codegen.Contracts.Documents;

/// <summary>
/// The fast path of <see cref="YamlDocumentReader"/>: reads the YAML that OpenAPI documents are written in (block
/// mappings and sequences, plain, quoted and block scalars, single-line flow collections, comments) straight from the
/// text into JSON values with the same positions SharpYaml reports, several times faster and with one string per
/// scalar (keys and short plain values shared). Anything else (anchors, aliases, tags, merge keys, complex keys,
/// directives, several documents, tabs, carriage returns, control characters, a duplicate key, any error) throws
/// <see cref="NotSupportedException"/>, and the caller reads the text with SharpYaml instead, which either reads it or
/// says what is wrong and where. So this reader never decides what a document means on its own where SharpYaml would
/// differ: <c>DocumentTests</c> compares both readers value by value and position by position.
/// </summary>
internal sealed partial class YamlBlockReader
{
    private const int MaxDepth = CodegenJsonParser.MaxDepth;

    private readonly string _text;
    private readonly CodegenJsonPositions _positions;
    private readonly StringPool _pool = new();
    private StringBuilder? _builder;
    private int _pos;
    private int _lineStart;
    private int _depth;

    // Where the last scalar read ends (SharpYaml's end mark).
    private int _scalarEnd;

    // A block scalar leaves the cursor on the next content already; FinishLine has nothing to do then.
    private bool _lineFinished;

    // Where the builder holds an escaped space ("\ "), which the folding of a line break must keep.
    private int _escapedSpaceAt = -1;

    private YamlBlockReader(string text, CodegenJsonPositions positions)
    {
        _text = text;
        _positions = positions;
    }

    /// <summary>Reads the text, or throws <see cref="NotSupportedException"/> when SharpYaml must read it.</summary>
    public static CodegenJson Read(string text, CodegenJsonPositions positions)
    {
        CheckCharacters(text);
        var reader = new YamlBlockReader(text.EndsWith("\n", StringComparison.Ordinal) ? text : text + "\n", positions);
        positions.SetText(text);
        return reader.ReadDocument();
    }

    private bool AtEnd => _pos >= _text.Length;

    private int Column => _pos - _lineStart;

    private char Current => _text[_pos];

    private Exception Unsupported() => new NotSupportedException("The fast YAML reader stops at offset " + _pos.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".");

    /// <summary>Only line feeds and printable characters: SharpYaml reads the rest (and rejects what YAML forbids).</summary>
    private static void CheckCharacters(string text)
    {
        foreach (var c in text)
        {
            // Printable ASCII, the bulk of any document, in one comparison.
            if ((uint)(c - ' ') < 0x5F)
            {
                continue;
            }

            if ((c < ' ' && c != '\n') || (c >= '\u007F' && c <= '\u009F') || c >= '\uFFFE' || c == '\uFEFF')
            {
                throw new NotSupportedException("The text holds a character the fast YAML reader leaves to SharpYaml.");
            }
        }
    }

    private CodegenJson ReadDocument()
    {
        SkipToContent();
        if (AtEnd || Column != 0)
        {
            throw Unsupported();
        }

        CodegenJson root;
        if (Current is '[' or '{')
        {
            root = ReadFlow();
            FinishLine();
        }
        else if (IsKeyLine(out _, out _))
        {
            root = ReadMapping(0, -1, -1, MappingRole.Root);
        }
        else
        {
            throw Unsupported();
        }

        if (!AtEnd)
        {
            throw Unsupported();
        }

        return root;
    }

    // ---- Lines ----------------------------------------------------------------------------------------------------

    /// <summary>From the start of a line, past blank and comment lines to the next content (or the end).</summary>
    private void SkipToContent()
    {
        while (_pos < _text.Length)
        {
            _lineStart = _pos;
            while (_pos < _text.Length && _text[_pos] == ' ')
            {
                _pos++;
            }

            if (_pos >= _text.Length)
            {
                return;
            }

            var c = _text[_pos];
            if (c == '\n')
            {
                _pos++;
                continue;
            }

            if (c == '#')
            {
                _pos = _text.IndexOf('\n', _pos) + 1;
                continue;
            }

            if (Column == 0 && (c == '%' || StartsWith("---") || StartsWith("...")))
            {
                // Directives and document markers: several documents, or a document SharpYaml must judge.
                throw Unsupported();
            }

            return;
        }

        _lineStart = _pos;
    }

    /// <summary>After a value: only spaces and a comment may follow on its line; then on to the next content.</summary>
    private void FinishLine()
    {
        if (_lineFinished)
        {
            _lineFinished = false;
            return;
        }

        while (_text[_pos] == ' ')
        {
            _pos++;
        }

        if (_text[_pos] == '#' && (_pos == _lineStart || _text[_pos - 1] == ' '))
        {
            _pos = _text.IndexOf('\n', _pos);
        }

        if (_text[_pos] != '\n')
        {
            throw Unsupported();
        }

        _pos++;
        SkipToContent();
    }

    private bool StartsWith(string value) =>
        string.CompareOrdinal(_text, _pos, value, 0, value.Length) == 0 && _pos + value.Length < _text.Length && _text[_pos + value.Length] is ' ' or '\n';

    private bool IsSequenceEntry() => Current == '-' && _text[_pos + 1] is ' ' or '\n';

    /// <summary>
    /// Whether the content at the cursor is a mapping key on one line: a plain or quoted scalar followed by <c>:</c> and a
    /// space or the line's end. Gives where the key ends and where its value starts; the cursor does not move.
    /// </summary>
    private bool IsKeyLine(out int keyEnd, out int valueStart)
    {
        keyEnd = valueStart = -1;
        var c = Current;
        if (c is '"' or '\'')
        {
            var close = QuotedEnd(_pos);
            if (close < 0 || _text[close] != ':' || _text[close + 1] is not (' ' or '\n'))
            {
                return false;
            }

            keyEnd = close;
            valueStart = close + 1;
            return true;
        }

        if (!IsPlainStart(c, _text[_pos + 1], flow: false))
        {
            return false;
        }

        for (var i = _pos; _text[i] != '\n'; i++)
        {
            if (_text[i] == ':' && _text[i + 1] is ' ' or '\n')
            {
                keyEnd = i;
                while (_text[keyEnd - 1] == ' ')
                {
                    keyEnd--;
                }

                valueStart = i + 1;
                return true;
            }

            if (_text[i] == '#' && _text[i - 1] == ' ')
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>The index after the closing quote of a quoted scalar that ends on its own line, or -1.</summary>
    private int QuotedEnd(int start)
    {
        var quote = _text[start];
        for (var i = start + 1; _text[i] != '\n'; i++)
        {
            if (quote == '"' && _text[i] == '\\')
            {
                i++;
                if (_text[i] == '\n')
                {
                    return -1;
                }
            }
            else if (_text[i] == quote)
            {
                if (quote == '\'' && _text[i + 1] == '\'')
                {
                    i++;
                    continue;
                }

                return i + 1;
            }
        }

        return -1;
    }

    private static bool IsPlainStart(char c, char next, bool flow) =>
        c is not ('?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`' or ' ' or '\n')
        && !(flow && c == '-' && next is ' ' or ',' or '[' or ']' or '{' or '}');

    // ---- Block collections ---------------------------------------------------------------------------------------

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw Unsupported();
        }
    }

    private CodegenJson ReadMapping(int indent, int nameStart, int nameEnd, MappingRole role = MappingRole.None)
    {
        Enter();
        var start = _pos;
        var members = new List<KeyValuePair<string, CodegenJson>>();
        HashSet<string>? names = null;
        while (true)
        {
            if (!IsKeyLine(out var keyEnd, out var valueStart))
            {
                throw Unsupported();
            }

            var keyStart = _pos;
            var key = Current is '"' or '\'' ? ReadQuotedKey(keyStart, keyEnd) : _pool.Get(_text, keyStart, keyEnd - keyStart);
            if (key == "<<" && Current != '"' && Current != '\'')
            {
                throw Unsupported();
            }

            if (members.Count >= 8 || names is not null)
            {
                names ??= NamesOf(members);
                if (!names.Add(key))
                {
                    throw Unsupported();
                }
            }
            else
            {
                foreach (var member in members)
                {
                    if (member.Key == key)
                    {
                        throw Unsupported();
                    }
                }
            }

            _pos = valueStart;
            if (_lazySchemas && Skippable(role, key) && SkipValue(key, keyStart, keyEnd, indent, remember: role == MappingRole.Schemas))
            {
                names ??= NamesOf(members);
                names.Add(key);
                if (AtEnd || Column < indent)
                {
                    break;
                }

                continue;
            }

            var childRole = ChildRole(role, key);
            var memberValue = ReadValue(indent, keyStart, keyEnd, childRole);
            members.Add(new KeyValuePair<string, CodegenJson>(key, memberValue));
            if (role == MappingRole.Schemas && _lazySchemas)
            {
                _schemaSlots.Add(new Slot(key, keyStart, keyEnd, valueStart, LineStartOf(keyStart), indent) { Value = memberValue });
            }
            if (AtEnd || Column < indent)
            {
                break;
            }

            if (Column > indent)
            {
                throw Unsupported();
            }
        }

        _depth--;
        var value = CodegenJson.NewObject(members.ToArray());
        _positions.Record(value, start, _pos, nameStart, nameEnd);
        return value;
    }

    private static HashSet<string> NamesOf(List<KeyValuePair<string, CodegenJson>> members)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            names.Add(member.Key);
        }

        return names;
    }

    /// <summary>The value after a block mapping's <c>key:</c>; the cursor is just after the colon and ends at the next content.</summary>
    private CodegenJson ReadValue(int indent, int nameStart, int nameEnd, MappingRole role = MappingRole.None)
    {
        var afterColon = _pos;
        while (Current == ' ')
        {
            _pos++;
        }

        if (Current is '\n' or '#')
        {
            FinishLine();
            if (!AtEnd && Column > indent)
            {
                return ReadBlockNode(indent, nameStart, nameEnd, role);
            }

            if (!AtEnd && Column == indent && IsSequenceEntry())
            {
                return ReadSequence(indent, nameStart, nameEnd);
            }

            return Empty(afterColon, nameStart, nameEnd);
        }

        var value = ReadInlineScalar(indent, nameStart, nameEnd);
        FinishLine();
        return value;
    }

    /// <summary>A node that starts on a line of its own, more indented than its parent.</summary>
    private CodegenJson ReadBlockNode(int parentIndent, int nameStart, int nameEnd, MappingRole role = MappingRole.None)
    {
        if (IsSequenceEntry())
        {
            return ReadSequence(Column, nameStart, nameEnd);
        }

        if (IsKeyLine(out _, out _))
        {
            return ReadMapping(Column, nameStart, nameEnd, role);
        }

        if (Current is '|' or '>')
        {
            throw Unsupported();
        }

        var value = ReadInlineScalar(parentIndent, nameStart, nameEnd);
        FinishLine();
        return value;
    }

    private CodegenJson ReadSequence(int indent, int nameStart, int nameEnd)
    {
        Enter();
        var start = _pos;
        var items = new List<CodegenJson>();
        while (true)
        {
            var afterDash = ++_pos;
            while (Current == ' ')
            {
                _pos++;
            }

            if (Current is '\n' or '#')
            {
                FinishLine();
                items.Add(!AtEnd && Column > indent ? ReadBlockNode(indent, -1, -1) : Empty(afterDash, -1, -1));
            }
            else if (IsKeyLine(out _, out _))
            {
                items.Add(ReadMapping(Column, -1, -1));
            }
            else if (IsSequenceEntry())
            {
                throw Unsupported();
            }
            else
            {
                items.Add(ReadInlineScalar(indent, -1, -1));
                FinishLine();
            }

            if (AtEnd || Column < indent)
            {
                break;
            }

            if (Column > indent)
            {
                throw Unsupported();
            }

            if (!IsSequenceEntry())
            {
                // A sequence at its key's indentation ends where the mapping's next key starts.
                break;
            }
        }

        _depth--;
        var value = CodegenJson.NewArray(items.ToArray());
        _positions.Record(value, start, _pos, nameStart, nameEnd);
        return value;
    }

    /// <summary>An empty value (<c>key:</c> or <c>-</c> and nothing): SharpYaml places it just after the indicator.</summary>
    private CodegenJson Empty(int at, int nameStart, int nameEnd)
    {
        var value = CodegenJson.NewLiteral(CodegenJsonKind.Null);
        _positions.Record(value, at, at, nameStart, nameEnd);
        return value;
    }

    // ---- Scalars ------------------------------------------------------------------------------------------------

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
