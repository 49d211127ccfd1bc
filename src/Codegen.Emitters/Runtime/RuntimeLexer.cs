using System;
using System.Collections.Generic;
using System.Text;

namespace Codegen.Emitters.Runtime;

/// <summary>
/// Walks the body of a runtime file once (see <see cref="RuntimeTemplate"/>), copying it cut at every
/// slot: a small C# lexer that knows comments, character literals and every kind of string literal (regular,
/// verbatim, raw, interpolated with their holes), so that identifiers are told apart from literal text.
/// </summary>
internal sealed class RuntimeLexer
{
    private readonly string _path;
    private readonly string _s;
    private readonly List<string> _texts = new();
    private readonly StringBuilder _current = new();
    private int _i;

    public RuntimeLexer(string path, string body)
    {
        _path = path;
        _s = body;
    }

    public List<string> Run()
    {
        StartLine(inLiteral: false);
        Code(closingBraces: 0);
        _texts.Add(_current.ToString());
        return _texts;
    }

    private char At(int offset) => _i + offset < _s.Length ? _s[_i + offset] : '\0';

    private InvalidOperationException Error(string message)
    {
        var line = 1;
        for (var k = 0; k < _i && k < _s.Length; k++)
        {
            line += _s[k] == '\n' ? 1 : 0;
        }

        return new InvalidOperationException($"{_path}: {message} (line {line + 2} of the file).");
    }

    /// <summary>Copies one character; after a line break, marks a top-level type that starts the next line (not inside a literal).</summary>
    private void Copy(bool inLiteral = false)
    {
        var c = _s[_i++];
        _current.Append(c);
        if (c == '\n')
        {
            StartLine(inLiteral);
        }
    }

    private void StartLine(bool inLiteral)
    {
        if (inLiteral || _i >= _s.Length || _s[_i] == '\n')
        {
            return;
        }

        if (StartsWith("public ") || StartsWith("internal "))
        {
            // A top-level type (members are indented): mark it, as every generated type is.
            _current.Append(CSharp.GeneratedCodeAttribute).Append('\n');
        }
    }

    private bool StartsWith(string text) => string.CompareOrdinal(_s, _i, text, 0, text.Length) == 0;

    /// <summary>Code up to the end, or inside an interpolation hole up to the braces that close it (not consumed).</summary>
    private void Code(int closingBraces)
    {
        var depth = 0;
        while (_i < _s.Length)
        {
            var c = _s[_i];
            if (closingBraces > 0 && depth == 0)
            {
                if (c == '}')
                {
                    return;
                }

                if (c == ':' && At(1) != ':' && (_i == 0 || _s[_i - 1] != ':'))
                {
                    // A format specifier: literal text up to the closing brace.
                    while (_i < _s.Length && _s[_i] != '}')
                    {
                        Copy(inLiteral: true);
                    }

                    return;
                }
            }

            switch (c)
            {
                case '/' when At(1) == '/':
                    Comment(block: false);
                    break;
                case '/' when At(1) == '*':
                    Comment(block: true);
                    break;
                case '\'':
                    CharLiteral();
                    break;
                case '"':
                    StringLiteral(dollars: 0, verbatim: false);
                    break;
                case '@' when At(1) == '"':
                    Copy();
                    StringLiteral(dollars: 0, verbatim: true);
                    break;
                case '@' when At(1) == '$' && At(2) == '"':
                    Copy();
                    Copy();
                    StringLiteral(dollars: 1, verbatim: true);
                    break;
                case '$':
                    InterpolatedStart();
                    break;
                case '(' or '[' or '{':
                    depth++;
                    Copy();
                    break;
                case ')' or ']' or '}':
                    depth--;
                    Copy();
                    break;
                default:
                    if ((char.IsLetter(c) || c == '_') && (_i == 0 || !RuntimeTemplate.IsIdentifierChar(_s[_i - 1])))
                    {
                        Identifier(inCode: true);
                    }
                    else
                    {
                        Copy();
                    }

                    break;
            }
        }

        if (closingBraces > 0)
        {
            throw Error("an interpolation hole is not closed");
        }
    }

    private void InterpolatedStart()
    {
        var dollars = 0;
        while (At(dollars) == '$')
        {
            dollars++;
        }

        var verbatim = At(dollars) == '@';
        if (At(dollars + (verbatim ? 1 : 0)) != '"')
        {
            Copy();
            return;
        }

        for (var k = 0; k < dollars + (verbatim ? 1 : 0); k++)
        {
            Copy();
        }

        StringLiteral(dollars, verbatim);
    }

    /// <summary>A string literal from its first quote: regular, verbatim or raw, interpolated when <paramref name="dollars"/> &gt; 0.</summary>
    private void StringLiteral(int dollars, bool verbatim)
    {
        var quotes = 0;
        while (At(quotes) == '"')
        {
            quotes++;
        }

        var raw = !verbatim && quotes >= 3;
        if (!raw)
        {
            quotes = 1;
        }

        for (var k = 0; k < quotes; k++)
        {
            Copy();
        }

        var braces = raw ? Math.Max(dollars, 1) : 1;
        while (_i < _s.Length)
        {
            var c = _s[_i];
            if (c == '"')
            {
                if (raw)
                {
                    var run = 0;
                    while (At(run) == '"')
                    {
                        run++;
                    }

                    if (run >= quotes)
                    {
                        for (var k = 0; k < run; k++)
                        {
                            Copy();
                        }

                        return;
                    }

                    for (var k = 0; k < run; k++)
                    {
                        Copy(inLiteral: true);
                    }

                    continue;
                }

                if (verbatim && At(1) == '"')
                {
                    Copy(inLiteral: true);
                    Copy(inLiteral: true);
                    continue;
                }

                Copy();
                return;
            }

            if (c == '\\' && !verbatim && !raw)
            {
                Copy(inLiteral: true);
                if (_i < _s.Length)
                {
                    Copy(inLiteral: true);
                }

                continue;
            }

            if (c == '{' && dollars > 0)
            {
                var run = 0;
                while (At(run) == '{')
                {
                    run++;
                }

                if (!raw && run >= 2)
                {
                    // {{ is a literal brace in a regular or verbatim interpolated string.
                    Copy(inLiteral: true);
                    Copy(inLiteral: true);
                    continue;
                }

                if (run < braces)
                {
                    for (var k = 0; k < run; k++)
                    {
                        Copy(inLiteral: true);
                    }

                    continue;
                }

                for (var k = 0; k < run; k++)
                {
                    Copy();
                }

                Code(closingBraces: braces);
                for (var k = 0; k < braces; k++)
                {
                    if (At(0) != '}')
                    {
                        throw Error("an interpolation hole is not closed");
                    }

                    Copy();
                }

                continue;
            }

            if (c == '\n' && !raw && !verbatim)
            {
                throw Error("a string literal is not closed on its line");
            }

            Copy(inLiteral: true);
        }

        throw Error("a string literal is not closed");
    }

    private void CharLiteral()
    {
        Copy();
        while (_i < _s.Length && _s[_i] != '\'')
        {
            if (_s[_i] == '\n')
            {
                throw Error("a character literal is not closed on its line");
            }

            if (_s[_i] == '\\')
            {
                Copy();
            }

            Copy();
        }

        if (_i < _s.Length)
        {
            Copy();
        }
    }

    /// <summary>A comment; identifiers in it are substituted too (crefs, and names in prose).</summary>
    private void Comment(bool block)
    {
        Copy();
        Copy();
        while (_i < _s.Length)
        {
            if (!block && _s[_i] == '\n')
            {
                return;
            }

            if (block && _s[_i] == '*' && At(1) == '/')
            {
                Copy();
                Copy();
                return;
            }

            var c = _s[_i];
            if ((char.IsLetter(c) || c == '_') && !RuntimeTemplate.IsIdentifierChar(_s[_i - 1]))
            {
                Identifier(inCode: false);
            }
            else
            {
                Copy();
            }
        }
    }

    private void Identifier(bool inCode)
    {
        var start = _i;
        var end = _i;
        while (end < _s.Length && RuntimeTemplate.IsIdentifierChar(_s[end]))
        {
            end++;
        }

        if (inCode && end - start == RuntimeTemplate.Placeholder.Length && IsPlaceholderAt(start) && end < _s.Length && _s[end] == '.')
        {
            throw Error($"code names the namespace {RuntimeTemplate.Namespace}; a runtime file's types are in the contract's namespace, so use them unqualified");
        }

        if (RuntimeTemplate.IsSlot(_s, start))
        {
            _texts.Add(_current.ToString());
            _current.Clear();
            _i = start + RuntimeTemplate.Placeholder.Length;
        }

        while (_i < end)
        {
            Copy();
        }
    }

    private bool IsPlaceholderAt(int index) => string.CompareOrdinal(_s, index, RuntimeTemplate.Placeholder, 0, RuntimeTemplate.Placeholder.Length) == 0;
}
