using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Codegen.Emitters;

/// <summary>
/// A character buffer with an indent level: the only way emitters write source. An interpolated line
/// (<c>w.Line($"public {type} {name} {{ get; }}")</c>) is written straight into the buffer, part by part, without
/// building the line as a string first; the buffer of a finished file is reused by the next file on the same thread
/// (see <see cref="ToStringAndRelease"/>), so writing the OpenAI document's 25 million characters allocates little
/// more than the files' strings.
/// </summary>
public sealed class SourceWriter
{
    private const int InitialCapacity = 16 * 1024;

    // One buffer per thread, handed from a finished file to the next; emitters write one file at a time.
    [ThreadStatic]
    private static char[]? t_spare;

    private char[] _buffer;
    private int _length;
    private int _indent;

    public SourceWriter()
    {
        _buffer = t_spare ?? new char[InitialCapacity];
        t_spare = null;
    }

    /// <summary>The characters written so far.</summary>
    public int Length => _length;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            WriteIndent();
            Append(text);
        }

        Append('\n');
        return this;
    }

    /// <summary>Writes an interpolated line at the current indent, part by part.</summary>
    public SourceWriter Line([InterpolatedStringHandlerArgument("")] ref LineHandler text)
    {
        EndLine(text.Start, keepEmpty: true);
        return this;
    }

    /// <summary>Writes <paramref name="text"/> and opens a brace block.</summary>
    public SourceWriter Open(string text)
    {
        if (text.Length > 0)
        {
            Line(text);
        }

        Line("{");
        _indent++;
        return this;
    }

    /// <summary>Writes an interpolated line and opens a brace block.</summary>
    public SourceWriter Open([InterpolatedStringHandlerArgument("")] ref LineHandler text)
    {
        EndLine(text.Start, keepEmpty: false);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        WriteIndent();
        Append('}');
        Append(suffix);
        Append('\n');
        return this;
    }

    public SourceWriter Indent()
    {
        _indent++;
        return this;
    }

    public SourceWriter Outdent()
    {
        _indent = Math.Max(0, _indent - 1);
        return this;
    }

    /// <summary>Writes a <c>/// &lt;summary&gt;</c> block, escaped, or nothing when there is no text.</summary>
    public SourceWriter Summary(string? text, bool escape = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return this;
        }

        return DocBlock("summary", text!, escape);
    }

    /// <summary>
    /// Writes a doc-comment element on one line: the text's lines joined by spaces, as IntelliSense shows them anyway.
    /// The output of a large contract is read and compiled, so lines count; and a line terminator in contract text can
    /// never end the comment. Each line is trimmed and empty ones are dropped; with <paramref name="escape"/>, markup
    /// and control characters become entities first (see <see cref="CSharp.XmlEscape"/> and <see cref="CSharp.DocLines"/>,
    /// which this follows character by character without building the intermediate strings).
    /// </summary>
    public SourceWriter DocBlock(string tag, string text, bool escape = true)
    {
        WriteIndent();
        Append("/// <");
        Append(tag);
        Append('>');
        var wordsStart = _length;
        var lineStart = _length;
        var contentEnd = _length;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r' or '\u2028' or '\u2029' || (c == '\u0085' && !escape))
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                // The line ends: drop its trailing white space; an empty line leaves no separator behind.
                _length = contentEnd;
                lineStart = _length;
                continue;
            }

            var escaped = escape && NeedsEscape(c);
            var white = !escaped && char.IsWhiteSpace(c);
            if (white && contentEnd == lineStart)
            {
                // Leading white space of a line (a tab counts as a space, as DocLines writes it).
                continue;
            }

            if (!white && contentEnd == lineStart && lineStart > wordsStart)
            {
                // The first character of a line after another line with words: one space between them.
                Append(' ');
                lineStart = _length;
            }

            if (escaped)
            {
                AppendEscaped(c);
            }
            else
            {
                Append(c == '\t' ? ' ' : c);
            }

            if (!white)
            {
                contentEnd = _length;
            }
        }

        _length = contentEnd;
        Append("</");
        Append(tag);
        Append(">\n");
        return this;
    }

    public override string ToString() => new(_buffer, 0, _length);

    /// <summary>The text, handing the buffer to the next writer on this thread; this writer must not be used afterwards.</summary>
    public string ToStringAndRelease()
    {
        var text = ToString();
        _length = 0;
        t_spare = _buffer;
        _buffer = Array.Empty<char>();
        return text;
    }

    internal void Append(char c)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = c;
    }

    internal void Append(string? text)
    {
        if (text is null)
        {
            return;
        }

        if (_buffer.Length - _length < text.Length)
        {
            Grow(text.Length);
        }

        text.CopyTo(0, _buffer, _length, text.Length);
        _length += text.Length;
    }

    private void Append(char c, int count)
    {
        if (_buffer.Length - _length < count)
        {
            Grow(count);
        }

        for (var i = 0; i < count; i++)
        {
            _buffer[_length++] = c;
        }
    }

    /// <summary>Whether <see cref="CSharp.XmlEscape"/> writes the character as an entity.</summary>
    private static bool NeedsEscape(char c) =>
        c is '&' or '<' or '>' or '"' || char.IsSurrogate(c) || (char.IsControl(c) && c != '\n' && c != '\r' && c != '\t');

    /// <summary>A character as the entity <see cref="CSharp.XmlEscape"/> writes for it.</summary>
    private void AppendEscaped(char c)
    {
        switch (c)
        {
            case '&': Append("&amp;"); break;
            case '<': Append("&lt;"); break;
            case '>': Append("&gt;"); break;
            case '"': Append("&quot;"); break;
            default:
                Append("&#x");
                Append(((int)c).ToString("X", CultureInfo.InvariantCulture));
                Append(';');
                break;
        }
    }

    private void WriteIndent() => Append(' ', _indent * 4);

    /// <summary>Ends a line begun at <paramref name="start"/> (before its indent): an empty one is a bare line break, or nothing.</summary>
    private void EndLine(int start, bool keepEmpty)
    {
        if (_length == start + (_indent * 4))
        {
            _length = start;
            if (keepEmpty)
            {
                Append('\n');
            }

            return;
        }

        Append('\n');
    }

    private void Grow(int needed)
    {
        var capacity = Math.Max(_buffer.Length * 2, _length + needed);
        var grown = new char[Math.Max(capacity, InitialCapacity)];
        Array.Copy(_buffer, grown, _length);
        _buffer = grown;
    }

    private void AppendFormatted<T>(T value, string? format)
    {
        if (value is string text)
        {
            Append(text);
        }
        else if (value is IFormattable formattable)
        {
            // What string interpolation writes: the current culture (the emitter runs under the invariant one).
            Append(formattable.ToString(format, CultureInfo.CurrentCulture));
        }
        else if (value is not null)
        {
            Append(value.ToString());
        }
    }

    private void AppendAligned<T>(T value, int alignment, string? format)
    {
        var start = _length;
        AppendFormatted(value, format);
        var width = Math.Abs(alignment);
        var written = _length - start;
        if (written >= width)
        {
            return;
        }

        var padding = width - written;
        if (alignment < 0)
        {
            Append(' ', padding);
            return;
        }

        // Right-aligned: move what was written to the end of the field.
        Append(' ', padding);
        Array.Copy(_buffer, start, _buffer, start + padding, written);
        for (var i = 0; i < padding; i++)
        {
            _buffer[start + i] = ' ';
        }
    }

    /// <summary>An interpolated line of source, written into its <see cref="SourceWriter"/> as it is formatted.</summary>
    [InterpolatedStringHandler]
    public ref struct LineHandler
    {
        private readonly SourceWriter _writer;

        public LineHandler(int literalLength, int formattedCount, SourceWriter writer)
        {
            _writer = writer;
            Start = writer._length;
            writer.WriteIndent();
        }

        /// <summary>Where the line began in the writer, before its indent.</summary>
        internal int Start { get; }

        public void AppendLiteral(string value) => _writer.Append(value);

        public void AppendFormatted(string? value) => _writer.Append(value);

        public void AppendFormatted<T>(T value) => _writer.AppendFormatted(value, null);

        public void AppendFormatted<T>(T value, string? format) => _writer.AppendFormatted(value, format);

        public void AppendFormatted<T>(T value, int alignment) => _writer.AppendAligned(value, alignment, null);

        public void AppendFormatted<T>(T value, int alignment, string? format) => _writer.AppendAligned(value, alignment, format);
    }
}
