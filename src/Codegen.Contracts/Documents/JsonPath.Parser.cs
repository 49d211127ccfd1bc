using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Codegen.Runtime;

namespace Codegen.Contracts.Documents;

/// <summary>The parser of RFC 9535 queries: segments, selectors and filter expressions, with the offset of each error.</summary>
internal sealed partial class JsonPath
{
    private sealed class Parser
    {
        private readonly string _text;
        private int _i;

        public Parser(string text) => _text = text;

        public List<Segment> ParseQuery()
        {
            SkipSpaces();
            if (Peek() != '$')
            {
                throw Error("A JSONPath query starts with '$'");
            }

            _i++;
            var segments = ParseSegments(inFilter: false);
            SkipSpaces();
            if (_i < _text.Length)
            {
                throw Error("Unexpected '" + _text[_i] + "'");
            }

            return segments;
        }

        private List<Segment> ParseSegments(bool inFilter)
        {
            var segments = new List<Segment>();
            while (true)
            {
                var save = _i;
                if (inFilter)
                {
                    SkipSpaces();
                }

                if (Match(".."))
                {
                    if (Peek() == '[')
                    {
                        segments.Add(new Segment(true, ParseBracket()));
                    }
                    else
                    {
                        segments.Add(new Segment(true, new List<Selector> { ParseDotted() }));
                    }
                }
                else if (Peek() == '.')
                {
                    _i++;
                    segments.Add(new Segment(false, new List<Selector> { ParseDotted() }));
                }
                else if (Peek() == '[')
                {
                    segments.Add(new Segment(false, ParseBracket()));
                }
                else
                {
                    _i = save;
                    return segments;
                }
            }
        }

        private Selector ParseDotted()
        {
            if (Peek() == '*')
            {
                _i++;
                return new WildcardSelector();
            }

            var start = _i;
            while (_i < _text.Length && (char.IsLetterOrDigit(_text[_i]) || _text[_i] is '_' or '-' || _text[_i] > 0x7F))
            {
                _i++;
            }

            if (_i == start)
            {
                throw Error("A name or '*' was expected after '.'");
            }

            return new NameSelector(_text.Substring(start, _i - start));
        }

        private List<Selector> ParseBracket()
        {
            _i++;
            var selectors = new List<Selector>();
            while (true)
            {
                SkipSpaces();
                selectors.Add(ParseSelector());
                SkipSpaces();
                if (Peek() == ',')
                {
                    _i++;
                    continue;
                }

                if (Peek() == ']')
                {
                    _i++;
                    return selectors;
                }

                throw Error("',' or ']' was expected");
            }
        }

        private Selector ParseSelector()
        {
            var c = Peek();
            if (c is '\'' or '"')
            {
                return new NameSelector(ParseStringLiteral());
            }

            if (c == '*')
            {
                _i++;
                return new WildcardSelector();
            }

            if (c == '?')
            {
                _i++;
                SkipSpaces();
                return new FilterSelector(ParseOr());
            }

            int? start = c == ':' ? null : ParseInteger();
            SkipSpaces();
            if (Peek() != ':')
            {
                return new IndexSelector(start ?? throw Error("An index was expected"));
            }

            _i++;
            SkipSpaces();
            int? end = Peek() is ':' or ']' or ',' ? null : ParseInteger();
            SkipSpaces();
            var step = 1;
            if (Peek() == ':')
            {
                _i++;
                SkipSpaces();
                if (Peek() is not (']' or ','))
                {
                    step = ParseInteger();
                }
            }

            return new SliceSelector(start, end, step);
        }

        private Expression ParseOr()
        {
            var left = ParseAnd();
            SkipSpaces();
            while (Match("||"))
            {
                left = new Logical(left, ParseAnd(), and: false);
                SkipSpaces();
            }

            return left;
        }

        private Expression ParseAnd()
        {
            var left = ParseUnary();
            SkipSpaces();
            while (Match("&&"))
            {
                left = new Logical(left, ParseUnary(), and: true);
                SkipSpaces();
            }

            return left;
        }

        private Expression ParseUnary()
        {
            SkipSpaces();
            if (Peek() == '!' && Peek(1) != '=')
            {
                _i++;
                return new Not(ParseUnary());
            }

            if (Peek() == '(')
            {
                _i++;
                var inner = ParseOr();
                SkipSpaces();
                if (Peek() != ')')
                {
                    throw Error("')' was expected");
                }

                _i++;
                return inner;
            }

            var left = ParseOperand();
            SkipSpaces();
            foreach (var op in new[] { "==", "!=", "<=", ">=", "<", ">" })
            {
                if (Match(op))
                {
                    SkipSpaces();
                    return new Comparison(left, op, ParseOperand());
                }
            }

            if (!left.IsPath)
            {
                throw Error("A literal alone is not a test; compare it with a path");
            }

            return new Exists(left);
        }

        private Operand ParseOperand()
        {
            var c = Peek();
            if (c is '@' or '$')
            {
                _i++;
                return Operand.Path(c == '$', ParseSegments(inFilter: false));
            }

            if (c is '\'' or '"')
            {
                return Operand.Literal(CodegenJson.FromString(ParseStringLiteral()));
            }

            foreach (var (word, value) in new[] { ("true", CodegenJson.True), ("false", CodegenJson.False), ("null", CodegenJson.Null) })
            {
                if (Match(word))
                {
                    return Operand.Literal(value);
                }
            }

            var start = _i;
            while (_i < _text.Length && (char.IsDigit(_text[_i]) || _text[_i] is '-' or '+' or '.' or 'e' or 'E'))
            {
                _i++;
            }

            if (_i > start && CodegenNumber.TryParse(_text, start, _i - start, out var number))
            {
                return Operand.Literal(CodegenJson.FromNumber(number));
            }

            _i = start;
            throw Error("A path ('@...' or '$...') or a literal was expected");
        }

        private string ParseStringLiteral()
        {
            var quote = _text[_i++];
            var builder = new StringBuilder();
            while (_i < _text.Length && _text[_i] != quote)
            {
                if (_text[_i] == '\\' && _i + 1 < _text.Length)
                {
                    var escaped = _text[_i + 1];
                    if (escaped == 'u' && _i + 5 < _text.Length && int.TryParse(_text.Substring(_i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        builder.Append((char)code);
                        _i += 6;
                        continue;
                    }

                    builder.Append(escaped switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'f' => '\f', _ => escaped });
                    _i += 2;
                    continue;
                }

                builder.Append(_text[_i++]);
            }

            if (_i >= _text.Length)
            {
                throw Error("A quoted name is never closed");
            }

            _i++;
            return builder.ToString();
        }

        private int ParseInteger()
        {
            var start = _i;
            if (Peek() == '-')
            {
                _i++;
            }

            while (char.IsDigit(Peek()))
            {
                _i++;
            }

            if (!int.TryParse(_text.Substring(start, _i - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                _i = start;
                throw Error("An integer was expected");
            }

            return value;
        }

        private bool Match(string token)
        {
            if (string.CompareOrdinal(_text, _i, token, 0, token.Length) == 0)
            {
                _i += token.Length;
                return true;
            }

            return false;
        }

        private char Peek(int ahead = 0) => _i + ahead < _text.Length ? _text[_i + ahead] : '\0';

        private void SkipSpaces()
        {
            while (_i < _text.Length && _text[_i] is ' ' or '\t' or '\n' or '\r')
            {
                _i++;
            }
        }

        private FormatException Error(string message) =>
            new(message + " at character " + (_i + 1).ToString(CultureInfo.InvariantCulture) + " of the JSONPath '" + JsonPointer.Excerpt(_text) + "'.");
    }
}
