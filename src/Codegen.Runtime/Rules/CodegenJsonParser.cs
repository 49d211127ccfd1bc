namespace Codegen.Runtime;

/// <summary>
/// Reads JSON text (RFC 8259) into <see cref="CodegenJson"/>, strictly: no comments, no trailing commas,
/// no duplicate member names, no leading zeros. Numbers keep their exact value. Errors name what was found
/// and where, because the text is often a contract someone is editing.
/// </summary>
internal sealed class CodegenJsonParser
{
    /// <summary>Deeper nesting is refused: no contract or payload needs it, and it would exhaust the stack.</summary>
    public const int MaxDepth = 512;

    private readonly string _text;
    private readonly CodegenJsonPositions? _positions;
    private int _offset;
    private int _depth;

    public CodegenJsonParser(string text, CodegenJsonPositions? positions)
    {
        _text = text;
        _positions = positions;
        positions?.SetText(text);
    }

    public CodegenJson ParseDocument()
    {
        if (_text.Length > 0 && _text[0] == '\uFEFF')
        {
            _offset = 1;
        }

        SkipWhitespace();
        if (_offset >= _text.Length)
        {
            throw Error("The text is empty; a JSON value was expected.");
        }

        var value = ParseValue(-1, -1);
        SkipWhitespace();
        if (_offset < _text.Length)
        {
            throw Error("Unexpected " + Describe(_offset) + " after the end of the JSON value.");
        }

        return value;
    }

    private CodegenJson ParseValue(int nameStart, int nameEnd)
    {
        var start = _offset;
        CodegenJson value;
        switch (Peek())
        {
            case '{':
                value = ParseObject();
                break;
            case '[':
                value = ParseArray();
                break;
            case '"':
                value = CodegenJson.NewString(ParseString());
                break;
            case 't':
                value = ParseLiteral("true", CodegenJsonKind.True);
                break;
            case 'f':
                value = ParseLiteral("false", CodegenJsonKind.False);
                break;
            case 'n':
                value = ParseLiteral("null", CodegenJsonKind.Null);
                break;
            case '-':
            case >= '0' and <= '9':
                value = ParseNumber();
                break;
            case '\0' when _offset >= _text.Length:
                throw Error("The text ends where a value was expected.");
            default:
                throw Error("Unexpected " + Describe(_offset) + "; a value (object, array, string, number, true, false or null) was expected.");
        }

        _positions?.Record(value, start, _offset, nameStart, nameEnd);
        return value;
    }

    private CodegenJson ParseObject()
    {
        Enter();
        _offset++;
        var members = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, CodegenJson>>();
        global::System.Collections.Generic.HashSet<string>? names = null;
        const int LinearNameCheck = 8;
        SkipWhitespace();
        if (Peek() == '}')
        {
            _offset++;
            _depth--;
            return CodegenJson.NewObject(members.ToArray());
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
            {
                throw Error(Peek() == '}' && members.Count > 0
                    ? "A comma before '}' has no member after it (trailing commas are not JSON)."
                    : "Unexpected " + Describe(_offset) + "; a member name in double quotes was expected.");
            }

            var nameStart = _offset;
            var name = ParseString();
            var nameEnd = _offset;
            if (IsDuplicate(members, ref names, name, LinearNameCheck))
            {
                _offset = nameStart;
                throw Error("The member name '" + Excerpt(name) + "' appears twice in the same object.");
            }

            SkipWhitespace();
            if (Peek() != ':')
            {
                throw Error("Unexpected " + Describe(_offset) + "; ':' was expected after the member name.");
            }

            _offset++;
            SkipWhitespace();
            members.Add(new global::System.Collections.Generic.KeyValuePair<string, CodegenJson>(name, ParseValue(nameStart, nameEnd)));
            SkipWhitespace();
            var next = Peek();
            _offset++;
            if (next == '}')
            {
                break;
            }

            if (next != ',')
            {
                _offset--;
                throw Error("Unexpected " + Describe(_offset) + "; ',' or '}' was expected after a member.");
            }
        }

        _depth--;
        return CodegenJson.NewObject(members.ToArray());
    }

    /// <summary>Small objects (nearly all of them) are checked by a scan; a set is built only for large ones.</summary>
    private static bool IsDuplicate(global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, CodegenJson>> members, ref global::System.Collections.Generic.HashSet<string>? names, string name, int linearLimit)
    {
        if (names is null)
        {
            foreach (var member in members)
            {
                if (string.Equals(member.Key, name, System.StringComparison.Ordinal))
                {
                    return true;
                }
            }

            if (members.Count < linearLimit)
            {
                return false;
            }

            names = new global::System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
            foreach (var member in members)
            {
                names.Add(member.Key);
            }
        }

        return !names.Add(name);
    }

    private CodegenJson ParseArray()
    {
        Enter();
        _offset++;
        var items = new global::System.Collections.Generic.List<CodegenJson>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            _offset++;
            _depth--;
            return CodegenJson.NewArray(items.ToArray());
        }

        while (true)
        {
            SkipWhitespace();
            if (Peek() == ']' && items.Count > 0)
            {
                throw Error("A comma before ']' has no item after it (trailing commas are not JSON).");
            }

            items.Add(ParseValue(-1, -1));
            SkipWhitespace();
            var next = Peek();
            _offset++;
            if (next == ']')
            {
                break;
            }

            if (next != ',')
            {
                _offset--;
                throw Error("Unexpected " + Describe(_offset) + "; ',' or ']' was expected after an item.");
            }
        }

        _depth--;
        return CodegenJson.NewArray(items.ToArray());
    }

    private string ParseString()
    {
        var quote = _offset;
        _offset++;
        global::System.Text.StringBuilder? builder = null;
        var runStart = _offset;
        while (true)
        {
            if (_offset >= _text.Length)
            {
                _offset = quote;
                throw Error("A string starts here and is never closed.");
            }

            var c = _text[_offset];
            if (c == '"')
            {
                string result;
                if (builder is null)
                {
                    result = _text.Substring(runStart, _offset - runStart);
                }
                else
                {
                    builder.Append(_text, runStart, _offset - runStart);
                    result = builder.ToString();
                }

                _offset++;
                return result;
            }

            if (c < ' ')
            {
                throw Error("A control character (U+" + ((int)c).ToString("X4", global::System.Globalization.CultureInfo.InvariantCulture) + ") must be escaped inside a string.");
            }

            if (c != '\\')
            {
                _offset++;
                continue;
            }

            builder ??= new global::System.Text.StringBuilder();
            builder.Append(_text, runStart, _offset - runStart);
            if (_offset + 1 >= _text.Length)
            {
                throw Error("A backslash ends the text inside a string.");
            }

            var escape = _text[_offset + 1];
            switch (escape)
            {
                case '"':
                    builder.Append('"');
                    break;
                case '\\':
                    builder.Append('\\');
                    break;
                case '/':
                    builder.Append('/');
                    break;
                case 'b':
                    builder.Append('\b');
                    break;
                case 'f':
                    builder.Append('\f');
                    break;
                case 'n':
                    builder.Append('\n');
                    break;
                case 'r':
                    builder.Append('\r');
                    break;
                case 't':
                    builder.Append('\t');
                    break;
                case 'u':
                    if (_offset + 6 > _text.Length || !int.TryParse(_text.Substring(_offset + 2, 4), global::System.Globalization.NumberStyles.AllowHexSpecifier, global::System.Globalization.CultureInfo.InvariantCulture, out var code))
                    {
                        throw Error("'\\u' must be followed by four hexadecimal digits.");
                    }

                    builder.Append((char)code);
                    _offset += 4;
                    break;
                default:
                    throw Error("'\\" + escape + "' is not a JSON escape; use one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX.");
            }

            _offset += 2;
            runStart = _offset;
        }
    }

    private CodegenJson ParseNumber()
    {
        var start = _offset;
        if (Peek() == '-')
        {
            _offset++;
        }

        if (Peek() == '0')
        {
            _offset++;
            if (Peek() is >= '0' and <= '9')
            {
                throw Error("A number must not start with a zero followed by more digits.");
            }
        }
        else if (Peek() is >= '1' and <= '9')
        {
            SkipDigits();
        }
        else
        {
            throw Error("A digit was expected after '-'.");
        }

        if (Peek() == '.')
        {
            _offset++;
            if (!(Peek() is >= '0' and <= '9'))
            {
                throw Error("A digit was expected after the decimal point.");
            }

            SkipDigits();
        }

        if (Peek() is 'e' or 'E')
        {
            _offset++;
            if (Peek() is '+' or '-')
            {
                _offset++;
            }

            if (!(Peek() is >= '0' and <= '9'))
            {
                throw Error("A digit was expected in the exponent.");
            }

            SkipDigits();
        }

        if (!CodegenNumber.TryParse(_text, start, _offset - start, out var number))
        {
            _offset = start;
            throw Error("The number's exponent is beyond " + CodegenNumber.MaxExponent.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + ".");
        }

        return CodegenJson.FromNumber(number);
    }

    private CodegenJson ParseLiteral(string literal, CodegenJsonKind kind)
    {
        if (string.CompareOrdinal(_text, _offset, literal, 0, literal.Length) != 0)
        {
            throw Error("Unexpected " + Describe(_offset) + "; a value was expected (did you mean " + literal + "?).");
        }

        _offset += literal.Length;
        return _positions is null
            ? kind switch { CodegenJsonKind.True => CodegenJson.True, CodegenJsonKind.False => CodegenJson.False, _ => CodegenJson.Null }
            : CodegenJson.NewLiteral(kind);
    }

    private void SkipDigits()
    {
        while (Peek() is >= '0' and <= '9')
        {
            _offset++;
        }
    }

    private void SkipWhitespace()
    {
        while (_offset < _text.Length && _text[_offset] is ' ' or '\t' or '\n' or '\r')
        {
            _offset++;
        }
    }

    private char Peek() => _offset < _text.Length ? _text[_offset] : '\0';

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw Error("The JSON nests deeper than " + MaxDepth.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " levels.");
        }
    }

    private string Describe(int offset)
    {
        if (offset >= _text.Length)
        {
            return "end of text";
        }

        var c = _text[offset];
        return c < ' ' || char.IsSurrogate(c)
            ? "character U+" + ((int)c).ToString("X4", global::System.Globalization.CultureInfo.InvariantCulture)
            : "'" + c + "'";
    }

    private static string Excerpt(string text) => text.Length <= 64 ? text : text.Substring(0, 64) + "…";

    private CodegenJsonException Error(string message)
    {
        var offset = System.Math.Min(_offset, _text.Length);
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (_text[i] == '\n' || (_text[i] == '\r' && (i + 1 >= _text.Length || _text[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new CodegenJsonException(message, offset, line, offset - lineStart);
    }
}
