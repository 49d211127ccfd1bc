using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.Documents;
using Codegen.Contracts.Model;
using Codegen.Contracts.Naming;
using Codegen.Contracts.OpenApi;
using Codegen.Runtime;

namespace Codegen.Contracts.Reading;

/// <summary>
/// Reads a contract into a <see cref="ContractSpec"/>: a JSON Schema with an <c>x-codegen</c> extension, or an
/// OpenAPI 3.0/3.1 document (JSON or YAML), optionally changed by an overlay and narrowed to some operations.
/// Schemas mean what JSON Schema (or OpenAPI) says, read once by the rules engine; the model holds values only.
/// Never throws for a bad contract: every problem becomes a <see cref="ContractDiagnostic"/> at its line.
/// </summary>
public static partial class ContractParser
{
    public static ContractParseResult Parse(string path, string text, CancellationToken cancellationToken = default) =>
        Parse(new ContractInput(path, text), cancellationToken);

    public static ContractParseResult Parse(ContractInput input, CancellationToken cancellationToken = default)
    {
        // A selection reads only the component schemas its operations reach (OpenAI's document: a tenth of the work for
        // chat completions); where that cannot be done exactly, the reading starts again with the whole document.
        var skipSchemas = !input.Selection.IsEverything && input.OverlayPath is null;
        var result = Parse(input, skipSchemas, out _, cancellationToken, out var wholeNeeded);
        return wholeNeeded ? Parse(input, skipSchemas: false, out _, cancellationToken, out _) : result;
    }

    /// <summary>
    /// Also gives the document read (overlay applied), for positions found later (a comparison's); null when the text was
    /// unreadable. The document is read whole, selection or not, so that any position in it can be found.
    /// </summary>
    internal static ContractParseResult Parse(ContractInput input, out ContractDocument? document, CancellationToken cancellationToken = default) =>
        Parse(input, skipSchemas: false, out document, cancellationToken, out _);

    /// <summary>The same reading with every component schema read, selection or not (what <see cref="Parse(ContractInput, CancellationToken)"/> must equal).</summary>
    internal static ContractParseResult ParseWhole(ContractInput input) => Parse(input, out _);

    private static ContractParseResult Parse(ContractInput input, bool skipSchemas, out ContractDocument? document, CancellationToken cancellationToken, out bool wholeNeeded)
    {
        var diagnostics = new DiagnosticBag();
        document = null;
        wholeNeeded = false;
        try
        {
            var reader = new Reader(input, diagnostics, skipSchemas, cancellationToken);
            var contract = reader.Read();
            document = reader.Document;
            wholeNeeded = reader.WholeNeeded;
            return new ContractParseResult(diagnostics.HasErrors ? null : contract, diagnostics.ToEquatableArray());
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            diagnostics.Add(ContractDiagnosticIds.InternalError, SourceSpan.At(input.Path, 0, 0),
                $"The generator could not read this contract ({ex.GetType().Name}: {JsonPointer.Excerpt(ex.Message, 200)}). Please report it with the contract attached.");
            return new ContractParseResult(null, diagnostics.ToEquatableArray());
        }
    }

    private sealed partial class Reader
    {
        private readonly ContractInput _input;
        private readonly DiagnosticBag _diagnostics;
        private readonly CancellationToken _cancellationToken;
        private readonly bool _skipSchemas;
        private ContractDocument _document = null!;
        private CodegenSchemaDocument _schemas = null!;
        private TypeMapper _types = null!;
        private GeneratedNames _names = null!;

        public Reader(ContractInput input, DiagnosticBag diagnostics, bool skipSchemas, CancellationToken cancellationToken)
        {
            _input = input;
            _diagnostics = diagnostics;
            _skipSchemas = skipSchemas;
            _cancellationToken = cancellationToken;
        }

        /// <summary>Reading the selected schemas alone could differ from reading the whole document: read it whole.</summary>
        public bool WholeNeeded { get; private set; }

        /// <summary>The document as read, overlay applied; null until <see cref="Read"/> has loaded it.</summary>
        public ContractDocument? Document => _document;

        public ContractSpec? Read()
        {
            try
            {
                _document = _skipSchemas ? ContractDocument.LoadSkippingSchemas(_input.Path, _input.Text) : ContractDocument.Load(_input.Path, _input.Text);
            }
            catch (ContractDocumentException ex)
            {
                _diagnostics.Add(ContractDiagnosticIds.InvalidJson, SourceSpan.At(_input.Path, ex.Line, ex.Column), ex.Message);
                return null;
            }

            if (_document.Root.Kind != CodegenJsonKind.Object)
            {
                _diagnostics.Add(ContractDiagnosticIds.UnreadableSchema, _document.SpanOf(_document.Root), "A contract must be an object: a JSON Schema, or an OpenAPI document.");
                return null;
            }

            ApplyOverlay();
            _cancellationToken.ThrowIfCancellationRequested();
            var root = _document.Root;
            var openApiVersion = OpenApiReader.VersionOf(root);
            if (openApiVersion is null && root.GetPropertyOrNull("swagger") is not null)
            {
                _diagnostics.Add(ContractDiagnosticIds.InvalidOpenApi, _document.SpanOf("/swagger"),
                    "Swagger 2.0 documents are not read; convert the document to OpenAPI 3 (for example with swagger2openapi) and add that.");
                return null;
            }

            ContractKind kind;
            CodegenSchemaDialect dialect;
            if (openApiVersion is null)
            {
                kind = ContractKind.JsonSchema;
                dialect = CodegenSchemaDialects.Detect(root, CodegenSchemaDialect.Draft07);
            }
            else if (openApiVersion.StartsWith("3.0", StringComparison.Ordinal))
            {
                (kind, dialect) = (ContractKind.OpenApi30, CodegenSchemaDialect.OpenApi30);
            }
            else if (openApiVersion.StartsWith("3.1", StringComparison.Ordinal))
            {
                (kind, dialect) = (ContractKind.OpenApi31, CodegenSchemaDialect.OpenApi31);
            }
            else
            {
                _diagnostics.Add(ContractDiagnosticIds.InvalidOpenApi, _document.SpanOf("/openapi"),
                    $"OpenAPI {JsonPointer.Excerpt(openApiVersion)} is not read; the generator reads OpenAPI 3.0.x and 3.1.x documents.");
                return null;
            }

            var isOpenApi = kind != ContractKind.JsonSchema;
            if (_document.IsPartial && !isOpenApi)
            {
                WholeNeeded = true;
                return null;
            }

            var unresolved = _diagnostics.CountOf(ContractDiagnosticIds.UnresolvedReference);
            var extension = VendorExtension.Read(_document, _diagnostics, isOpenApi);
            OpenApiReader? openApi = isOpenApi ? OpenApiReader.Read(_document, _diagnostics) : null;
            var (ns, prefix) = Naming(extension, openApi);
            var names = _names = new GeneratedNames(prefix);
            var drafts = isOpenApi ? openApi!.Operations : extension.Operations;
            var selected = Select(drafts);
            if (_document.IsPartial)
            {
                // An operation's reference into a schema not read yet, or one the schemas' references cannot reach by pointer.
                if (_diagnostics.CountOf(ContractDiagnosticIds.UnresolvedReference) != unresolved || _document.WithSchemasFor(OperationDraft.SchemaPointers(selected)) is not { } completed)
                {
                    WholeNeeded = true;
                    return null;
                }

                _document = completed;
                root = completed.Root;
            }

            _schemas = new CodegenSchemaDocument(root, dialect);
            _types = new TypeMapper(_schemas, _document, _diagnostics, names, inferObjects: isOpenApi, _cancellationToken);

            var definitions = Definitions(isOpenApi, selected);
            _types.Declare(definitions);
            _types.ResolveDeclared();
            var operations = Operations(selected);
            var types = isOpenApi ? MarkSent(_types.Types, operations) : _types.Types;

            var rulePointers = RulePointers(types, operations);
            ReportProblems(rulePointers);
            CheckBounds(rulePointers);

            return new ContractSpec
            {
                FileName = Path.GetFileName(_input.Path),
                FilePath = _input.Path,
                Kind = kind,
                Namespace = ns,
                Prefix = prefix,
                Title = isOpenApi ? openApi!.Title : String(root, "title"),
                Description = isOpenApi ? openApi!.Description : String(root, "description"),
                Version = openApi?.Version,
                Rules = RulesDocuments.Spec(dialect.ToString(), RulesDocumentBuilder.Build(root, rulePointers)),
                Servers = (isOpenApi ? openApi!.Servers : extension.Servers).ToEquatableArray(),
                SecuritySchemes = Security(isOpenApi, extension, openApi, prefix).ToEquatableArray(),
                DefaultSecurity = (isOpenApi ? openApi!.DefaultSecurity : extension.Auth is { } auth ? new List<string> { auth.Name } : new List<string>()).ToEquatableArray(),
                Operations = operations.ToEquatableArray(),
                Types = types.ToEquatableArray(),
            };
        }

        private void ApplyOverlay()
        {
            if (_input.OverlayPath is not { } overlayPath)
            {
                return;
            }

            if (_input.OverlayText is not { } overlayText)
            {
                _diagnostics.Add(ContractDiagnosticIds.InvalidOverlay, SourceSpan.At(_input.Path, 0, 0),
                    $"The overlay '{JsonPointer.Excerpt(overlayPath)}' named for this contract was not found; the contract is read without it. Check the path (it is relative to the project).");
                return;
            }

            ContractDocument overlay;
            try
            {
                overlay = ContractDocument.Load(overlayPath, overlayText);
            }
            catch (ContractDocumentException ex)
            {
                _diagnostics.Add(ContractDiagnosticIds.InvalidOverlay, SourceSpan.At(overlayPath, ex.Line, ex.Column), ex.Message.Replace("The contract", "The overlay"));
                return;
            }

            _document = OverlayApplier.Apply(_document, overlay, _diagnostics);
        }

        /// <summary>Item metadata first, then <c>x-codegen</c>, then the document's title (or file name), saying which when it had to guess.</summary>
        private (string Namespace, string Prefix) Naming(VendorExtension extension, OpenApiReader? openApi)
        {
            var fileStem = Identifiers.ToPascalCase(StripSuffixes(Path.GetFileName(_input.Path)), "Contract");
            var titleStem = openApi?.Title is { Length: > 0 } title ? Identifiers.ToPascalCase(title, fileStem) : fileStem;
            var ns = Valid(_input.Namespace, Identifiers.IsValidNamespace, "Namespace") ?? extension.Namespace;
            var prefix = Valid(_input.Prefix, Identifiers.IsValidIdentifier, "Prefix") ?? extension.Prefix;
            if (ns is not null && prefix is not null)
            {
                return (ns, prefix);
            }

            if (openApi is null)
            {
                if (!extension.IsPresent)
                {
                    _diagnostics.Add(ContractDiagnosticIds.MissingVendorExtension, _document.SpanOf(_document.Root),
                        $"The contract has no '{VendorExtension.Key}' object; the namespace and prefix '{fileStem}' are derived from the file name and no client operations are generated. Add \"{VendorExtension.Key}\": {{ \"namespace\": \"...\", \"prefix\": \"...\" }} at the top level.");
                }

                return (ns ?? fileStem, prefix ?? fileStem);
            }

            var source = openApi.Title is { Length: > 0 } ? "the document's info.title" : "the file name";
            _diagnostics.Add(ContractDiagnosticIds.NamingSource, _document.SpanOf(openApi.Title is { Length: > 0 } ? "/info/title" : string.Empty),
                $"The namespace '{ns ?? titleStem}' and prefix '{prefix ?? titleStem}' come from {source}. Set them on the item to choose your own: <CodegenContract Include=\"...\" Namespace=\"...\" Prefix=\"...\" />.");
            return (ns ?? titleStem, prefix ?? titleStem);
        }

        private string? Valid(string? value, Func<string, bool> isValid, string metadata)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (isValid(value!.Trim()))
            {
                return value.Trim();
            }

            _diagnostics.Add(ContractDiagnosticIds.InvalidVendorExtension, SourceSpan.At(_input.Path, 0, 0),
                $"The item's {metadata}=\"{JsonPointer.Excerpt(value)}\" is not a valid C# {(metadata == "Namespace" ? "namespace" : "identifier")}; it is ignored.");
            return null;
        }

        private List<OperationDraft> Select(List<OperationDraft> drafts)
        {
            var selection = _input.Selection;
            if (selection.IsEverything)
            {
                return drafts;
            }

            foreach (var unmatched in selection.Unmatched(drafts))
            {
                _diagnostics.Add(ContractDiagnosticIds.SelectionMatchesNothing, SourceSpan.At(_input.Path, 0, 0),
                    $"The selection names {JsonPointer.Excerpt(unmatched)}, which matches no operation of this contract; check the spelling.");
            }

            return drafts.FindAll(selection.Selects);
        }

        /// <summary>
        /// The reusable schemas to generate, by name: every definition of a JSON Schema contract, and its root when the root is
        /// a schema of its own (<see cref="RulesDocumentBuilder.DeclaresValue"/>); the component
        /// schemas of an OpenAPI document, or only those the selected operations reach when a selection is given.
        /// </summary>
        private List<KeyValuePair<string, string>> Definitions(bool isOpenApi, List<OperationDraft> operations)
        {
            var result = new List<KeyValuePair<string, string>>();
            var containers = isOpenApi ? new[] { "/components/schemas" } : new[] { "/definitions", "/$defs" };
            foreach (var container in containers)
            {
                if (_document.Find(container) is { Kind: CodegenJsonKind.Object } map)
                {
                    foreach (var member in map.Members)
                    {
                        result.Add(new KeyValuePair<string, string>(member.Key, JsonPointer.Append(container, member.Key)));
                    }
                }
            }

            if (!isOpenApi && RulesDocumentBuilder.DeclaresValue(_document.Root))
            {
                // A root that is a schema of its own is a type too, named by its title, else as the prefix is. Declared after
                // the definitions, so that a title equal to a definition's name never renames the definition.
                result.Add(new KeyValuePair<string, string>(String(_document.Root, "title") ?? _names!.Prefix, string.Empty));
            }

            if (!isOpenApi || _input.Selection.IsEverything)
            {
                return result;
            }

            var reachable = new HashSet<string>(StringComparer.Ordinal);
            foreach (var schema in SchemaWalk.Reachable(_schemas, OperationDraft.SchemaPointers(operations)))
            {
                reachable.Add(schema.Pointer);
            }

            return result.FindAll(d => reachable.Contains(d.Value));
        }

        /// <summary>
        /// The security schemes, each with the environment variable its secret is read from: the item's
        /// <c>ApiKeyEnvironmentVariable</c>, else the contract's own (<c>x-codegen.auth.env</c>), else, for an OpenAPI
        /// document, <c>{PREFIX}_API_KEY</c>.
        /// </summary>
        private List<SecuritySchemeSpec> Security(bool isOpenApi, VendorExtension extension, OpenApiReader? openApi, string prefix)
        {
            var chosen = ItemEnvironmentVariable();
            var schemes = new List<SecuritySchemeSpec>();
            if (!isOpenApi)
            {
                if (extension.Auth is { } auth)
                {
                    schemes.Add(auth with { EnvironmentVariable = chosen ?? auth.EnvironmentVariable });
                }
            }
            else
            {
                var fallback = EnvironmentName(prefix);
                foreach (var scheme in openApi!.SecuritySchemes)
                {
                    schemes.Add(scheme with { EnvironmentVariable = chosen ?? scheme.EnvironmentVariable ?? fallback });
                }
            }

            if (chosen is not null && schemes.Count == 0)
            {
                _diagnostics.Add(ContractDiagnosticIds.NoEffect, SourceSpan.At(_input.Path, 0, 0),
                    $"The item's ApiKeyEnvironmentVariable=\"{chosen}\" has no effect: the contract declares no security scheme, so the client sends no key.");
            }

            return schemes;
        }

        /// <summary>
        /// The item's <c>ApiKeyEnvironmentVariable</c> when it is a valid name. An invalid value is reported without being
        /// repeated: it may be the key itself, pasted where its variable's name belongs, and build logs are not secret.
        /// </summary>
        private string? ItemEnvironmentVariable()
        {
            if (_input.ApiKeyEnvironmentVariable is not { } value || string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (VendorExtension.IsEnvironmentVariableName(value.Trim()))
            {
                return value.Trim();
            }

            _diagnostics.Add(ContractDiagnosticIds.InvalidVendorExtension, SourceSpan.At(_input.Path, 0, 0),
                $"The item's ApiKeyEnvironmentVariable (a value of {value.Length} characters, not repeated here in case it is the key itself) is not an environment variable name; use letters, digits and underscores, not starting with a digit, such as OPENAI_API_KEY. It is ignored.");
            return null;
        }

        /// <summary><c>OpenAI</c> → <c>OPENAI_API_KEY</c>; <c>ModelsLabChat</c> → <c>MODELS_LAB_CHAT_API_KEY</c>.</summary>
        private static string EnvironmentName(string prefix)
        {
            var builder = new System.Text.StringBuilder();
            for (var i = 0; i < prefix.Length; i++)
            {
                var c = prefix[i];
                if (i > 0 && char.IsUpper(c) && !char.IsUpper(prefix[i - 1]))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToUpperInvariant(c));
            }

            return builder.Append("_API_KEY").ToString();
        }

        private static string StripSuffixes(string fileName)
        {
            foreach (var suffix in new[] { ".schema.json", ".openapi.json", ".openapi.yaml", ".openapi.yml", ".json", ".yaml", ".yml" })
            {
                if (fileName.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    return fileName.Substring(0, fileName.Length - suffix.Length);
                }
            }

            return fileName;
        }

        private static string? String(CodegenJson owner, string name) =>
            owner.GetPropertyOrNull(name) is { Kind: CodegenJsonKind.String } value ? value.StringValue : null;

        private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
