using System.Collections.Generic;
using System.Text;
using Codegen.Runtime;

namespace Codegen.Contracts.Documents;

/// <summary>Flow collections on one line, block scalars, and the pool of short strings (see <see cref="YamlBlockReader"/>).</summary>
internal sealed partial class YamlBlockReader
{
    private CodegenJson ReadFlow()
    {
        Enter();
        var start = _pos;
        var isMapping = Current == '{';
        var close = isMapping ? '}' : ']';
        _pos++;
        SkipSpaces();
        var items = isMapping ? null : new List<CodegenJson>();
        var members = isMapping ? new List<KeyValuePair<string, CodegenJson>>() : null;
        while (Current != close)
        {
            if (isMapping)
            {
                var keyStart = _pos;
                string key;
                if (Current is '"' or '\'')
                {
                    key = ReadQuoted();
                    SkipSpaces();
                    if (Current != ':')
                    {
                        throw Unsupported();
                    }
                }
                else
                {
                    if (!IsPlainStart(Current, _text[_pos + 1], flow: true))
                    {
                        throw Unsupported();
                    }

                    var keyEnd = PlainLineEnd(keyStart, flow: true);
                    _pos = keyEnd;
                    key = _pool.Get(_text, keyStart, keyEnd - keyStart);
                    SkipSpaces();
                    if (Current != ':' || _text[_pos + 1] != ' ')
                    {
                        throw Unsupported();
                    }

                    _scalarEnd = keyEnd;
                }

                var nameEnd = _scalarEnd;
                _pos++;
                SkipSpaces();
                foreach (var member in members!)
                {
                    if (member.Key == key)
                    {
                        throw Unsupported();
                    }
                }

                members!.Add(new KeyValuePair<string, CodegenJson>(key, ReadFlowNode(keyStart, nameEnd)));
            }
            else
            {
                items!.Add(ReadFlowNode(-1, -1));
            }

            SkipSpaces();
            if (Current == ',')
            {
                _pos++;
                SkipSpaces();
                if (Current == close)
                {
                    throw Unsupported();
                }
            }
            else if (Current != close)
            {
                throw Unsupported();
            }
        }

        // SharpYaml's end mark of a flow collection is its closing bracket.
        var value = isMapping ? CodegenJson.NewObject(members!.ToArray()) : CodegenJson.NewArray(items!.ToArray());
        _positions.Record(value, start, _pos, -1, -1);
        _pos++;
        _depth--;
        return value;
    }

    private CodegenJson ReadFlowNode(int nameStart, int nameEnd)
    {
        var start = _pos;
        CodegenJson value;
        switch (Current)
        {
            case '"':
            case '\'':
                if (QuotedEnd(start) < 0)
                {
                    throw Unsupported();
                }

                value = CodegenJson.NewString(ReadQuoted());
                break;
            case '[':
            case '{':
                value = ReadFlow();
                Rerecord(value, nameStart, nameEnd);
                return value;
            default:
                if (!IsPlainStart(Current, _text[_pos + 1], flow: true))
                {
                    throw Unsupported();
                }

                var end = PlainLineEnd(start, flow: true);
                if (end == start)
                {
                    throw Unsupported();
                }

                value = YamlDocumentReader.PlainValue(_pool.Get(_text, start, end - start)) ?? throw Unsupported();
                _pos = end;
                _scalarEnd = end;
                break;
        }

        _positions.Record(value, start, _scalarEnd, nameStart, nameEnd);
        return value;
    }

    private void SkipSpaces()
    {
        while (Current == ' ')
        {
            _pos++;
        }

        if (Current is '\n' or '#')
        {
            // A flow collection over several lines, or with comments: SharpYaml's.
            throw Unsupported();
        }
    }

    /// <summary>
    /// A literal (<c>|</c>) or folded (<c>&gt;</c>) block scalar, following libyaml's scanner (which SharpYaml ports)
    /// step by step: indentation from the header or the first non-empty line, folding, chomping. The cursor ends
    /// on the next content, where SharpYaml's end mark is (after the next line's indentation).
    /// </summary>
    private string ReadBlockScalar(int parentIndent)
    {
        var literal = Current == '|';
        _pos++;
        var chomping = 0;
        var increment = 0;
        for (var i = 0; i < 2; i++)
        {
            if (Current is '+' or '-' && chomping == 0)
            {
                chomping = Current == '+' ? 1 : -1;
                _pos++;
            }
            else if (Current is >= '1' and <= '9' && increment == 0)
            {
                increment = Current - '0';
                _pos++;
            }
        }

        var headerEnd = _pos;
        while (Current == ' ')
        {
            _pos++;
        }

        if (Current == '#' && _pos > headerEnd)
        {
            _pos = _text.IndexOf('\n', _pos);
        }

        if (Current != '\n')
        {
            throw Unsupported();
        }

        _pos++;
        var indent = increment > 0 ? (parentIndent >= 0 ? parentIndent + increment : increment) : 0;
        var trailingBreaks = 0;
        var column = ScanBreaks(ref indent, ref trailingBreaks, parentIndent);
        var builder = Builder();
        var leadingBreak = false;
        var leadingBlank = false;
        while (column == indent && !AtEnd)
        {
            var trailingBlank = Current == ' ';
            if (!literal && leadingBreak && !leadingBlank && !trailingBlank)
            {
                if (trailingBreaks == 0)
                {
                    builder.Append(' ');
                }
            }
            else if (leadingBreak)
            {
                builder.Append('\n');
            }

            leadingBreak = false;
            builder.Append('\n', trailingBreaks);
            trailingBreaks = 0;
            leadingBlank = Current == ' ';
            var lineEnd = _text.IndexOf('\n', _pos);
            builder.Append(_text, _pos, lineEnd - _pos);
            _pos = lineEnd + 1;
            leadingBreak = true;
            column = ScanBreaks(ref indent, ref trailingBreaks, parentIndent);
        }

        if (chomping != -1 && leadingBreak)
        {
            builder.Append('\n');
        }

        if (chomping == 1)
        {
            builder.Append('\n', trailingBreaks);
        }

        // The value's end is here; the next content may still be further on (a comment line, say).
        _pos -= column;
        _scalarEnd = _pos;
        SkipToContent();
        _lineFinished = true;
        return builder.ToString();
    }

    /// <summary>libyaml's scan_block_scalar_breaks: empty lines become breaks; fixes the indentation when the header did not. Gives the column reached.</summary>
    private int ScanBreaks(ref int indent, ref int breaks, int parentIndent)
    {
        var maxIndent = 0;
        int column;
        while (true)
        {
            var lineStart = _pos;
            while ((indent == 0 || _pos - lineStart < indent) && _pos < _text.Length && _text[_pos] == ' ')
            {
                _pos++;
            }

            column = _pos - lineStart;
            if (column > maxIndent)
            {
                maxIndent = column;
            }

            if (_pos >= _text.Length || _text[_pos] != '\n')
            {
                break;
            }

            breaks++;
            _pos++;
        }

        if (indent == 0)
        {
            indent = System.Math.Max(maxIndent, System.Math.Max(parentIndent + 1, 1));
        }

        _lineStart = _pos - column;
        return column;
    }

    /// <summary>Shares the strings of keys and short values: an OpenAPI document says "type" and "string" thousands of times.</summary>
    private sealed class StringPool
    {
        public const int MaxLength = 48;

        private string?[] _entries = new string?[4096];
        private int _count;

        public string Get(string text, int start, int length)
        {
            if (length == 0)
            {
                return string.Empty;
            }

            if (length > MaxLength)
            {
                return text.Substring(start, length);
            }

            var hash = 2166136261u;
            for (var i = 0; i < length; i++)
            {
                hash = (hash ^ text[start + i]) * 16777619u;
            }

            var mask = _entries.Length - 1;
            for (var index = (int)(hash & (uint)mask); ; index = (index + 1) & mask)
            {
                var entry = _entries[index];
                if (entry is null)
                {
                    entry = text.Substring(start, length);
                    _entries[index] = entry;
                    if (++_count * 2 > _entries.Length)
                    {
                        Grow();
                    }

                    return entry;
                }

                if (entry.Length == length && string.CompareOrdinal(entry, 0, text, start, length) == 0)
                {
                    return entry;
                }
            }
        }

        private void Grow()
        {
            var old = _entries;
            _entries = new string?[old.Length * 2];
            var mask = _entries.Length - 1;
            foreach (var entry in old)
            {
                if (entry is null)
                {
                    continue;
                }

                var hash = 2166136261u;
                foreach (var c in entry)
                {
                    hash = (hash ^ c) * 16777619u;
                }

                var index = (int)(hash & (uint)mask);
                while (_entries[index] is not null)
                {
                    index = (index + 1) & mask;
                }

                _entries[index] = entry;
            }
        }
    }
}
