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
}
