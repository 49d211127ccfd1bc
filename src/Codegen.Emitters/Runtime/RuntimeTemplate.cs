using System;
using System.Collections.Generic;
using System.Text;

namespace Codegen.Emitters.Runtime;

/// <summary>
/// One file of src/Codegen.Runtime, read once and ready to be written for any contract. The file starts with
/// <c>namespace Codegen.Runtime;</c> (after using directives, if any, which are kept before the namespace); what
/// follows is written after the contract's file-scoped namespace as it is (every top-level type marked
/// <c>[GeneratedCode]</c>), and every identifier <c>Codegen</c> + an upper-case letter is a slot
/// where the contract's prefix replaces <c>Codegen</c>. Identifiers are found in code and comments (so that
/// <c>&lt;see cref="CodegenClient"/&gt;</c> follows), never inside string or character literals; a small C# lexer
/// tells them apart, interpolation holes included.
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

        return builder.ToString();
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

        return new RuntimeTemplate(path, stem, preamble.ToString(), new RuntimeLexer(path, body).Run());
    }

    private static string Substitute(string identifier, string prefix) =>
        IsSlot(identifier, 0) ? prefix + identifier.Substring(Placeholder.Length) : identifier;

    /// <summary>Whether an identifier starting at <paramref name="index"/> is <c>Codegen</c> followed by an upper-case letter.</summary>
    internal static bool IsSlot(string text, int index) =>
        index + Placeholder.Length < text.Length
        && string.CompareOrdinal(text, index, Placeholder, 0, Placeholder.Length) == 0
        && text[index + Placeholder.Length] is >= 'A' and <= 'Z';

    internal static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
