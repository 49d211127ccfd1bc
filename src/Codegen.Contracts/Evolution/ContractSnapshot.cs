using System;
using System.Collections.Generic;
using System.Threading;
using Codegen.Contracts.Documents;
using Codegen.Contracts.Model;
using Codegen.Contracts.Naming;
using Codegen.Contracts.Reading;
using Codegen.Runtime;

namespace Codegen.Contracts.Evolution;

/// <summary>
/// One version of a contract for a comparison: its model (from <see cref="Reading.ContractParser"/>), and its text for
/// positions, read only when a change needs one. The model's rules document gives the schemas at their pointers.
/// </summary>
public sealed class ContractSnapshot
{
    private readonly string _text;
    private string? _readAs;
    private ContractDocument? _document;
    private bool _documentFailed;
    private CodegenSchemaDocument? _rules;
    private Dictionary<string, TypeSpec>? _types;
    private Dictionary<string, TypeSpec>? _definitions;
    private int _hasScopedReferences;
    private string? _clientName;

    public ContractSnapshot(ContractSpec contract, string path, string text)
    {
        Contract = contract ?? throw new ArgumentNullException(nameof(contract));
        Path = path ?? throw new ArgumentNullException(nameof(path));
        _text = text ?? throw new ArgumentNullException(nameof(text));
    }

    /// <summary>Reads a contract with the one parser and keeps its document for positions; null (and the diagnostics say why) when it has errors.</summary>
    public static ContractSnapshot? Read(ContractInput input, out ContractParseResult result, CancellationToken cancellationToken = default) =>
        Read(input, input.Path, out result, cancellationToken);

    /// <summary>
    /// Reads a contract as <paramref name="input"/>'s path names it (a contract without <c>x-codegen</c> takes its names from
    /// its file name), its changes located in <paramref name="path"/>: one version of a contract read under the name of
    /// another, as a project generates it. The diagnostics keep the input's path.
    /// </summary>
    public static ContractSnapshot? Read(ContractInput input, string path, out ContractParseResult result, CancellationToken cancellationToken = default)
    {
        result = ContractParser.Parse(input, out var document, cancellationToken);
        if (result.Contract is not { } contract)
        {
            return null;
        }

        return new ContractSnapshot(contract, path, input.Text) { _document = document, _readAs = input.Path == path ? null : input.Path };
    }

    public ContractSpec Contract { get; }

    /// <summary>The path the locations name (a file, or <c>HEAD~1:schema/x.json</c>).</summary>
    public string Path { get; }

    internal bool IsOpenApi => Contract.Kind != ContractKind.JsonSchema;

    internal string ClientName => _clientName ??= GeneratedNames.ClientFor(Contract.Prefix);

    internal CodegenSchemaDocument Rules
    {
        get
        {
            if (_rules is null)
            {
                var dialect = Enum.TryParse<CodegenSchemaDialect>(Contract.Rules.Dialect, out var parsed) ? parsed : CodegenSchemaDialect.Draft07;
                _rules = new CodegenSchemaDocument(RulesDocuments.Root(Contract.Rules), dialect);
            }

            return _rules;
        }
    }

    internal Dictionary<string, TypeSpec> Types
    {
        get
        {
            // Built whole before it is published: the build's guard keeps a baseline's snapshot, which two runs may share.
            if (_types is null)
            {
                var types = new Dictionary<string, TypeSpec>(StringComparer.Ordinal);
                foreach (var type in Contract.Types)
                {
                    types[type.Name] = type;
                }

                _types = types;
            }

            return _types;
        }
    }

    /// <summary>Whether a <c>#/...</c> reference in the rules document could depend on where it sits (see <c>EvolutionWalk.SkipsUnchanged</c>).</summary>
    internal bool HasScopedReferences
    {
        get
        {
            // An int, written whole: two guard runs may share a baseline's snapshot. The text is searched first: a document
            // that names no such keyword (and escapes no character, which could spell one) has none, and is not walked.
            if (_hasScopedReferences == 0)
            {
                _hasScopedReferences = MayHaveScopedReferences(Contract.Rules.Document) && EvolutionWalk.HasScopedReferences(Rules.Root, isRoot: true) ? 2 : 1;
            }

            return _hasScopedReferences == 2;
        }
    }

    private bool MayHaveScopedReferences(string document)
    {
        if (document.IndexOf("\\u", StringComparison.Ordinal) >= 0
            || document.IndexOf("\"$dynamic", StringComparison.Ordinal) >= 0
            || document.IndexOf("\"$recursive", StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        // A lone "$id" is the root's when the root has one (its key is spelt so); any other may be an embedded resource's.
        var id = document.IndexOf("\"$id\"", StringComparison.Ordinal);
        return id >= 0 && (document.IndexOf("\"$id\"", id + 1, StringComparison.Ordinal) >= 0 || Rules.Root.GetPropertyOrNull("$id") is null);
    }

    /// <summary>The generated types of the contract's definitions (not their inline types), by the definition's pointer.</summary>
    internal Dictionary<string, TypeSpec> Definitions
    {
        get
        {
            if (_definitions is null)
            {
                var definitions = new Dictionary<string, TypeSpec>(StringComparer.Ordinal);
                foreach (var type in Contract.Types)
                {
                    if (type.Group is null || type.Group == type.Name)
                    {
                        definitions[type.SchemaPointer] = type;
                    }
                }

                _definitions = definitions;
            }

            return _definitions;
        }
    }

    internal TypeSpec? TypeOf(TypeRef type) => type.Name is { } name && Types.TryGetValue(name, out var spec) ? spec : null;

    /// <summary>The schema at <paramref name="pointer"/> in the rules document, or null.</summary>
    internal CodegenSchema? Schema(string? pointer) =>
        pointer is not null && Rules.TryGet(pointer, out var schema) ? schema : null;

    /// <summary>
    /// The pointer of an operation in the contract: its path item's method, or its entry in <c>x-codegen</c>'s operations. For
    /// the latter the index is found in the document, which is read only when a change needs it: until <see cref="ResolvePointer"/>,
    /// the pointer is a placeholder holding the operation's name.
    /// </summary>
    internal string OperationPointer(OperationSpec operation) =>
        IsOpenApi
            ? JsonPointer.Append(JsonPointer.Append("/paths", operation.Path), operation.Method.ToLowerInvariant())
            : Placeholder + operation.Name + Placeholder;

    private const char Placeholder = '\u0001';

    /// <summary>The pointer with an operation placeholder replaced by the operation's real pointer.</summary>
    internal string ResolvePointer(string pointer)
    {
        if (pointer.Length == 0 || pointer[0] != Placeholder)
        {
            return pointer;
        }

        var end = pointer.IndexOf(Placeholder, 1);
        var name = pointer.Substring(1, end - 1);
        var rest = pointer.Substring(end + 1);
        if (Document?.Find("/x-codegen/operations") is { Kind: CodegenJsonKind.Array } operations)
        {
            for (var i = 0; i < operations.Items.Count; i++)
            {
                if (operations.Items[i].GetPropertyOrNull("name") is { Kind: CodegenJsonKind.String } candidate && candidate.StringValue == name)
                {
                    return JsonPointer.Append("/x-codegen/operations", i) + rest;
                }
            }
        }

        return "/x-codegen/operations";
    }

    internal string ServersPointer => IsOpenApi ? "/servers" : "/x-codegen/servers";

    internal string SecurityPointer(string scheme) => IsOpenApi ? JsonPointer.Append("/components/securitySchemes", scheme) : "/x-codegen/auth";

    /// <summary>The span of <paramref name="pointer"/> (or its nearest existing ancestor) in this file.</summary>
    internal SourceSpan SpanOf(string pointer)
    {
        // A JSON file not read yet is scanned for the few places a comparison reports, not read again whole.
        if (_document is null && !_documentFailed && ContractDocument.FormatOf(Path, _text) == ContractFormat.Json
            && JsonTextLocator.SpanOf(Path, _text, pointer) is { } span)
        {
            return span;
        }

        if (Document?.SpanOf(pointer) is not { } found)
        {
            return SourceSpan.At(Path, 0, 0);
        }

        // A document read under another name places the contract's own values there (an overlay's stay in the overlay).
        return _readAs is null ? found : found.Relocated(_readAs, Path);
    }

    private ContractDocument? Document
    {
        get
        {
            if (_document is null && !_documentFailed)
            {
                try
                {
                    _document = ContractDocument.Load(Path, _text);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _documentFailed = true;
                }
            }

            return _document;
        }
    }
}
