namespace Codegen.Runtime;

/// <summary>
/// What an error body says, read from the shapes servers use: OpenAI's <c>{"error": {"message", "type", "code", "param"}}</c>
/// (or <c>{"error": "text"}</c>), ModelsLab's <c>{"status": "error", "message": ...}</c>, RFC 9457 problem details
/// (<c>title</c>, <c>detail</c>, <c>type</c>, and <c>errors</c> as ASP.NET Core writes them), and FastAPI's
/// <c>{"detail": "text"}</c> or <c>{"detail": [{"loc": [...], "msg": "...", "type": "..."}]}</c>. Anything else
/// (not JSON, another shape) says nothing, and the caller keeps the raw body as an excerpt.
/// </summary>
internal sealed class CodegenErrorBody
{
    public static readonly CodegenErrorBody None = new CodegenErrorBody(null, null, null, null, global::System.Array.Empty<string>());

    private CodegenErrorBody(string? message, string? type, string? code, string? parameter, global::System.Collections.Generic.IReadOnlyList<string> details)
    {
        Message = message;
        Type = type;
        Code = code;
        Parameter = parameter;
        Details = details;
    }

    public string? Message { get; }

    public string? Type { get; }

    public string? Code { get; }

    public string? Parameter { get; }

    public global::System.Collections.Generic.IReadOnlyList<string> Details { get; }

    /// <summary>Whether the body reported an error at all (a 200 body that merely failed to parse does not).</summary>
    public bool IsError => Message is not null || Type is not null || Code is not null;

    public static CodegenErrorBody Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return None;
        }

        try
        {
            using var document = global::System.Text.Json.JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != global::System.Text.Json.JsonValueKind.Object)
            {
                return None;
            }

            if (root.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == global::System.Text.Json.JsonValueKind.String)
                {
                    return new CodegenErrorBody(error.GetString(), null, null, null, global::System.Array.Empty<string>());
                }

                if (error.ValueKind == global::System.Text.Json.JsonValueKind.Object)
                {
                    return new CodegenErrorBody(Text(error, "message"), Text(error, "type"), Text(error, "code"), Text(error, "param"), Strings(error, "details"));
                }
            }

            // ModelsLab: the message may be a string or an object of field errors; older answers spell it "messege".
            if (Text(root, "status") is "error" or "failed")
            {
                return new CodegenErrorBody(Text(root, "message") ?? Text(root, "messege"), "error", Text(root, "code"), null, Strings(root, "details"));
            }

            if (IsProblemDetails(root))
            {
                var type = Text(root, "type");
                return new CodegenErrorBody(Text(root, "detail") ?? Text(root, "title"), type is null or "about:blank" ? null : type, null, null, ProblemErrors(root));
            }

            if (root.TryGetProperty("detail", out var detail))
            {
                if (detail.ValueKind == global::System.Text.Json.JsonValueKind.String)
                {
                    return new CodegenErrorBody(detail.GetString(), null, null, null, global::System.Array.Empty<string>());
                }

                if (detail.ValueKind == global::System.Text.Json.JsonValueKind.Array)
                {
                    return FastApiValidation(detail);
                }
            }
        }
        catch (global::System.Text.Json.JsonException)
        {
        }

        return None;
    }

    /// <summary>RFC 9457 members are all optional; a <c>title</c>, or a <c>type</c> with a numeric <c>status</c>, marks the shape.</summary>
    private static bool IsProblemDetails(global::System.Text.Json.JsonElement root)
    {
        if (root.TryGetProperty("title", out var title) && title.ValueKind == global::System.Text.Json.JsonValueKind.String)
        {
            return true;
        }

        return root.TryGetProperty("type", out var type) && type.ValueKind == global::System.Text.Json.JsonValueKind.String
            && root.TryGetProperty("status", out var status) && status.ValueKind == global::System.Text.Json.JsonValueKind.Number;
    }

    /// <summary>Problem details' <c>errors</c>: ASP.NET Core's <c>{"field": ["message", ...]}</c>, or RFC 9457's list of objects with <c>detail</c> and <c>pointer</c>.</summary>
    private static global::System.Collections.Generic.IReadOnlyList<string> ProblemErrors(global::System.Text.Json.JsonElement root)
    {
        if (!root.TryGetProperty("errors", out var errors))
        {
            return global::System.Array.Empty<string>();
        }

        var list = new global::System.Collections.Generic.List<string>();
        if (errors.ValueKind == global::System.Text.Json.JsonValueKind.Object)
        {
            foreach (var field in errors.EnumerateObject())
            {
                if (field.Value.ValueKind == global::System.Text.Json.JsonValueKind.Array)
                {
                    foreach (var message in field.Value.EnumerateArray())
                    {
                        list.Add(field.Name + ": " + Text(message));
                    }
                }
                else
                {
                    list.Add(field.Name + ": " + Text(field.Value));
                }
            }
        }
        else if (errors.ValueKind == global::System.Text.Json.JsonValueKind.Array)
        {
            foreach (var item in errors.EnumerateArray())
            {
                var where = item.ValueKind == global::System.Text.Json.JsonValueKind.Object ? Text(item, "pointer") ?? Text(item, "parameter") ?? Text(item, "field") : null;
                var what = item.ValueKind == global::System.Text.Json.JsonValueKind.Object ? Text(item, "detail") ?? Text(item, "message") : null;
                list.Add(what is null ? Text(item) : where is null ? what : where + ": " + what);
            }
        }

        return list;
    }

    /// <summary>FastAPI's (pydantic's) validation errors: each item names where (<c>loc</c>), what (<c>msg</c>) and the kind (<c>type</c>).</summary>
    private static CodegenErrorBody FastApiValidation(global::System.Text.Json.JsonElement items)
    {
        var details = new global::System.Collections.Generic.List<string>();
        string? type = null;
        string? parameter = null;
        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind != global::System.Text.Json.JsonValueKind.Object)
            {
                details.Add(Text(item));
                continue;
            }

            var location = Location(item);
            var message = Text(item, "msg") ?? Text(item, "message") ?? item.GetRawText();
            details.Add(location is null ? message : location + ": " + message);
            type ??= Text(item, "type");
            parameter ??= location;
        }

        return details.Count == 0
            ? None
            : new CodegenErrorBody(string.Join("; ", details), type, null, parameter, details);
    }

    /// <summary><c>["body", "messages", 0, "content"]</c> as <c>body.messages.0.content</c>.</summary>
    private static string? Location(global::System.Text.Json.JsonElement item)
    {
        if (!item.TryGetProperty("loc", out var loc) || loc.ValueKind != global::System.Text.Json.JsonValueKind.Array)
        {
            return null;
        }

        var parts = new global::System.Collections.Generic.List<string>();
        foreach (var part in loc.EnumerateArray())
        {
            parts.Add(Text(part));
        }

        return parts.Count == 0 ? null : string.Join(".", parts);
    }

    private static string? Text(global::System.Text.Json.JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind is global::System.Text.Json.JsonValueKind.Null or global::System.Text.Json.JsonValueKind.Undefined)
        {
            return null;
        }

        return Text(value);
    }

    private static string Text(global::System.Text.Json.JsonElement value) =>
        value.ValueKind == global::System.Text.Json.JsonValueKind.String ? value.GetString()! : value.GetRawText();

    private static global::System.Collections.Generic.IReadOnlyList<string> Strings(global::System.Text.Json.JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var items) || items.ValueKind != global::System.Text.Json.JsonValueKind.Array)
        {
            return global::System.Array.Empty<string>();
        }

        var list = new global::System.Collections.Generic.List<string>();
        foreach (var item in items.EnumerateArray())
        {
            list.Add(Text(item));
        }

        return list;
    }
}
