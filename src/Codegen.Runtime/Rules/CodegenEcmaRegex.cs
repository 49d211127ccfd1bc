namespace Codegen.Runtime;

// Why one file of over 500 lines: a recursive-descent translator of ECMA-262 patterns is one grammar, and the
// runtime's files are emitted into consumers one type to a file, each marked [GeneratedCode], which a partial
// type cannot carry twice. It reads in the grammar's order: disjunction, term, atom, escapes, classes, then sets.

/// <summary>
/// Translates an ECMA-262 regular expression, read with the <c>u</c> flag as JSON Schema's suite assumes, into a
/// .NET pattern that matches the same strings. Where the two engines differ the output spells ECMA's meaning out:
/// <c>\d</c>, <c>\w</c> and <c>\b</c> are ASCII, <c>\s</c> is ECMA's white space, <c>$</c> is the very end,
/// <c>.</c> and classes consume whole code points, groups are numbered left to right, and a backreference to a
/// group that has not matched matches the empty string. Anything that is not ECMA-262 is refused with a reason.
/// </summary>
/// <remarks>
/// One known difference remains: .NET knows Unicode categories (<c>\p{L}</c>) for UTF-16 units only, so a
/// <c>\p{...}</c> set never holds a character outside the Basic Multilingual Plane and a <c>\P{...}</c> set always does.
/// </remarks>
internal sealed class CodegenEcmaRegex
{
    private const int MaxCodePoint = 0x10FFFF;
    private const string AsciiWordClass = "[0-9A-Z_a-z]";

    private static readonly int[] DigitRanges = { '0', '9' };
    private static readonly int[] WordRanges = { '0', '9', 'A', 'Z', '_', '_', 'a', 'z' };
    private static readonly int[] SpaceRanges = { 0x09, 0x0D, 0x20, 0x20, 0xA0, 0xA0, 0x1680, 0x1680, 0x2000, 0x200A, 0x2028, 0x2029, 0x202F, 0x202F, 0x205F, 0x205F, 0x3000, 0x3000, 0xFEFF, 0xFEFF };
    private static readonly int[] LineTerminatorRanges = { 0x0A, 0x0A, 0x0D, 0x0D, 0x2028, 0x2029 };
    private static readonly int[] UnicodeWhiteSpaceRanges = { 0x09, 0x0D, 0x20, 0x20, 0x85, 0x85, 0xA0, 0xA0, 0x1680, 0x1680, 0x2000, 0x200A, 0x2028, 0x2029, 0x202F, 0x202F, 0x205F, 0x205F, 0x3000, 0x3000 };

    private static readonly global::System.Collections.Generic.Dictionary<string, string> GeneralCategories = CreateGeneralCategories();

    /// <summary>Any one code point: a surrogate pair, a lone surrogate, or another character.</summary>
    private static readonly string AnyCodePoint = EmitSet(new[] { 0, MaxCodePoint }, null);

    private readonly string _pattern;
    private readonly global::System.Text.StringBuilder _output = new();
    private readonly global::System.Collections.Generic.Dictionary<string, int> _groupNames = new(global::System.StringComparer.Ordinal);
    private int _groupCount;
    private int _nextGroup;
    private int _position;

    private CodegenEcmaRegex(string pattern) => _pattern = pattern;

    /// <summary>Translates <paramref name="pattern"/>; on failure <paramref name="error"/> says what is not ECMA-262 and where.</summary>
    public static bool TryTranslate(string pattern, out string translated, out string error)
    {
        var translator = new CodegenEcmaRegex(pattern);
        try
        {
            translator.CountGroups();
            translator.ParseDisjunction();
            if (translator._position < pattern.Length)
            {
                throw translator.Error("')' closes no group");
            }

            translated = translator._output.ToString();
            error = string.Empty;
            return true;
        }
        catch (SyntaxError e)
        {
            translated = string.Empty;
            error = e.Message;
            return false;
        }
    }

    // Groups are numbered by their opening parenthesis, and a backreference may come before its group, so count first.
    private void CountGroups()
    {
        var inClass = false;
        for (var i = 0; i < _pattern.Length; i++)
        {
            var c = _pattern[i];
            if (c == '\\')
            {
                i++;
            }
            else if (inClass)
            {
                inClass = c != ']';
            }
            else if (c == '[')
            {
                inClass = true;
            }
            else if (c == '(' && (i + 1 >= _pattern.Length || _pattern[i + 1] != '?'))
            {
                _groupCount++;
            }
            else if (c == '(' && i + 3 < _pattern.Length && _pattern[i + 2] == '<' && _pattern[i + 3] != '=' && _pattern[i + 3] != '!')
            {
                _groupCount++;
                var end = _pattern.IndexOf('>', i + 3);
                if (end > 0)
                {
                    var name = _pattern.Substring(i + 3, end - i - 3);
                    if (_groupNames.ContainsKey(name))
                    {
                        _position = i;
                        throw Error("the group name '" + name + "' is used twice");
                    }

                    _groupNames[name] = _groupCount;
                }
            }
        }
    }

    private void ParseDisjunction()
    {
        ParseAlternative();
        while (Peek() == '|')
        {
            _position++;
            _output.Append('|');
            ParseAlternative();
        }
    }

    private void ParseAlternative()
    {
        while (_position < _pattern.Length && Peek() != '|' && Peek() != ')')
        {
            ParseTerm();
        }
    }

    private void ParseTerm()
    {
        var c = Peek();
        switch (c)
        {
            case '^':
                _position++;
                _output.Append('^');
                RefuseQuantifier("'^'");
                return;
            case '$':
                _position++;
                // ECMA's $ is the end of the input; .NET's also matches before a final newline.
                _output.Append(@"\z");
                RefuseQuantifier("'$'");
                return;
            case '\\' when PeekAt(1) is 'b' or 'B':
                var negated = PeekAt(1) == 'B';
                _position += 2;
                // ECMA's word boundary is between ASCII word characters and the rest; .NET's \b is Unicode-aware.
                _output.Append(negated
                    ? "(?:(?<=" + AsciiWordClass + ")(?=" + AsciiWordClass + ")|(?<!" + AsciiWordClass + ")(?!" + AsciiWordClass + "))"
                    : "(?:(?<=" + AsciiWordClass + ")(?!" + AsciiWordClass + ")|(?<!" + AsciiWordClass + ")(?=" + AsciiWordClass + "))");
                RefuseQuantifier(negated ? "'\\B'" : "'\\b'");
                return;
            case '(' when PeekAt(1) == '?' && (PeekAt(2) is '=' or '!' || (PeekAt(2) == '<' && PeekAt(3) is '=' or '!')):
                var length = PeekAt(2) == '<' ? 4 : 3;
                _output.Append(_pattern, _position, length);
                _position += length;
                ParseDisjunction();
                Expect(')', "a lookaround is not closed with ')'");
                _output.Append(')');
                RefuseQuantifier("a lookaround");
                return;
        }

        ParseAtom();
        ParseQuantifier();
    }

    private void ParseAtom()
    {
        var c = Peek();
        switch (c)
        {
            case '.':
                _position++;
                _output.Append(EmitSet(Complement(LineTerminatorRanges), null));
                return;
            case '(':
                ParseGroup();
                return;
            case '[':
                ParseClass();
                return;
            case '\\':
                ParseAtomEscape();
                return;
            case '*':
            case '+':
            case '?':
                throw Error("'" + c + "' has nothing to repeat");
            case '{':
                throw Error(IsQuantifierAhead() ? "'{' has nothing to repeat" : "a lone '{' must be escaped as '\\{'");
            case '}':
                throw Error("a lone '}' must be escaped as '\\}'");
            case ']':
                throw Error("a lone ']' must be escaped as '\\]'");
            default:
                AppendLiteral(ReadCodePoint());
                return;
        }
    }

    private void ParseGroup()
    {
        _position++;
        if (Peek() != '?')
        {
            var number = ++_nextGroup;
            // Every group gets its ECMA number explicitly: .NET would number named groups after the unnamed ones.
            _output.Append("(?<").Append(number.ToString(global::System.Globalization.CultureInfo.InvariantCulture)).Append('>');
        }
        else if (PeekAt(1) == ':')
        {
            _position += 2;
            _output.Append("(?:");
        }
        else if (PeekAt(1) == '<')
        {
            _position += 2;
            var start = _position;
            var end = _pattern.IndexOf('>', start);
            if (end < 0)
            {
                throw Error("a group name is not closed with '>'");
            }

            var name = _pattern.Substring(start, end - start);
            CheckGroupName(name);
            _position = end + 1;
            var number = ++_nextGroup;
            _output.Append("(?<").Append(number.ToString(global::System.Globalization.CultureInfo.InvariantCulture)).Append('>');
        }
        else
        {
            throw Error("'(?' must begin (?:...), (?=...), (?!...), (?<=...), (?<!...) or (?<name>...)");
        }

        ParseDisjunction();
        Expect(')', "a group is not closed with ')'");
        _output.Append(')');
    }

    private void CheckGroupName(string name)
    {
        if (name.Length == 0)
        {
            throw Error("a group name is empty");
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var ok = char.IsLetter(c) || c is '$' or '_' || char.IsSurrogate(c) || (i > 0 && (char.IsDigit(c) || global::System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) is global::System.Globalization.UnicodeCategory.NonSpacingMark or global::System.Globalization.UnicodeCategory.SpacingCombiningMark or global::System.Globalization.UnicodeCategory.ConnectorPunctuation));
            if (!ok)
            {
                throw Error("'" + name + "' is not a group name (letters, digits, '$' and '_', not starting with a digit)");
            }
        }
    }

    private void ParseQuantifier()
    {
        var c = Peek();
        if (c is '*' or '+' or '?')
        {
            _position++;
            _output.Append(c);
        }
        else if (c == '{')
        {
            if (!IsQuantifierAhead())
            {
                throw Error("a lone '{' must be escaped as '\\{'");
            }

            _position++;
            var min = ReadCount();
            _output.Append('{').Append(min.ToString(global::System.Globalization.CultureInfo.InvariantCulture));
            if (Peek() == ',')
            {
                _position++;
                _output.Append(',');
                if (Peek() != '}')
                {
                    var max = ReadCount();
                    if (max < min)
                    {
                        throw Error("the quantifier's bounds are out of order");
                    }

                    _output.Append(max.ToString(global::System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            _position++;
            _output.Append('}');
        }
        else
        {
            return;
        }

        if (Peek() == '?')
        {
            _position++;
            _output.Append('?');
        }
    }

    private bool IsQuantifierAhead()
    {
        var i = _position + 1;
        var digits = 0;
        while (i < _pattern.Length && _pattern[i] is >= '0' and <= '9')
        {
            i++;
            digits++;
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < _pattern.Length && _pattern[i] == ',')
        {
            i++;
            while (i < _pattern.Length && _pattern[i] is >= '0' and <= '9')
            {
                i++;
            }
        }

        return i < _pattern.Length && _pattern[i] == '}';
    }

    private int ReadCount()
    {
        long value = 0;
        while (Peek() is >= '0' and <= '9')
        {
            value = (value * 10) + (Peek() - '0');
            if (value > int.MaxValue)
            {
                throw Error("a quantifier bound is larger than " + int.MaxValue.ToString(global::System.Globalization.CultureInfo.InvariantCulture));
            }

            _position++;
        }

        return (int)value;
    }

    private void RefuseQuantifier(string what)
    {
        if (Peek() is '*' or '+' or '?' || (Peek() == '{' && IsQuantifierAhead()))
        {
            throw Error(what + " cannot be repeated");
        }
    }

    private void ParseAtomEscape()
    {
        _position++;
        var c = Peek();
        if (c is >= '1' and <= '9')
        {
            var start = _position;
            long number = 0;
            while (Peek() is >= '0' and <= '9')
            {
                number = global::System.Math.Min((number * 10) + (Peek() - '0'), int.MaxValue);
                _position++;
            }

            if (number > _groupCount)
            {
                var digits = _pattern.Substring(start, _position - start);
                _position = start - 1;
                throw Error("'\\" + digits + "' refers to a group that does not exist (the pattern has " + _groupCount.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + ")");
            }

            AppendBackreference((int)number);
            return;
        }

        if (c == 'k')
        {
            _position++;
            if (Peek() != '<')
            {
                throw Error("'\\k' must be followed by a group name in '<' and '>'");
            }

            var end = _pattern.IndexOf('>', _position);
            var name = end < 0 ? string.Empty : _pattern.Substring(_position + 1, end - _position - 1);
            if (end < 0 || !_groupNames.TryGetValue(name, out var group))
            {
                throw Error("'\\k<" + name + ">' refers to a group that does not exist");
            }

            _position = end + 1;
            AppendBackreference(group);
            return;
        }

        if (TryReadClassEscape(out var ranges, out var categories))
        {
            _output.Append(EmitSet(ranges, categories));
            return;
        }

        AppendLiteral(ReadCharacterEscape(inClass: false));
    }

    private void AppendBackreference(int group)
    {
        // ECMA: a group that has not matched matches the empty string; .NET's backreference would fail.
        var number = group.ToString(global::System.Globalization.CultureInfo.InvariantCulture);
        _output.Append("(?:(?(").Append(number).Append(")\\k<").Append(number).Append(">|))");
    }

    /// <summary>\d \D \s \S \w \W \p{..} \P{..} at the position after the backslash.</summary>
    private bool TryReadClassEscape(out int[] ranges, out global::System.Collections.Generic.List<string>? categories)
    {
        categories = null;
        switch (Peek())
        {
            case 'd':
                _position++;
                ranges = DigitRanges;
                return true;
            case 'D':
                _position++;
                ranges = Complement(DigitRanges);
                return true;
            case 's':
                _position++;
                ranges = SpaceRanges;
                return true;
            case 'S':
                _position++;
                ranges = Complement(SpaceRanges);
                return true;
            case 'w':
                _position++;
                ranges = WordRanges;
                return true;
            case 'W':
                _position++;
                ranges = Complement(WordRanges);
                return true;
            case 'p':
            case 'P':
                ReadProperty(out ranges, out categories);
                return true;
            default:
                ranges = global::System.Array.Empty<int>();
                return false;
        }
    }

    private void ReadProperty(out int[] ranges, out global::System.Collections.Generic.List<string>? categories)
    {
        var negated = Peek() == 'P';
        _position++;
        if (Peek() != '{')
        {
            throw Error("'\\" + (negated ? "P" : "p") + "' must be followed by a property in braces, e.g. \\p{L}");
        }

        var end = _pattern.IndexOf('}', _position);
        if (end < 0)
        {
            throw Error("a '\\p{' is not closed with '}'");
        }

        var text = _pattern.Substring(_position + 1, end - _position - 1);
        var equals = text.IndexOf('=');
        var name = equals < 0 ? null : text.Substring(0, equals);
        var value = equals < 0 ? text : text.Substring(equals + 1);
        categories = null;
        ranges = global::System.Array.Empty<int>();
        if (name is null or "General_Category" or "gc" && GeneralCategories.TryGetValue(value, out var category))
        {
            if (category == "LC")
            {
                // .NET has no Cased_Letter: it is Lu, Ll and Lt, and its complement is the rest of L plus everything not L.
                categories = negated ? new global::System.Collections.Generic.List<string> { @"\P{L}", @"\p{Lm}", @"\p{Lo}" } : new global::System.Collections.Generic.List<string> { @"\p{Lu}", @"\p{Ll}", @"\p{Lt}" };
            }
            else
            {
                categories = new global::System.Collections.Generic.List<string> { (negated ? @"\P{" : @"\p{") + category + "}" };
            }

            // Outside the Basic Multilingual Plane .NET sees surrogates, not characters: treat those code points as in no category.
            ranges = negated ? new[] { 0x10000, MaxCodePoint } : global::System.Array.Empty<int>();
        }
        else if (name is null && value is "ASCII" or "Any" or "ASCII_Hex_Digit" or "AHex" or "White_Space" or "space" or "Assigned")
        {
            if (value == "Assigned")
            {
                categories = new global::System.Collections.Generic.List<string> { negated ? @"\p{Cn}" : @"\P{Cn}" };
                ranges = negated ? global::System.Array.Empty<int>() : new[] { 0x10000, MaxCodePoint };
            }
            else
            {
                var set = value switch
                {
                    "ASCII" => new[] { 0, 0x7F },
                    "Any" => new[] { 0, MaxCodePoint },
                    "ASCII_Hex_Digit" or "AHex" => new int[] { '0', '9', 'A', 'F', 'a', 'f' },
                    _ => UnicodeWhiteSpaceRanges,
                };
                ranges = negated ? Complement(set) : set;
            }
        }
        else
        {
            throw Error("'\\" + (negated ? "P" : "p") + "{" + text + "}' " + (name is "Script" or "sc" or "Script_Extensions" or "scx"
                ? "names a Unicode script, which .NET regular expressions cannot test; list the characters or ranges instead"
                : "is not a Unicode property this engine knows (general categories such as L, Lu, Letter, gc=Nd, and ASCII, Any, ASCII_Hex_Digit, White_Space, Assigned are)"));
        }

        _position = end + 1;
    }

    private int ReadCharacterEscape(bool inClass)
    {
        var c = Peek();
        if (_position >= _pattern.Length)
        {
            throw Error("the pattern ends with a lone '\\'");
        }

        _position++;
        switch (c)
        {
            case 't':
                return '\t';
            case 'n':
                return '\n';
            case 'v':
                return '\v';
            case 'f':
                return '\f';
            case 'r':
                return '\r';
            case 'c':
                var letter = Peek();
                if (letter is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'))
                {
                    _position++;
                    return letter % 32;
                }

                throw Error("'\\c' must be followed by a letter");
            case '0':
                if (Peek() is >= '0' and <= '9')
                {
                    throw Error("'\\0' followed by a digit is an octal escape, which ECMA-262 forbids with the u flag");
                }

                return 0;
            case 'x':
                if (TryHex(_position, 2, out var hex))
                {
                    _position += 2;
                    return hex;
                }

                throw Error("'\\x' must be followed by two hexadecimal digits");
            case 'u':
                return ReadUnicodeEscape();
            case '-' when inClass:
                return '-';
            case '^':
            case '$':
            case '\\':
            case '.':
            case '*':
            case '+':
            case '?':
            case '(':
            case ')':
            case '[':
            case ']':
            case '{':
            case '}':
            case '|':
            case '/':
                return c;
            default:
                _position--;
                throw Error("'\\" + c + "' is not an escape in ECMA-262 with the u flag" + (c is 'A' or 'z' or 'Z' ? " (use '^' and '$' for the start and end)" : string.Empty));
        }
    }

    private int ReadUnicodeEscape()
    {
        if (Peek() == '{')
        {
            var end = _pattern.IndexOf('}', _position);
            var digits = end < 0 ? string.Empty : _pattern.Substring(_position + 1, end - _position - 1);
            if (digits.Length == 0 || digits.Length > 8 || !int.TryParse(digits, global::System.Globalization.NumberStyles.AllowHexSpecifier, global::System.Globalization.CultureInfo.InvariantCulture, out var value) || value > MaxCodePoint)
            {
                throw Error("'\\u{...}' must hold a code point of at most 10FFFF in hexadecimal digits");
            }

            _position = end + 1;
            return value;
        }

        if (!TryHex(_position, 4, out var unit))
        {
            throw Error("'\\u' must be followed by four hexadecimal digits or a code point in braces");
        }

        _position += 4;
        // With the u flag an escaped surrogate pair is one code point.
        if (unit is >= 0xD800 and <= 0xDBFF && PeekAt(0) == '\\' && PeekAt(1) == 'u' && TryHex(_position + 2, 4, out var low) && low is >= 0xDC00 and <= 0xDFFF)
        {
            _position += 6;
            return char.ConvertToUtf32((char)unit, (char)low);
        }

        return unit;
    }

    private void ParseClass()
    {
        _position++;
        var negated = false;
        if (Peek() == '^')
        {
            negated = true;
            _position++;
        }

        var ranges = new global::System.Collections.Generic.List<int>();
        global::System.Collections.Generic.List<string>? categories = null;
        while (true)
        {
            if (_position >= _pattern.Length)
            {
                throw Error("a character class is not closed with ']'");
            }

            if (Peek() == ']')
            {
                _position++;
                break;
            }

            var first = ReadClassAtom(out var firstSet, out var firstCategories);
            if (Peek() == '-' && PeekAt(1) != ']' && _position + 1 < _pattern.Length)
            {
                _position++;
                var last = ReadClassAtom(out var lastSet, out var lastCategories);
                if (firstSet is not null || lastSet is not null)
                {
                    throw Error("a class escape such as \\d cannot bound a range; escape the '-' as '\\-'");
                }

                if (last < first)
                {
                    throw Error("the range " + Describe(first) + "-" + Describe(last) + " is out of order");
                }

                ranges.Add(first);
                ranges.Add(last);
                continue;
            }

            if (firstSet is null)
            {
                ranges.Add(first);
                ranges.Add(first);
            }
            else
            {
                ranges.AddRange(firstSet);
                if (firstCategories is not null)
                {
                    (categories ??= new global::System.Collections.Generic.List<string>()).AddRange(firstCategories);
                }
            }
        }

        var set = Normalize(ranges);
        if (!negated)
        {
            _output.Append(EmitSet(set, categories));
        }
        else if (categories is null)
        {
            _output.Append(EmitSet(Complement(set), null));
        }
        else
        {
            _output.Append("(?:(?!").Append(EmitSet(set, categories)).Append(')').Append(AnyCodePoint).Append(')');
        }
    }

    private int ReadClassAtom(out int[]? set, out global::System.Collections.Generic.List<string>? categories)
    {
        set = null;
        categories = null;
        if (Peek() != '\\')
        {
            return ReadCodePoint();
        }

        _position++;
        if (Peek() == 'b')
        {
            _position++;
            return '\b';
        }

        if (TryReadClassEscape(out var ranges, out categories))
        {
            set = ranges;
            return -1;
        }

        if (Peek() is >= '1' and <= '9' or 'B' or 'k')
        {
            throw Error("'\\" + Peek() + "' has no meaning inside a character class");
        }

        return ReadCharacterEscape(inClass: true);
    }

    private int ReadCodePoint()
    {
        var c = _pattern[_position];
        if (char.IsHighSurrogate(c) && _position + 1 < _pattern.Length && char.IsLowSurrogate(_pattern[_position + 1]))
        {
            _position += 2;
            return char.ConvertToUtf32(c, _pattern[_position - 1]);
        }

        _position++;
        return c;
    }

    private void AppendLiteral(int codePoint)
    {
        if (codePoint > 0xFFFF)
        {
            var text = char.ConvertFromUtf32(codePoint);
            _output.Append("(?:");
            AppendUnit(_output, text[0]);
            AppendUnit(_output, text[1]);
            _output.Append(')');
        }
        else
        {
            AppendUnit(_output, codePoint);
        }
    }

    /// <summary>
    /// A set of code points (pairs of inclusive bounds) plus .NET category items, as one .NET atom that consumes one
    /// code point. A surrogate pair is one code point, so the halves of a pair are never matched one by one, not even
    /// when backtracking: surrogates in the set match only where they stand alone.
    /// </summary>
    private static string EmitSet(int[] ranges, global::System.Collections.Generic.List<string>? categories)
    {
        var alternatives = new global::System.Collections.Generic.List<string>();
        var bmp = new global::System.Text.StringBuilder();
        for (var i = 0; i < ranges.Length; i += 2)
        {
            var low = ranges[i];
            var high = ranges[i + 1];
            if (high > 0xFFFF)
            {
                AddAstral(alternatives, global::System.Math.Max(low, 0x10000), high);
                high = 0xFFFF;
            }

            AddLoneSurrogates(alternatives, low, high, 0xD800, 0xDBFF, @"{0}(?![\uDC00-\uDFFF])");
            AddLoneSurrogates(alternatives, low, high, 0xDC00, 0xDFFF, @"(?<![\uD800-\uDBFF]){0}");
            AppendBmpRange(bmp, low, global::System.Math.Min(high, 0xD7FF));
            AppendBmpRange(bmp, global::System.Math.Max(low, 0xE000), high);
        }

        if (categories is not null)
        {
            foreach (var category in categories)
            {
                bmp.Append(category);
            }

            // .NET's categories see surrogates (Cs) one by one; pairs and lone surrogates are handled above.
            bmp.Append(@"-[\uD800-\uDFFF]");
        }

        if (bmp.Length > 0)
        {
            alternatives.Add("[" + bmp + "]");
        }

        return alternatives.Count switch
        {
            0 => "(?!)",
            1 when bmp.Length > 0 => alternatives[0],
            _ => "(?:" + string.Join("|", alternatives) + ")",
        };
    }

    private static void AppendBmpRange(global::System.Text.StringBuilder builder, int low, int high)
    {
        if (low > high)
        {
            return;
        }

        AppendUnit(builder, low);
        if (high > low)
        {
            if (high > low + 1)
            {
                builder.Append('-');
            }

            AppendUnit(builder, high);
        }
    }

    /// <summary>The part of [low, high] in one half of the surrogates, as a class that matches only unpaired units.</summary>
    private static void AddLoneSurrogates(global::System.Collections.Generic.List<string> alternatives, int low, int high, int first, int last, string format)
    {
        low = global::System.Math.Max(low, first);
        high = global::System.Math.Min(high, last);
        if (low <= high)
        {
            alternatives.Add(string.Format(global::System.Globalization.CultureInfo.InvariantCulture, format, UnitRange(low, high)));
        }
    }

    /// <summary>Code points above U+FFFF as surrogate-pair alternatives.</summary>
    private static void AddAstral(global::System.Collections.Generic.List<string> alternatives, int low, int high)
    {
        var lowHigh = 0xD800 + ((low - 0x10000) >> 10);
        var lowLow = 0xDC00 + ((low - 0x10000) & 0x3FF);
        var highHigh = 0xD800 + ((high - 0x10000) >> 10);
        var highLow = 0xDC00 + ((high - 0x10000) & 0x3FF);
        if (lowHigh == highHigh)
        {
            alternatives.Add(Unit(lowHigh) + UnitRange(lowLow, highLow));
            return;
        }

        if (lowLow != 0xDC00)
        {
            alternatives.Add(Unit(lowHigh) + UnitRange(lowLow, 0xDFFF));
            lowHigh++;
        }

        if (highLow != 0xDFFF)
        {
            alternatives.Add(Unit(highHigh) + UnitRange(0xDC00, highLow));
            highHigh--;
        }

        if (lowHigh <= highHigh)
        {
            alternatives.Add(UnitRange(lowHigh, highHigh) + UnitRange(0xDC00, 0xDFFF));
        }
    }

    private static string Unit(int unit)
    {
        var builder = new global::System.Text.StringBuilder(6);
        AppendUnit(builder, unit);
        return builder.ToString();
    }

    private static string UnitRange(int low, int high) => low == high ? Unit(low) : "[" + Unit(low) + "-" + Unit(high) + "]";

    /// <summary>A UTF-16 unit as .NET pattern text: ASCII letters and digits as themselves, everything else escaped, so nothing is special.</summary>
    private static void AppendUnit(global::System.Text.StringBuilder builder, int unit)
    {
        if (unit is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9'))
        {
            builder.Append((char)unit);
        }
        else
        {
            builder.Append("\\u").Append(unit.ToString("X4", global::System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Sorts and merges pairs of inclusive bounds.</summary>
    private static int[] Normalize(global::System.Collections.Generic.List<int> bounds)
    {
        var pairs = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<int, int>>(bounds.Count / 2);
        for (var i = 0; i < bounds.Count; i += 2)
        {
            pairs.Add(new global::System.Collections.Generic.KeyValuePair<int, int>(bounds[i], bounds[i + 1]));
        }

        pairs.Sort((a, b) => a.Key.CompareTo(b.Key));
        var merged = new global::System.Collections.Generic.List<int>(bounds.Count);
        foreach (var pair in pairs)
        {
            if (merged.Count > 0 && pair.Key <= merged[merged.Count - 1] + 1)
            {
                merged[merged.Count - 1] = global::System.Math.Max(merged[merged.Count - 1], pair.Value);
            }
            else
            {
                merged.Add(pair.Key);
                merged.Add(pair.Value);
            }
        }

        return merged.ToArray();
    }

    /// <summary>Every code point not in <paramref name="ranges"/> (sorted, merged pairs of bounds).</summary>
    private static int[] Complement(int[] ranges)
    {
        var result = new global::System.Collections.Generic.List<int>();
        var next = 0;
        for (var i = 0; i < ranges.Length; i += 2)
        {
            if (ranges[i] > next)
            {
                result.Add(next);
                result.Add(ranges[i] - 1);
            }

            next = ranges[i + 1] + 1;
        }

        if (next <= MaxCodePoint)
        {
            result.Add(next);
            result.Add(MaxCodePoint);
        }

        return result.ToArray();
    }

    private bool TryHex(int start, int count, out int value)
    {
        value = 0;
        if (start + count > _pattern.Length)
        {
            return false;
        }

        return int.TryParse(_pattern.Substring(start, count), global::System.Globalization.NumberStyles.AllowHexSpecifier, global::System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    private static string Describe(int codePoint) =>
        codePoint is > 0x20 and < 0x7F ? "'" + (char)codePoint + "'" : "U+" + codePoint.ToString("X4", global::System.Globalization.CultureInfo.InvariantCulture);

    private char Peek() => _position < _pattern.Length ? _pattern[_position] : '\0';

    private char PeekAt(int offset) => _position + offset < _pattern.Length ? _pattern[_position + offset] : '\0';

    private void Expect(char c, string message)
    {
        if (Peek() != c || _position >= _pattern.Length)
        {
            throw Error(message);
        }

        _position++;
    }

    private SyntaxError Error(string message) => new(message + " (at offset " + _position.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + ")");

    private static global::System.Collections.Generic.Dictionary<string, string> CreateGeneralCategories()
    {
        // Unicode's General_Category values with their long names and aliases (PropertyValueAliases.txt), as ECMA-262 accepts them.
        var table = new global::System.Collections.Generic.Dictionary<string, string>(global::System.StringComparer.Ordinal);
        void Add(string shortName, params string[] names)
        {
            table[shortName] = shortName;
            foreach (var name in names)
            {
                table[name] = shortName;
            }
        }

        Add("L", "Letter");
        Add("LC", "Cased_Letter");
        Add("Lu", "Uppercase_Letter");
        Add("Ll", "Lowercase_Letter");
        Add("Lt", "Titlecase_Letter");
        Add("Lm", "Modifier_Letter");
        Add("Lo", "Other_Letter");
        Add("M", "Mark", "Combining_Mark");
        Add("Mn", "Nonspacing_Mark");
        Add("Mc", "Spacing_Mark");
        Add("Me", "Enclosing_Mark");
        Add("N", "Number");
        Add("Nd", "Decimal_Number", "digit");
        Add("Nl", "Letter_Number");
        Add("No", "Other_Number");
        Add("P", "Punctuation", "punct");
        Add("Pc", "Connector_Punctuation");
        Add("Pd", "Dash_Punctuation");
        Add("Ps", "Open_Punctuation");
        Add("Pe", "Close_Punctuation");
        Add("Pi", "Initial_Punctuation");
        Add("Pf", "Final_Punctuation");
        Add("Po", "Other_Punctuation");
        Add("S", "Symbol");
        Add("Sm", "Math_Symbol");
        Add("Sc", "Currency_Symbol");
        Add("Sk", "Modifier_Symbol");
        Add("So", "Other_Symbol");
        Add("Z", "Separator");
        Add("Zs", "Space_Separator");
        Add("Zl", "Line_Separator");
        Add("Zp", "Paragraph_Separator");
        Add("C", "Other");
        Add("Cc", "Control", "cntrl");
        Add("Cf", "Format");
        Add("Cs", "Surrogate");
        Add("Co", "Private_Use");
        Add("Cn", "Unassigned");
        return table;
    }

    private sealed class SyntaxError : global::System.Exception
    {
        public SyntaxError(string message)
            : base(message)
        {
        }
    }
}
