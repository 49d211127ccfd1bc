using System;
using System.Text;

namespace Codegen.Emitters;

/// <summary>A StringBuilder with an indent level: the only way emitters write source.</summary>
public sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _indent * 4);
            _builder.Append(text);
        }

        _builder.Append('\n');
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

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
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
    /// never end the comment.
    /// </summary>
    public SourceWriter DocBlock(string tag, string text, bool escape = true)
    {
        var words = new StringBuilder();
        foreach (var line in CSharp.DocLines(escape ? CSharp.XmlEscape(text) : text))
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0)
            {
                words.Append(words.Length > 0 ? " " : string.Empty).Append(trimmed);
            }
        }

        return Line($"/// <{tag}>{words}</{tag}>");
    }

    public override string ToString() => _builder.ToString();
}
