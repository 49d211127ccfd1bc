using System;
using System.Collections.Generic;
using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.Documents;
using Codegen.Contracts.Model;
using Codegen.Contracts.Naming;
using Codegen.Contracts.Reading;
using Codegen.Runtime;

namespace Codegen.Contracts.OpenApi;

/// <summary>
/// Reads the HTTP side of an OpenAPI 3.0 or 3.1 document: servers, security schemes and every operation
/// with its parameters, request body and responses. Schemas are left as JSON pointers for the schema
/// reader, so that component schemas mean exactly what they mean in a JSON Schema contract.
/// </summary>
internal sealed partial class OpenApiReader
{
    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    private readonly ContractDocument _document;
    private readonly DiagnosticBag _diagnostics;

    private OpenApiReader(ContractDocument document, DiagnosticBag diagnostics)
    {
        _document = document;
        _diagnostics = diagnostics;
    }

    public string? Title { get; private set; }

    public string? Description { get; private set; }

    public string? Version { get; private set; }

    public List<ServerSpec> Servers { get; } = new();

    public List<SecuritySchemeSpec> SecuritySchemes { get; } = new();

    /// <summary>The schemes that apply where an operation says nothing (any one of them).</summary>
    public List<string> DefaultSecurity { get; } = new();

    public List<OperationDraft> Operations { get; } = new();

    /// <summary>The OpenAPI version of a document (<c>3.0.3</c>, <c>3.1.0</c>), or null when the root has no <c>openapi</c> string.</summary>
    public static string? VersionOf(CodegenJson root) =>
        root.GetPropertyOrNull("openapi") is { Kind: CodegenJsonKind.String } version ? version.StringValue : null;

    public static OpenApiReader Read(ContractDocument document, DiagnosticBag diagnostics)
    {
        var reader = new OpenApiReader(document, diagnostics);
        reader.ReadDocument();
        return reader;
    }

    private void ReadDocument()
    {
        var root = _document.Root;
        if (root.GetPropertyOrNull("info") is { Kind: CodegenJsonKind.Object } info)
        {
            Title = String(info, "title");
            Description = String(info, "description");
            Version = String(info, "version");
        }

        ReadServers(root, "", Servers);
        ReadSecuritySchemes(root);
        if (root.GetPropertyOrNull("security") is { } security)
        {
            DefaultSecurity.AddRange(ReadSecurityRequirement(security, "/security") ?? new List<string>());
        }

        var paths = root.GetPropertyOrNull("paths");
        if (paths is null)
        {
            return;
        }

        if (paths.Kind != CodegenJsonKind.Object)
        {
            Report("/paths", "'paths' must be an object whose names are paths such as '/chat/completions'.");
            return;
        }

        foreach (var path in paths.Members)
        {
            var pathPointer = JsonPointer.Append("/paths", path.Key);
            if (!path.Key.StartsWith("/", StringComparison.Ordinal))
            {
                Report(pathPointer, $"The path '{JsonPointer.Excerpt(path.Key)}' must start with '/'.");
                continue;
            }

            var (item, itemPointer) = Resolve(path.Value, pathPointer, "#/components/pathItems/");
            if (item is not { Kind: CodegenJsonKind.Object })
            {
                Report(pathPointer, "A path item must be an object of operations (get, post, ...).");
                continue;
            }

            var pathParameters = ReadParameters(item, itemPointer);
            var pathServers = new List<ServerSpec>();
            ReadServers(item, itemPointer, pathServers);
            foreach (var method in Methods)
            {
                if (item.GetPropertyOrNull(method) is not { } operation)
                {
                    continue;
                }

                var operationPointer = JsonPointer.Append(itemPointer, method);
                if (operation.Kind != CodegenJsonKind.Object)
                {
                    Report(operationPointer, $"'{method}' must be an operation object.");
                    continue;
                }

                Operations.Add(ReadOperation(path.Key, method, operation, operationPointer, pathParameters, pathServers));
            }
        }
    }

    private OperationDraft ReadOperation(string path, string method, CodegenJson operation, string pointer, List<ParameterDraft> pathParameters, List<ServerSpec> pathServers)
    {
        var operationId = String(operation, "operationId");
        var draft = new OperationDraft
        {
            Name = OperationNames.From(operationId, method, path),
            OperationId = operationId,
            Method = method.ToUpperInvariant(),
            Path = path,
            Summary = String(operation, "summary"),
            Description = String(operation, "description"),
            IsDeprecated = operation.GetPropertyOrNull("deprecated") is { Kind: CodegenJsonKind.True },
            Pointer = pointer,
        };

        if (operation.GetPropertyOrNull("tags") is { Kind: CodegenJsonKind.Array } tags)
        {
            foreach (var tag in tags.Items)
            {
                if (tag.Kind == CodegenJsonKind.String)
                {
                    draft.Tags.Add(tag.StringValue);
                }
            }
        }

        // Operation parameters override path-item parameters of the same name and location.
        var own = ReadParameters(operation, pointer);
        foreach (var inherited in pathParameters)
        {
            if (!own.Exists(p => p.Name == inherited.Name && p.Location == inherited.Location))
            {
                draft.Parameters.Add(inherited);
            }
        }

        draft.Parameters.AddRange(own);
        foreach (var segment in PathParameterNames(path))
        {
            if (!draft.Parameters.Exists(p => p.Location == ParameterLocation.Path && p.Name == segment))
            {
                Report(pointer, $"The path '{JsonPointer.Excerpt(path)}' has '{{{segment}}}', which no path parameter of this operation describes; it is sent as a string.");
                draft.Parameters.Add(new ParameterDraft(segment, ParameterLocation.Path, true, null, ParameterStyle.Simple, false, null, false, pointer));
            }
        }

        if (operation.GetPropertyOrNull("requestBody") is { } body)
        {
            draft.Body = ReadRequestBody(body, JsonPointer.Append(pointer, "requestBody"));
        }

        if (operation.GetPropertyOrNull("responses") is { Kind: CodegenJsonKind.Object } responses)
        {
            foreach (var response in responses.Members)
            {
                ReadResponse(draft, response.Key, response.Value, JsonPointer.Append(JsonPointer.Append(pointer, "responses"), response.Key));
            }
        }

        if (operation.GetPropertyOrNull("security") is { } security)
        {
            draft.Security = ReadSecurityRequirement(security, JsonPointer.Append(pointer, "security"));
        }

        ReadServers(operation, pointer, draft.Servers);
        if (draft.Servers.Count == 0)
        {
            draft.Servers.AddRange(pathServers);
        }

        return draft;
    }

    private List<ParameterDraft> ReadParameters(CodegenJson owner, string ownerPointer)
    {
        var result = new List<ParameterDraft>();
        if (owner.GetPropertyOrNull("parameters") is not { } parameters)
        {
            return result;
        }

        var listPointer = JsonPointer.Append(ownerPointer, "parameters");
        if (parameters.Kind != CodegenJsonKind.Array)
        {
            Report(listPointer, "'parameters' must be an array.");
            return result;
        }

        for (var i = 0; i < parameters.Items.Count; i++)
        {
            var (parameter, pointer) = Resolve(parameters.Items[i], JsonPointer.Append(listPointer, i), "#/components/parameters/");
            if (parameter is not { Kind: CodegenJsonKind.Object } || String(parameter, "name") is not string name || String(parameter, "in") is not string location)
            {
                Report(JsonPointer.Append(listPointer, i), "A parameter needs 'name' and 'in' (path, query, header or cookie).");
                continue;
            }

            var where = location switch
            {
                "path" => ParameterLocation.Path,
                "query" => ParameterLocation.Query,
                "header" => ParameterLocation.Header,
                "cookie" => ParameterLocation.Cookie,
                _ => (ParameterLocation?)null,
            };
            if (where is null)
            {
                Report(JsonPointer.Append(pointer, "in"), $"'in' is '{JsonPointer.Excerpt(location)}'; a parameter is in path, query, header or cookie.");
                continue;
            }

            var defaultStyle = where is ParameterLocation.Query or ParameterLocation.Cookie ? ParameterStyle.Form : ParameterStyle.Simple;
            var style = String(parameter, "style") is not { } named
                ? defaultStyle
                : StyleNamed(named) ?? Unknown(JsonPointer.Append(pointer, "style"), named, defaultStyle);
            var explode = Explode(parameter, style);

            string? schemaPointer = null;
            if (parameter.GetPropertyOrNull("schema") is not null)
            {
                schemaPointer = JsonPointer.Append(pointer, "schema");
            }
            else if (parameter.GetPropertyOrNull("content") is { Kind: CodegenJsonKind.Object } content && content.Members.Count == 1
                && content.Members[0].Value.GetPropertyOrNull("schema") is not null)
            {
                // A parameter with 'content' is one serialized value; its schema still gives its rules.
                schemaPointer = JsonPointer.Append(JsonPointer.Append(JsonPointer.Append(pointer, "content"), content.Members[0].Key), "schema");
            }

            result.Add(new ParameterDraft(
                name,
                where.Value,
                where == ParameterLocation.Path || parameter.GetPropertyOrNull("required") is { Kind: CodegenJsonKind.True },
                schemaPointer,
                style,
                explode,
                String(parameter, "description"),
                parameter.GetPropertyOrNull("deprecated") is { Kind: CodegenJsonKind.True },
                pointer));
        }

        return result;
    }

    /// <summary>The style OpenAPI names <paramref name="name"/> (parameters and encodings share the names); null for a name it does not define.</summary>
    private static ParameterStyle? StyleNamed(string name) => name switch
    {
        "simple" => ParameterStyle.Simple,
        "form" => ParameterStyle.Form,
        "label" => ParameterStyle.Label,
        "matrix" => ParameterStyle.Matrix,
        "spaceDelimited" => ParameterStyle.SpaceDelimited,
        "pipeDelimited" => ParameterStyle.PipeDelimited,
        "deepObject" => ParameterStyle.DeepObject,
        _ => null,
    };

    /// <summary>The <c>explode</c> of a parameter or an encoding, or its default: true for style form only.</summary>
    private static bool Explode(CodegenJson owner, ParameterStyle style) =>
        owner.GetPropertyOrNull("explode") is { IsBoolean: true } value ? value.Kind == CodegenJsonKind.True : style == ParameterStyle.Form;

    private ParameterStyle Unknown(string pointer, string style, ParameterStyle fallback)
    {
        Report(pointer, $"'{JsonPointer.Excerpt(style)}' is not a parameter style; it is written as '{fallback.ToString().ToLowerInvariant()}'.");
        return fallback;
    }

    private BodyDraft? ReadRequestBody(CodegenJson body, string bodyPointer)
    {
        var (resolved, pointer) = Resolve(body, bodyPointer, "#/components/requestBodies/");
        if (resolved is not { Kind: CodegenJsonKind.Object } || resolved.GetPropertyOrNull("content") is not { Kind: CodegenJsonKind.Object } content || content.Members.Count == 0)
        {
            Report(bodyPointer, "A request body needs 'content' with at least one media type.");
            return null;
        }

        var (mediaType, kind) = Choose(content);
        var mediaPointer = JsonPointer.Append(JsonPointer.Append(pointer, "content"), mediaType);
        var media = content.GetPropertyOrNull(mediaType)!;
        var schemaPointer = media.GetPropertyOrNull("schema") is null ? null : JsonPointer.Append(mediaPointer, "schema");
        return new BodyDraft(mediaType, kind, schemaPointer, resolved.GetPropertyOrNull("required") is { Kind: CodegenJsonKind.True }, String(resolved, "description"), mediaPointer)
        {
            Encodings = ReadEncodings(media, mediaPointer, kind),
        };
    }

    private void ReadResponse(OperationDraft draft, string status, CodegenJson response, string responsePointer)
    {
        if (!IsStatus(status))
        {
            Report(responsePointer, $"'{JsonPointer.Excerpt(status)}' is not a response status; use a code such as 200, a range such as 4XX, or 'default'.");
            return;
        }

        var (resolved, pointer) = Resolve(response, responsePointer, "#/components/responses/");
        if (resolved is not { Kind: CodegenJsonKind.Object })
        {
            Report(responsePointer, "A response must be an object.");
            return;
        }

        var description = String(resolved, "description");
        if (resolved.GetPropertyOrNull("content") is not { Kind: CodegenJsonKind.Object } content || content.Members.Count == 0)
        {
            draft.Responses.Add(new ResponseDraft(status, description, null, BodyKind.None, null, pointer));
            return;
        }

        // Every representation is kept: a 200 that offers JSON and an event stream gives both methods.
        foreach (var media in content.Members)
        {
            var kind = KindOf(media.Key);
            var mediaPointer = JsonPointer.Append(JsonPointer.Append(pointer, "content"), media.Key);
            var schemaPointer = media.Value.GetPropertyOrNull("schema") is null ? null : JsonPointer.Append(mediaPointer, "schema");
            draft.Responses.Add(new ResponseDraft(status, description, media.Key, kind, schemaPointer, mediaPointer)
            {
                Examples = ReadExamples(media.Value, mediaPointer),
            });
        }
    }

    /// <summary>The media type a client sends when several are offered: the first the document lists, as the vendor prefers it.</summary>
    private static (string MediaType, BodyKind Kind) Choose(CodegenJson content) => (content.Members[0].Key, KindOf(content.Members[0].Key));

    public static BodyKind KindOf(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        if (type == "application/json" || type.EndsWith("+json", StringComparison.Ordinal))
        {
            return BodyKind.Json;
        }

        return type switch
        {
            "multipart/form-data" or "multipart/mixed" => BodyKind.Multipart,
            "application/x-www-form-urlencoded" => BodyKind.FormUrlEncoded,
            "text/event-stream" => BodyKind.EventStream,
            "application/octet-stream" or "application/zip" or "application/pdf" => BodyKind.Binary,
            _ when type.StartsWith("text/", StringComparison.Ordinal) || type is "application/sdp" or "application/xml" or "application/x-ndjson" => BodyKind.Text,
            _ when type.StartsWith("audio/", StringComparison.Ordinal) || type.StartsWith("image/", StringComparison.Ordinal) || type.StartsWith("video/", StringComparison.Ordinal) => BodyKind.Binary,
            _ => BodyKind.Binary,
        };
    }

    private static bool IsStatus(string status) =>
        status == "default"
        || (status.Length == 3 && status[0] is >= '1' and <= '5' && (status.Substring(1) == "XX" || status.Substring(1) == "xx" || (char.IsDigit(status[1]) && char.IsDigit(status[2]))));

    private static IEnumerable<string> PathParameterNames(string path)
    {
        var i = 0;
        while ((i = path.IndexOf('{', i)) >= 0)
        {
            var end = path.IndexOf('}', i);
            if (end < 0)
            {
                yield break;
            }

            yield return path.Substring(i + 1, end - i - 1);
            i = end + 1;
        }
    }

    /// <summary>Follows a <c>$ref</c> to a reusable component (<paramref name="expectedPrefix"/>), reporting one that does not resolve.</summary>
    private (CodegenJson? Value, string Pointer) Resolve(CodegenJson value, string pointer, string expectedPrefix)
    {
        for (var hops = 0; hops < 16 && value.Kind == CodegenJsonKind.Object && value.GetPropertyOrNull("$ref") is { } reference; hops++)
        {
            var refPointer = JsonPointer.Append(pointer, "$ref");
            if (reference.Kind != CodegenJsonKind.String || JsonPointer.FromFragment(reference.StringValue) is not string target)
            {
                _diagnostics.Add(ContractDiagnosticIds.UnresolvedReference, _document.SpanOf(refPointer),
                    "'$ref' must point inside this document, such as '" + expectedPrefix + "Name'; the generator reads one file and never loads another.");
                return (null, pointer);
            }

            if (_document.Find(target) is not { } found)
            {
                _diagnostics.Add(ContractDiagnosticIds.UnresolvedReference, _document.SpanOf(refPointer),
                    $"'$ref' '{JsonPointer.Excerpt(reference.StringValue)}' does not resolve to anything in the document.");
                return (null, pointer);
            }

            value = found;
            pointer = target;
        }

        return (value, pointer);
    }

    private void Report(string pointer, string message) =>
        _diagnostics.Add(ContractDiagnosticIds.InvalidOpenApi, _document.SpanOf(pointer), message);

    private static string? String(CodegenJson? owner, string name) =>
        owner?.GetPropertyOrNull(name) is { Kind: CodegenJsonKind.String } value ? value.StringValue : null;
}
