using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.Model;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Codegen.Contracts.Parsing;

/// <summary>
/// Reads a contract (a JSON Schema with an <c>x-codegen</c> extension) into a <see cref="ContractSpec"/>.
/// Never throws for a bad contract: every problem becomes a <see cref="ContractDiagnostic"/> at its line.
/// </summary>
public static class ContractParser
{
    public static ContractParseResult Parse(string path, string text, CancellationToken cancellationToken = default)
    {
        var diagnostics = new DiagnosticBag();
        try
        {
            var contract = ParseCore(path, text, diagnostics, cancellationToken);
            return new ContractParseResult(diagnostics.HasErrors ? null : contract, diagnostics.ToEquatableArray());
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            diagnostics.Add(ContractDiagnosticIds.InternalError, SourceSpan.At(path, 0, 0),
                $"The generator could not read this contract ({ex.GetType().Name}: {JsonDocumentMap.Excerpt(ex.Message, 200)}). Please report it with the contract attached.");
            return new ContractParseResult(null, diagnostics.ToEquatableArray());
        }
    }

    private static ContractSpec? ParseCore(string path, string text, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        JsonDocumentMap document;
        try
        {
            document = JsonDocumentMap.Load(path, text);
        }
        catch (JsonReaderException ex)
        {
            var line = Math.Max(0, ex.LineNumber - 1);
            // A reader error's LinePosition counts the characters read before the offending one: it is the zero-based column.
            var column = Math.Max(0, ex.LinePosition);
            diagnostics.Add(ContractDiagnosticIds.InvalidJson, SourceSpan.At(path, line, column),
                $"The contract is not valid JSON: {JsonDocumentMap.Excerpt(StripPosition(ex.Message), 200)}");
            return null;
        }

        if (document.Root is not JObject root)
        {
            diagnostics.Add(ContractDiagnosticIds.UnreadableSchema, document.SpanOf(document.Root), "A contract must be a JSON object (a JSON Schema document).");
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var extension = VendorExtension.Read(document, diagnostics);

        // NJsonSchema reads 'definitions' only, and would try to load a $ref it cannot resolve from
        // disk or network. Hand it a copy in which $defs is renamed and every bad $ref is reported and
        // cut out, so that it never touches anything outside this text.
        var sanitized = (JObject)root.DeepClone();
        NormalizeDefs(document, root, sanitized, diagnostics);
        CutUnresolvedReferences(document, sanitized, diagnostics);

        JsonSchema schema;
        try
        {
            schema = JsonSchema.FromJsonAsync(sanitized.ToString(Formatting.None), documentPath: null, referenceResolverFactory: s =>
                new JsonReferenceResolver(new JsonSchemaAppender(s, new DefaultTypeNameGenerator())), cancellationToken).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            diagnostics.Add(ContractDiagnosticIds.UnreadableSchema, document.SpanOf(root),
                $"The contract could not be read as a JSON Schema: {JsonDocumentMap.Excerpt(ex.Message, 200)}");
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var reader = new SchemaReader(document, diagnostics, extension.Prefix, cancellationToken);
        var types = reader.ReadDefinitions(schema);
        var operations = ResolveOperations(extension, reader, document, diagnostics);

        return new ContractSpec
        {
            FileName = System.IO.Path.GetFileName(path),
            FilePath = path,
            Namespace = extension.Namespace,
            Prefix = extension.Prefix,
            Title = schema.Title,
            Description = schema.Description,
            Servers = extension.Servers.ToEquatableArray(),
            Auth = extension.Auth,
            Operations = operations.ToEquatableArray(),
            Types = types.ToEquatableArray(),
        };
    }

    private static void NormalizeDefs(JsonDocumentMap document, JObject root, JObject sanitized, DiagnosticBag diagnostics)
    {
        if (root.Property("$defs", StringComparison.Ordinal) is not JProperty defs)
        {
            return;
        }

        if (root.Property("definitions", StringComparison.Ordinal) is not null)
        {
            diagnostics.Add(ContractDiagnosticIds.UnsupportedConstruct, document.SpanOf(defs),
                "The contract has both '$defs' and 'definitions'; only 'definitions' is read. Move the entries of '$defs' into 'definitions'.");
            return;
        }

        diagnostics.Add(ContractDiagnosticIds.DefsKeyword, document.SpanOf(defs),
            "'$defs' is read as 'definitions' (the generator reads draft-07 contracts). Rename it to 'definitions' and its references to '#/definitions/...'.");
        sanitized.Property("$defs", StringComparison.Ordinal)!.Replace(new JProperty("definitions", sanitized["$defs"]!));
        foreach (var reference in sanitized.Descendants().OfType<JProperty>().Where(p => p.Name == "$ref" && p.Value.Type == JTokenType.String).ToList())
        {
            var target = (string)reference.Value!;
            if (target.StartsWith("#/$defs/", StringComparison.Ordinal))
            {
                reference.Value = "#/definitions/" + target.Substring("#/$defs/".Length);
            }
        }
    }

    private static void CutUnresolvedReferences(JsonDocumentMap document, JObject sanitized, DiagnosticBag diagnostics)
    {
        foreach (var reference in sanitized.Descendants().OfType<JProperty>().Where(p => p.Name == "$ref").ToList())
        {
            // Positions come from the original document: the same property at the same pointer.
            var pointer = PointerOf(reference.Parent!);
            var span = document.SpanOf(JsonDocumentMap.Append(pointer, "$ref"));
            if (reference.Value.Type != JTokenType.String)
            {
                diagnostics.Add(ContractDiagnosticIds.UnresolvedReference, span, "'$ref' must be a string such as '#/definitions/Name'.");
                reference.Remove();
                continue;
            }

            var target = (string)reference.Value!;
            if (!target.StartsWith("#", StringComparison.Ordinal))
            {
                diagnostics.Add(ContractDiagnosticIds.UnresolvedReference, span,
                    $"'$ref' points outside the contract ('{JsonDocumentMap.Excerpt(target)}'); the generator reads one file and never loads another. Copy the definition into 'definitions' and refer to it as '#/definitions/Name'.");
                reference.Remove();
                continue;
            }

            var targetPointer = target.Substring(1);
            if (JsonDocumentMap.Find(sanitized, targetPointer) is null)
            {
                diagnostics.Add(ContractDiagnosticIds.UnresolvedReference, span,
                    $"'$ref' '{JsonDocumentMap.Excerpt(target)}' does not resolve to anything in the contract. Check the definition's name.");
                reference.Remove();
            }
        }
    }

    private static string PointerOf(JToken token)
    {
        var segments = new List<string>();
        for (var current = token; current.Parent is not null; current = current.Parent)
        {
            switch (current.Parent)
            {
                case JProperty property:
                    segments.Add(JsonDocumentMap.Escape(property.Name));
                    current = property;
                    break;
                case JArray array:
                    segments.Add(array.IndexOf(current).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }

            if (current.Parent is null)
            {
                break;
            }
        }

        segments.Reverse();
        return segments.Count == 0 ? string.Empty : "/" + string.Join("/", segments);
    }

    private static List<OperationSpec> ResolveOperations(VendorExtension extension, SchemaReader reader, JsonDocumentMap document, DiagnosticBag diagnostics)
    {
        var operations = new List<OperationSpec>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var draft in extension.Operations)
        {
            if (!names.Add(draft.Name))
            {
                diagnostics.Add(ContractDiagnosticIds.NameCollision, draft.Location, $"Two operations are named '{draft.Name}'; the second is skipped. Give each operation its own name.");
                continue;
            }

            var response = reader.FindObjectDefinition(draft.Response);
            ObjectTypeSpec? request = null;
            if (draft.Request is not null)
            {
                request = reader.FindObjectDefinition(draft.Request);
                if (request is null)
                {
                    diagnostics.Add(ContractDiagnosticIds.InvalidVendorExtension, draft.Location,
                        $"Operation '{draft.Name}': request '{JsonDocumentMap.Excerpt(draft.Request)}' must refer to an object definition ('#/definitions/Name').");
                    continue;
                }
            }

            if (response is null)
            {
                diagnostics.Add(ContractDiagnosticIds.InvalidVendorExtension, draft.Location,
                    $"Operation '{draft.Name}': response '{JsonDocumentMap.Excerpt(draft.Response)}' must refer to an object definition ('#/definitions/Name').");
                continue;
            }

            StreamSpec? stream = null;
            if (draft.Stream is { } streamDraft)
            {
                var chunk = reader.FindObjectDefinition(streamDraft.Chunk);
                var flag = request?.Properties.FirstOrDefault(p => p.JsonName == streamDraft.Flag);
                if (chunk is null || flag is null || flag.Type.Kind != TypeRefKind.Boolean)
                {
                    diagnostics.Add(ContractDiagnosticIds.InvalidVendorExtension, streamDraft.Location,
                        $"Operation '{draft.Name}': 'stream' needs 'flag' naming a boolean property of the request and 'chunk' referring to an object definition.");
                    continue;
                }

                stream = new StreamSpec
                {
                    FlagJsonName = flag.JsonName,
                    FlagPropertyName = flag.Name,
                    ChunkType = chunk.Name,
                    ChunkDefinition = DefinitionName(streamDraft.Chunk),
                    DoneSentinel = streamDraft.Done,
                };
            }

            operations.Add(new OperationSpec
            {
                Name = draft.Name,
                Method = draft.Method,
                Path = draft.Path,
                Description = draft.Description,
                RequestType = request?.Name,
                RequestDefinition = draft.Request is null ? null : DefinitionName(draft.Request),
                ResponseType = response.Name,
                ResponseDefinition = DefinitionName(draft.Response),
                Stream = stream,
            });
        }

        return operations;
    }

    private static string DefinitionName(string reference)
    {
        var segments = JsonDocumentMap.SplitPointer(reference.TrimStart('#'));
        return segments.Length == 0 ? reference : segments[segments.Length - 1];
    }

    private static string StripPosition(string message)
    {
        var index = message.IndexOf(" Path '", StringComparison.Ordinal);
        return index > 0 ? message.Substring(0, index) : message;
    }
}
