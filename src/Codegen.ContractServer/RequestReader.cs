using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Codegen.Contracts.Model;
using Codegen.Runtime;

namespace Codegen.ContractServer;

/// <summary>
/// Reads an OpenAPI operation's request: every path, query, header and cookie parameter, and the body as the
/// operation documents it (JSON; multipart and form fields, typed as the body's schema says, form fields in the
/// style their encoding gives, files as their names; bytes and text accepted as they come). Every rule the request breaks is collected, so that one 400
/// names them all.
/// </summary>
internal static class RequestReader
{
    public const int MaxJsonBytes = 4 * 1024 * 1024;

    public static async Task<ServedRequest> ReadAsync(HttpContext http, CodegenSchemaDocument rules, OperationSpec operation, IReadOnlyDictionary<string, string> pathValues)
    {
        var request = http.Request;
        var violations = new List<CodegenRuleViolation>();
        foreach (var parameter in operation.Parameters)
        {
            var schema = parameter.SchemaPointer is { } pointer && rules.TryGet(pointer, out var found) ? found : null;
            var path = parameter.Location.ToString().ToLowerInvariant() + "." + parameter.Name;
            var value = ParameterValues.Read(request, parameter, schema, pathValues);
            if (value is null)
            {
                if (parameter.IsRequired)
                {
                    violations.Add(new CodegenRuleViolation(path, "required", "is required", null, parameter.SchemaPointer ?? string.Empty));
                }

                continue;
            }

            if (schema is not null)
            {
                CodegenSchemaEvaluator.Validate(schema, value, path, violations);
            }
        }

        var bodySchema = operation.Body?.SchemaPointer is { } bodyPointer && rules.TryGet(bodyPointer, out var body) ? body : null;
        var identity = request.Method + " " + request.Path + request.QueryString;
        switch (operation.Body?.Kind)
        {
            case BodyKind.Json:
                {
                    var text = await ReadTextAsync(request, http.RequestAborted);
                    if (text is null)
                    {
                        return ServedRequest.Refused(413, "The request body is too large.");
                    }

                    if (text.Length == 0)
                    {
                        Require(operation, violations);
                        return new ServedRequest(null, identity, violations);
                    }

                    CodegenJson json;
                    try
                    {
                        json = CodegenJson.Parse(text);
                    }
                    catch (CodegenJsonException ex)
                    {
                        return ServedRequest.Refused(400, "The request body is not valid JSON: " + ex.Message);
                    }

                    if (bodySchema is not null)
                    {
                        CodegenSchemaEvaluator.Validate(bodySchema, json, "$", violations);
                    }

                    return new ServedRequest(Node(text), identity + "\n" + text, violations);
                }

            case BodyKind.Multipart or BodyKind.FormUrlEncoded:
                {
                    if (!request.HasFormContentType)
                    {
                        if ((request.ContentLength ?? 0) == 0 && !operation.Body.IsRequired)
                        {
                            return new ServedRequest(null, identity, violations);
                        }

                        return ServedRequest.Refused(400, $"The request body must be {operation.Body.MediaType}; it was {request.ContentType ?? "not given"}.");
                    }

                    var form = await request.ReadFormAsync(http.RequestAborted);
                    var styled = operation.Body.Kind == BodyKind.FormUrlEncoded ? operation.Body.Encodings : default;
                    var fields = Fields(form, ParameterValues.Shape.Of(bodySchema), styled);
                    if (bodySchema is not null)
                    {
                        CodegenSchemaEvaluator.Validate(bodySchema, fields, "$", violations);
                    }

                    var text = fields.ToString();
                    return new ServedRequest(Node(text), identity + "\n" + text, violations);
                }

            case BodyKind.Binary or BodyKind.Text:
                {
                    using var buffer = new MemoryStream();
                    await request.Body.CopyToAsync(buffer, http.RequestAborted);
                    if (buffer.Length == 0)
                    {
                        Require(operation, violations);
                    }

                    return new ServedRequest(null, identity + "\n" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(buffer.ToArray())), violations);
                }

            default:
                return new ServedRequest(null, identity, violations);
        }
    }

    /// <summary>
    /// Form fields as one JSON object: each typed as the body's schema says, repeated fields as arrays, files as their
    /// file names; a field the form body's encoding gives a style (<paramref name="styled"/>: <c>tags=a|b</c>,
    /// <c>filter[kind]=box</c>) read in it, as a query parameter of that style is.
    /// </summary>
    private static CodegenJson Fields(IFormCollection form, ParameterValues.Shape shape, EquatableArray<PartEncodingSpec> styled)
    {
        var members = new List<KeyValuePair<string, CodegenJson>>();
        if (!styled.IsEmpty)
        {
            var query = new QueryCollection(form.Keys.ToDictionary(k => k, k => form[k], StringComparer.Ordinal));
            foreach (var encoding in styled)
            {
                var field = new ParameterSpec
                {
                    Name = encoding.PropertyName,
                    ParameterName = encoding.PropertyName,
                    Location = ParameterLocation.Query,
                    Type = TypeRef.String,
                    Style = encoding.Style,
                    Explode = encoding.Explode,
                };
                if (ParameterValues.FromQuery(query, field, shape.Property(encoding.PropertyName)) is { } value)
                {
                    members.Add(new(encoding.PropertyName, value));
                }
            }
        }

        var names = form.Keys.Select(k => k.EndsWith("[]", StringComparison.Ordinal) ? k[..^2] : k)
            .Concat(form.Files.Select(f => f.Name.EndsWith("[]", StringComparison.Ordinal) ? f.Name[..^2] : f.Name))
            .Where(n => !styled.Any(e => n == e.PropertyName || (e.Style == ParameterStyle.DeepObject && n.StartsWith(e.PropertyName + "[", StringComparison.Ordinal))))
            .Distinct(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var property = shape.Property(name);
            var values = form[name].Concat(form[name + "[]"]).Select(v => v ?? string.Empty)
                .Concat(form.Files.Where(f => f.Name == name || f.Name == name + "[]").Select(f => f.FileName))
                .ToList();
            members.Add(new(name, property.IsArray
                ? CodegenJson.CreateArray(values.Select(v => ParameterValues.Scalar(v, property.Item)))
                : ParameterValues.Scalar(values.FirstOrDefault() ?? string.Empty, property)));
        }

        return CodegenJson.CreateObject(members);
    }

    private static void Require(OperationSpec operation, List<CodegenRuleViolation> violations)
    {
        if (operation.Body is { IsRequired: true } body)
        {
            violations.Add(new CodegenRuleViolation("$", "required", "is required: the operation needs a " + body.MediaType + " body", null, body.SchemaPointer ?? string.Empty));
        }
    }

    private static async Task<string?> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.Length > MaxJsonBytes ? null : Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static JsonObject? Node(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// A request as read: its JSON body or form fields (when an object; what a completion answer reads its prompt from),
/// what identifies it (method, path, query and body: the seed of a synthesised answer), and the rules it breaks.
/// </summary>
internal sealed record ServedRequest(JsonObject? Body, string Identity, IReadOnlyList<CodegenRuleViolation> Violations)
{
    /// <summary>A status and message when the request cannot be read at all (not JSON, too large).</summary>
    public (int Status, string Message)? Refusal { get; init; }

    public static ServedRequest Refused(int status, string message) => new(null, string.Empty, []) { Refusal = (status, message) };
}
