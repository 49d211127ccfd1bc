using System.Globalization;
using System.Text.Json.Nodes;
using Codegen.Contracts.Model;
using Microsoft.Extensions.Primitives;

namespace Codegen.ContractServer;

/// <summary>
/// Prism's <c>Prefer</c> header (RFC 7240), as far as a JSON Schema contract can honour it. The contract
/// documents one answer per operation, its response definition, as status 200; error statuses have the
/// server's own error body, the one the generated client reads. So <c>code=200</c> answers as usual,
/// <c>code=</c> a 4xx or 5xx status answers that error, and <c>example=N</c> answers the response
/// definition's <c>examples[N]</c> (the chunk definition's when the request streams). A code or example the
/// contract does not have gets Prism's 404 <c>NOT_FOUND</c> problem. The query parameters <c>__code</c> and
/// <c>__example</c> do the same, as in Prism. Preferences the server does not know are ignored, as RFC 7240
/// asks; the ones applied are named in <c>Preference-Applied</c>.
/// </summary>
public sealed partial class ContractServer
{
    private const string ProblemType = "https://stoplight.io/prism/errors#NOT_FOUND";

    /// <summary>Answers a request whose preferences ask for something else than the usual answer; false to answer as usual.</summary>
    private static async Task<bool> AnswerPreferenceAsync(HttpContext http, ServedContract served, OperationSpec operation, JsonObject body)
    {
        var preferences = Preferences.Read(http.Request);
        if (preferences.Code is null && preferences.Example is null)
        {
            return false;
        }

        if (preferences.Code is { } code && code != "200")
        {
            if (!int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var status) || status is < 400 or > 599)
            {
                await ProblemAsync(http, $"Requested status code {code} is not defined in the document: {operation.Method} {operation.Path} answers 200, or an error status (400-599) with the server's error body.");
                return true;
            }

            http.Response.Headers["Preference-Applied"] = "code=" + code;
            await ErrorAsync(http, status, $"Preferred status {status} (Prefer: code={status}).", status == 429 ? "rate_limit_error" : status < 500 ? "invalid_request_error" : "server_error", null);
            return true;
        }

        if (preferences.Example is not { } example)
        {
            http.Response.Headers["Preference-Applied"] = "code=200";
            return false;
        }

        var streaming = IsStreaming(operation, body);
        var definition = (streaming ? operation.Stream!.EventSchemaPointer : operation.Success?.SchemaPointer) ?? string.Empty;
        var examples = served.Examples.TryGetValue(definition, out var found) ? found : [];
        if (!int.TryParse(example, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= examples.Count)
        {
            var known = examples.Count == 0 ? "it has no examples" : $"its examples are example=0 to example={examples.Count - 1}";
            await ProblemAsync(http, $"Response for example '{example}' does not exist: the schema '#{definition}' answers {operation.Method} {operation.Path}, and {known}.");
            return true;
        }

        http.Response.Headers["Preference-Applied"] = (preferences.Code is null ? string.Empty : "code=200, ") + "example=" + example;
        var json = examples[index];
        if (streaming)
        {
            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
            await WriteAsync(http, "data: " + json + "\n\n");
            await WriteAsync(http, "data: " + operation.Stream!.DoneSentinel + "\n\n");
            return true;
        }

        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(json, http.RequestAborted);
        return true;
    }

    /// <summary>Prism's problem document (RFC 7807) for a code or example the document does not have.</summary>
    private static Task ProblemAsync(HttpContext http, string detail)
    {
        http.Response.StatusCode = 404;
        http.Response.ContentType = "application/problem+json";
        var problem = new JsonObject
        {
            ["type"] = ProblemType,
            ["title"] = "The server cannot find the requested content",
            ["status"] = 404,
            ["detail"] = detail,
        };
        return http.Response.WriteAsync(problem.ToJsonString(), http.RequestAborted);
    }

    /// <summary>The preferences of one request: the <c>Prefer</c> header's <c>code</c> and <c>example</c>, or Prism's <c>__code</c> and <c>__example</c>.</summary>
    private readonly record struct Preferences(string? Code, string? Example, bool Dynamic)
    {
        public static Preferences Read(HttpRequest request)
        {
            string? code = Single(request.Query["__code"]);
            string? example = Single(request.Query["__example"]);
            var dynamic = Single(request.Query["__dynamic"]);
            foreach (var header in request.Headers["Prefer"])
            {
                // preference *( "," preference ); preference = token [ "=" value ] *( ";" parameter )
                foreach (var preference in (header ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var head = preference.Split(';')[0];
                    var equals = head.IndexOf('=');
                    if (equals < 0)
                    {
                        continue;
                    }

                    var name = head[..equals].Trim();
                    var value = head[(equals + 1)..].Trim().Trim('"');
                    if (name.Equals("code", StringComparison.OrdinalIgnoreCase))
                    {
                        code ??= value;
                    }
                    else if (name.Equals("example", StringComparison.OrdinalIgnoreCase))
                    {
                        example ??= value;
                    }
                    else if (name.Equals("dynamic", StringComparison.OrdinalIgnoreCase))
                    {
                        dynamic ??= value;
                    }
                }
            }

            return new Preferences(code, example, string.Equals(dynamic, "true", StringComparison.OrdinalIgnoreCase));
        }

        private static string? Single(StringValues values) => values.Count == 0 ? null : values[0];
    }
}
