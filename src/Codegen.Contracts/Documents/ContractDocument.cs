using System;
using System.Collections.Generic;
using Codegen.Contracts.Model;
using Codegen.Runtime;

namespace Codegen.Contracts.Documents;

/// <summary>The text format of a contract file.</summary>
public enum ContractFormat
{
    Json,
    Yaml,
}

/// <summary>
/// A contract file read once into JSON values, with the position of every value and member name, so that
/// a JSON pointer found while reading the model can be turned back into a line and column. JSON and YAML
/// files give the same values; only the positions differ.
/// </summary>
internal sealed class ContractDocument
{
    private readonly CodegenJsonPositions _positions;

    // Set while the component schemas of a YAML document are still to be read (see LoadSkippingSchemas).
    private readonly YamlBlockReader? _schemaReader;

    private ContractDocument(string path, string text, ContractFormat format, CodegenJson root, CodegenJsonPositions positions, YamlBlockReader? schemaReader = null)
    {
        Path = path;
        Text = text;
        Format = format;
        Root = root;
        _positions = positions;
        _schemaReader = schemaReader;
    }

    /// <summary>
    /// Whether the reading stepped over something: component schemas not read yet (<see cref="WithSchemasFor"/> reads what is
    /// needed), or extensions of path items and operations, which only an OpenAPI document may leave out.
    /// </summary>
    public bool IsPartial => _schemaReader is not null;

    public string Path { get; }

    public string Text { get; }

    public ContractFormat Format { get; }

    public CodegenJson Root { get; }

    /// <summary>YAML for <c>.yaml</c>/<c>.yml</c> files; JSON for <c>.json</c>; otherwise JSON when the text starts with <c>{</c> or <c>[</c>.</summary>
    public static ContractFormat FormatOf(string path, string text)
    {
        var extension = System.IO.Path.GetExtension(path);
        if (extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return ContractFormat.Yaml;
        }

        if (extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            return ContractFormat.Json;
        }

        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c != '\uFEFF')
            {
                return c is '{' or '[' ? ContractFormat.Json : ContractFormat.Yaml;
            }
        }

        return ContractFormat.Json;
    }

    /// <exception cref="ContractDocumentException">The text is not valid JSON or YAML; the exception says where.</exception>
    public static ContractDocument Load(string path, string text)
    {
        var positions = new CodegenJsonPositions();
        var format = FormatOf(path, text);
        CodegenJson root;
        if (format == ContractFormat.Yaml)
        {
            try
            {
                root = YamlBlockReader.Read(text, positions);
            }
            catch (Exception ex) when (ex is NotSupportedException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                // Beyond the fast reader's YAML (or a flaw of its own): SharpYaml reads it, or says what is wrong.
                positions = new CodegenJsonPositions();
                root = YamlDocumentReader.Read(text, positions);
            }
        }
        else
        {
            try
            {
                root = CodegenJson.Parse(text, positions);
            }
            catch (CodegenJsonException ex)
            {
                throw new ContractDocumentException("The contract is not valid JSON: " + ex.Message, ex.Line, ex.Column);
            }
        }

        return new ContractDocument(path, text, format, root, positions);
    }

    /// <summary>
    /// A YAML document read without the members of <c>/components/schemas</c>, to be completed by <see cref="WithSchemasFor"/>
    /// when a selection names the operations; a JSON document, or YAML the fast reader leaves to SharpYaml, is read whole.
    /// </summary>
    /// <exception cref="ContractDocumentException">The text is not valid JSON or YAML; the exception says where.</exception>
    public static ContractDocument LoadSkippingSchemas(string path, string text)
    {
        if (FormatOf(path, text) == ContractFormat.Yaml)
        {
            var positions = new CodegenJsonPositions();
            try
            {
                var (root, reader) = YamlBlockReader.ReadSkippingSchemas(text, positions);
                return new ContractDocument(path, text, ContractFormat.Yaml, root, positions, reader.HasSkipped ? reader : null);
            }
            catch (Exception ex) when (ex is NotSupportedException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                // Read whole below.
            }
        }

        return Load(path, text);
    }

    /// <summary>
    /// The document with every component schema that <paramref name="pointers"/> reach, read in place (same values, same
    /// positions as a whole reading); null when a reference cannot be followed by pointer and the document must be read whole.
    /// </summary>
    public ContractDocument? WithSchemasFor(IEnumerable<string> pointers)
    {
        if (_schemaReader is null)
        {
            return this;
        }

        return _schemaReader.Complete(Root, pointers) is { } root ? new ContractDocument(Path, Text, Format, root, _positions) : null;
    }

    /// <summary>The value at a JSON pointer such as <c>/definitions/A/properties/b</c>, or null.</summary>
    public CodegenJson? Find(string pointer) => JsonPointer.Find(Root, pointer);

    /// <summary>The same file with another tree (an overlay's result): positions stay with the values they were recorded for.</summary>
    public ContractDocument WithRoot(CodegenJson root) => new(Path, Text, Format, root, _positions);

    /// <summary>The positions table, for edits that rebuild nodes and carry their positions over.</summary>
    internal CodegenJsonPositions Positions => _positions;

    /// <summary>
    /// The span of the value at <paramref name="pointer"/>, or of its nearest ancestor that exists and was
    /// read from this file (an overlay may add values that have no place in it); a member is located at its name.
    /// </summary>
    public SourceSpan SpanOf(string pointer)
    {
        var current = pointer;
        while (true)
        {
            if (Find(current) is { } value && _positions.TryGet(value, out _))
            {
                return SpanOf(value);
            }

            if (current.Length == 0)
            {
                return SourceSpan.At(Path, 0, 0);
            }

            current = JsonPointer.Parent(current);
        }
    }

    /// <summary>The span of a value of this document: its member name when it is a member's value (what a reader looks for), else the value itself.</summary>
    public SourceSpan SpanOf(CodegenJson value)
    {
        if (!_positions.TryGet(value, out var entry))
        {
            return SourceSpan.At(Path, 0, 0);
        }

        // A whole object would underline pages; its opening brace says where it is.
        var (start, end) = entry.NameStart >= 0
            ? (entry.NameStart, entry.NameEnd)
            : (entry.Start, value.Kind is CodegenJsonKind.Object or CodegenJsonKind.Array ? entry.Start + 1 : entry.End);
        var (startLine, startColumn) = _positions.LineAndColumn(start);
        var (endLine, endColumn) = _positions.LineAndColumn(Math.Max(start + 1, end));
        return new SourceSpan(Path, startLine, startColumn, endLine, endColumn);
    }
}

/// <summary>A contract's text could not be read as JSON or YAML; zero-based line and column of where reading stopped.</summary>
internal sealed class ContractDocumentException : Exception
{
    public ContractDocumentException(string message, int line, int column)
        : base(message)
    {
        Line = line;
        Column = column;
    }

    public int Line { get; }

    public int Column { get; }
}
