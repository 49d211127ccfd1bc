using System;
using System.Collections.Generic;
using System.Text;

namespace Codegen.Emitters.Runtime;

/// <summary>
/// One file of src/Codegen.Runtime, read once and ready to be written for any contract. The file starts with
/// <c>namespace Codegen.Runtime;</c> (after using directives, if any, which are kept before the namespace); what
/// follows becomes the body of a block namespace (indented one level, every
/// top-level type marked <c>[GeneratedCode]</c>), and every identifier <c>Codegen</c> + an upper-case letter is a slot
/// where the contract's prefix replaces <c>Codegen</c>. Identifiers are found in code and comments (so that
/// <c>&lt;see cref="CodegenClient"/&gt;</c> follows), never inside string or character literals; a small C# lexer
/// tells them apart, interpolation holes included. Lines that begin inside a multi-line literal are left unindented,
/// so that the literal's text is unchanged.
/// </summary>
internal sealed class RuntimeTemplate
{
    /// <summary>The namespace every runtime file declares, and the word its contract-wide names start with.</summary>
    public const string Namespace = "Codegen.Runtime";

    public const string Placeholder = "Codegen";

    private const string NamespaceLine = "namespace " + Namespace + ";";

    private readonly string _usings;
    private readonly List<string> _texts;

    private RuntimeTemplate(string path, string typeStem, string usings, List<string> texts)
    {
        Path = path;
        TypeStem = typeStem;
        _usings = usings;
        _texts = texts;
    }

    /// <summary>The file's path under src/Codegen.Runtime, with <c>/</c> separators, e.g. <c>Client/CodegenClient.cs</c>.</summary>
    public string Path { get; }

    /// <summary>The file name without <c>.cs</c>, e.g. <c>CodegenClient</c>; with the prefix substituted it names the generated file.</summary>
    public string TypeStem { get; }

    /// <summary>The folder under src/Codegen.Runtime, e.g. <c>Client</c>.</summary>
    public string Folder => Path.IndexOf('/') is var slash and > 0 ? Path.Substring(0, slash) : string.Empty;

    /// <summary>The name the file's type gets for a contract with this prefix.</summary>
    public string TypeName(string prefix) => Substitute(TypeStem, prefix);

    /// <summary>The file as C# of the contract: the generated-file header, its namespace, its prefix.</summary>
    public string Render(string @namespace, string prefix)
    {
        var header = new SourceWriter();
        CSharp.FileHeader(header, @namespace);
        var builder = new StringBuilder(header.ToString(), 4096);
        if (_usings.Length > 0)
        {
            // Using directives stay at the top of the file, before the namespace, where they were written.
            builder.Insert(builder.ToString().LastIndexOf("namespace ", StringComparison.Ordinal), _usings + "\n");
        }

        for (var i = 0; i < _texts.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(prefix);
            }

            builder.Append(_texts[i]);
        }

        return builder.Append("}\n").ToString();
    }

    public static RuntimeTemplate Parse(string path, string source)
    {
        var text = source.Replace("\r\n", "\n").TrimStart('\uFEFF');
        var preamble = new StringBuilder();
        var position = 0;
        while (true)
        {
            var lineEnd = text.IndexOf('\n', position);
            var line = (lineEnd < 0 ? text.Substring(position) : text.Substring(position, lineEnd - position)).TrimEnd();
            if (line == NamespaceLine)
            {
                position = lineEnd < 0 ? text.Length : lineEnd + 1;
                break;
            }

            if (lineEnd < 0 || !(line.Length == 0 || line.StartsWith("using ", StringComparison.Ordinal) || line.StartsWith("//", StringComparison.Ordinal)))
            {
                throw new InvalidOperationException($"{path}: a runtime file must start with '{NamespaceLine}' (only using directives, comments and blank lines may come before it), not '{line}'.");
            }

            if (line.StartsWith("using ", StringComparison.Ordinal))
            {
                preamble.Append(line).Append('\n');
            }

            position = lineEnd + 1;
        }

        var body = text.Substring(position).TrimStart('\n').TrimEnd() + "\n";
        var name = path.Substring(path.LastIndexOf('/') + 1);
        var stem = name.EndsWith(".cs", StringComparison.Ordinal) ? name.Substring(0, name.Length - 3) : name;
        if (!IsSlot(stem, 0))
        {
            throw new InvalidOperationException($"{path}: a runtime file is named for its type, which starts with '{Placeholder}' and an upper-case letter.");
        }

        return new RuntimeTemplate(path, stem, preamble.ToString(), new Lexer(path, body).Run());
    }

    private static string Substitute(string identifier, string prefix) =>
        IsSlot(identifier, 0) ? prefix + identifier.Substring(Placeholder.Length) : identifier;

    /// <summary>Whether an identifier starting at <paramref name="index"/> is <c>Codegen</c> followed by an upper-case letter.</summary>
    private static bool IsSlot(string text, int index) =>
        index + Placeholder.Length < text.Length
        && string.CompareOrdinal(text, index, Placeholder, 0, Placeholder.Length) == 0
        && text[index + Placeholder.Length] is >= 'A' and <= 'Z';

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>Walks the body once, copying it indented and cut at every slot.</summary>
    private sealed class Lexer
    {
        private const string Indent = "    ";

        private readonly string _path;
        private readonly string _s;
        private readonly List<string> _texts = new();
        private readonly StringBuilder _current = new();
        private int _i;

        public Lexer(string path, string body)
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

        /// <summary>Copies one character; after a line break, indents the next line unless it begins inside a literal.</summary>
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
                _current.Append(Indent).Append(CSharp.GeneratedCodeAttribute).Append('\n');
            }

            _current.Append(Indent);
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
                        if ((char.IsLetter(c) || c == '_') && (_i == 0 || !IsIdentifierChar(_s[_i - 1])))
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
                if ((char.IsLetter(c) || c == '_') && !IsIdentifierChar(_s[_i - 1]))
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
            while (end < _s.Length && IsIdentifierChar(_s[end]))
            {
                end++;
            }

            if (inCode && end - start == Placeholder.Length && IsPlaceholderAt(start) && end < _s.Length && _s[end] == '.')
            {
                throw Error($"code names the namespace {Namespace}; a runtime file's types are in the contract's namespace, so use them unqualified");
            }

            if (IsSlot(_s, start))
            {
                _texts.Add(_current.ToString());
                _current.Clear();
                _i = start + Placeholder.Length;
            }

            while (_i < end)
            {
                Copy();
            }
        }

        private bool IsPlaceholderAt(int index) => string.CompareOrdinal(_s, index, Placeholder, 0, Placeholder.Length) == 0;
    }
}
