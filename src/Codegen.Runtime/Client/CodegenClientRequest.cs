namespace Codegen.Runtime;

/// <summary>
/// One call of an operation, before it is sent: the path template and the values that fill it, query, header and
/// cookie parameters serialized by their OpenAPI <c>style</c> and <c>explode</c>, the body, the credential the
/// operation accepts and the server it lives on. <see cref="CodegenClientPipeline"/> turns it into a new
/// <c>HttpRequestMessage</c> for every attempt. Path values are escaped so that a value can never add a segment,
/// a query or a fragment (<c>a/b</c> is sent as <c>a%2Fb</c>).
/// </summary>
public sealed class CodegenClientRequest
{
    private readonly global::System.Collections.Generic.Dictionary<string, string> _pathValues = new global::System.Collections.Generic.Dictionary<string, string>(global::System.StringComparer.Ordinal);
    private readonly global::System.Text.StringBuilder _query = new global::System.Text.StringBuilder();
    private readonly global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>> _headers = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string>>();
    private readonly global::System.Collections.Generic.List<string> _cookies = new global::System.Collections.Generic.List<string>();

    /// <summary>Creates a request for <paramref name="pathTemplate"/> (<c>/models/{model}</c>), relative to the server.</summary>
    public CodegenClientRequest(global::System.Net.Http.HttpMethod method, string pathTemplate)
    {
        Method = method ?? throw new global::System.ArgumentNullException(nameof(method));
        PathTemplate = pathTemplate ?? throw new global::System.ArgumentNullException(nameof(pathTemplate));
    }

    /// <summary>How a parameter is written (OpenAPI's <c>style</c>).</summary>
    public enum Style
    {
        /// <summary><c>a,b</c>; the default of path and header parameters.</summary>
        Simple,

        /// <summary><c>name=a&amp;name=b</c> (exploded) or <c>name=a,b</c>; the default of query and cookie parameters.</summary>
        Form,

        /// <summary><c>.a.b</c> or <c>.a,b</c> in a path.</summary>
        Label,

        /// <summary><c>;name=a;name=b</c> or <c>;name=a,b</c> in a path.</summary>
        Matrix,

        /// <summary><c>name=a%20b</c>.</summary>
        SpaceDelimited,

        /// <summary><c>name=a%7Cb</c>.</summary>
        PipeDelimited,

        /// <summary><c>name[key]=value</c> for each member of an object.</summary>
        DeepObject,
    }

    /// <summary>How the client proves who it is for this operation.</summary>
    public enum Credential
    {
        /// <summary>The operation needs no credentials.</summary>
        None,

        /// <summary><c>Authorization: Bearer</c> with the API key.</summary>
        Bearer,

        /// <summary><c>Authorization: Basic</c> with the user name and the API key as password.</summary>
        Basic,

        /// <summary>The API key in the header <see cref="CredentialName"/>.</summary>
        ApiKeyHeader,

        /// <summary>The API key in the query parameter <see cref="CredentialName"/>.</summary>
        ApiKeyQuery,

        /// <summary>The API key in the cookie <see cref="CredentialName"/>.</summary>
        ApiKeyCookie,
    }

    /// <summary>The HTTP method.</summary>
    public global::System.Net.Http.HttpMethod Method { get; }

    /// <summary>The operation's path as the contract writes it; messages name the operation by it, never by its values.</summary>
    public string PathTemplate { get; }

    /// <summary>The operation's own server (a full base address), used unless the caller chose <see cref="CodegenClientOptions.BaseUri"/>.</summary>
    public string? Server { get; set; }

    /// <summary>The media type the <c>Accept</c> header asks for.</summary>
    public string Accept { get; set; } = "application/json";

    /// <summary>The body, or null for none.</summary>
    public CodegenClientContent? Content { get; set; }

    /// <summary>The credential the operation accepts (the first the contract lists that the client supports).</summary>
    public Credential Security { get; set; } = Credential.Bearer;

    /// <summary>The header, query parameter or cookie name of an API key.</summary>
    public string? CredentialName { get; set; }

    /// <summary>
    /// Reads an error body with the type the contract documents for its status, or returns null; what it returns
    /// becomes <see cref="CodegenApiException.Error"/>.
    /// </summary>
    public global::System.Func<int, byte[], object?>? ReadError { get; set; }

    /// <summary>The operation in messages: <c>GET /models/{model}</c>.</summary>
    public override string ToString() => Method + " " + PathTemplate;

    /// <summary>Fills <c>{name}</c> in the path. The value is escaped; <paramref name="style"/> and <paramref name="explode"/> follow OpenAPI.</summary>
    public void Path(string name, CodegenParameterValue value, Style style = Style.Simple, bool explode = false)
    {
        var text = new global::System.Text.StringBuilder();
        var prefix = style switch
        {
            Style.Label => ".",
            Style.Matrix => ";",
            _ => string.Empty,
        };
        text.Append(prefix);
        if (value.Scalar is { } scalar)
        {
            if (style == Style.Matrix)
            {
                text.Append(Escape(name)).Append('=');
            }

            text.Append(Escape(scalar));
        }
        else if (value.Items is { } items)
        {
            var separator = !explode ? "," : style switch { Style.Label => ".", Style.Matrix => ";", _ => "," };
            for (var i = 0; i < items.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(separator);
                }

                if (style == Style.Matrix && (explode || i == 0))
                {
                    text.Append(Escape(name)).Append('=');
                }

                text.Append(Escape(items[i]));
            }
        }
        else if (value.Pairs is { } pairs)
        {
            if (style == Style.Matrix && !explode)
            {
                text.Append(Escape(name)).Append('=');
            }

            var separator = !explode ? "," : style switch { Style.Label => ".", Style.Matrix => ";", _ => "," };
            for (var i = 0; i < pairs.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(separator);
                }

                text.Append(Escape(pairs[i].Key)).Append(explode ? "=" : ",").Append(Escape(pairs[i].Value));
            }
        }

        _pathValues[name] = text.ToString();
    }

    /// <summary>Adds a query parameter, written by <paramref name="style"/> and <paramref name="explode"/> (form and exploded by default).</summary>
    public void Query(string name, CodegenParameterValue value, Style style = Style.Form, bool explode = true) =>
        FormFields(name, value, style, explode, escaped: true, AddQuery);

    /// <summary>
    /// The fields a value makes by the form family of styles (form, spaceDelimited, pipeDelimited, deepObject) and
    /// <paramref name="explode"/>: a query parameter's (<paramref name="escaped"/>: names, values and separators
    /// percent-encoded) or a form body's field (raw: the form content encodes them). An empty list or object makes none.
    /// </summary>
    internal static void FormFields(string name, CodegenParameterValue value, Style style, bool explode, bool escaped, global::System.Action<string, string> add)
    {
        if (value.Scalar is { } scalar)
        {
            add(Text(name, escaped), Text(scalar, escaped));
        }
        else if (value.Items is { Count: > 0 } items)
        {
            if (explode && style == Style.Form)
            {
                foreach (var item in items)
                {
                    add(Text(name, escaped), Text(item, escaped));
                }

                return;
            }

            var separator = style switch
            {
                Style.SpaceDelimited => escaped ? "%20" : " ",
                Style.PipeDelimited => escaped ? "%7C" : "|",
                _ => ",",
            };
            add(Text(name, escaped), Join(items, separator, escaped));
        }
        else if (value.Pairs is { Count: > 0 } pairs)
        {
            if (style == Style.DeepObject)
            {
                foreach (var pair in pairs)
                {
                    add(Text(name, escaped) + (escaped ? "%5B" : "[") + Text(pair.Key, escaped) + (escaped ? "%5D" : "]"), Text(pair.Value, escaped));
                }
            }
            else if (explode)
            {
                foreach (var pair in pairs)
                {
                    add(Text(pair.Key, escaped), Text(pair.Value, escaped));
                }
            }
            else
            {
                var flat = new global::System.Collections.Generic.List<string>(pairs.Count * 2);
                foreach (var pair in pairs)
                {
                    flat.Add(pair.Key);
                    flat.Add(pair.Value);
                }

                add(Text(name, escaped), Join(flat, ",", escaped));
            }
        }
    }

    /// <summary>Adds a header parameter (simple style): a list or an object comma-separated.</summary>
    public void Header(string name, CodegenParameterValue value, bool explode = false) => _headers.Add(new global::System.Collections.Generic.KeyValuePair<string, string>(name, Simple(value, explode)));

    /// <summary>Adds a cookie parameter (form style).</summary>
    public void Cookie(string name, CodegenParameterValue value) => _cookies.Add(name + "=" + Escape(Simple(value, false)));

    /// <summary>The path with its values and the query, relative to the server: <c>/models/gpt%2F4?limit=2</c>.</summary>
    public string RelativeUri()
    {
        var path = new global::System.Text.StringBuilder(PathTemplate.Length + 32);
        var i = 0;
        while (i < PathTemplate.Length)
        {
            var open = PathTemplate.IndexOf('{', i);
            var close = open < 0 ? -1 : PathTemplate.IndexOf('}', open);
            if (close < 0)
            {
                path.Append(PathTemplate, i, PathTemplate.Length - i);
                break;
            }

            path.Append(PathTemplate, i, open - i);
            var name = PathTemplate.Substring(open + 1, close - open - 1);
            if (!_pathValues.TryGetValue(name, out var value))
            {
                throw new global::System.InvalidOperationException("The path parameter '" + name + "' of " + this + " has no value.");
            }

            path.Append(value);
            i = close + 1;
        }

        if (_query.Length > 0)
        {
            path.Append(PathTemplate.IndexOf('?') < 0 ? '?' : '&').Append(_query);
        }

        return path.ToString();
    }

    /// <summary>A new message for one attempt: the URI against <paramref name="baseUri"/>, headers, cookies, credentials and a fresh body.</summary>
    internal global::System.Net.Http.HttpRequestMessage CreateMessage(string baseUri, string? apiKey, string? userName)
    {
        var relative = RelativeUri();
        if (apiKey is not null && Security == Credential.ApiKeyQuery && CredentialName is not null)
        {
            relative += (relative.IndexOf('?') < 0 ? "?" : "&") + Escape(CredentialName) + "=" + Escape(apiKey);
        }

        var message = new global::System.Net.Http.HttpRequestMessage(Method, baseUri + relative);
        try
        {
            foreach (var header in _headers)
            {
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            var cookies = new global::System.Collections.Generic.List<string>(_cookies);
            if (apiKey is not null)
            {
                switch (Security)
                {
                    case Credential.Bearer:
                        message.Headers.Authorization = new global::System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
                        break;
                    case Credential.Basic:
                        var pair = global::System.Text.Encoding.UTF8.GetBytes((userName ?? string.Empty) + ":" + apiKey);
                        message.Headers.Authorization = new global::System.Net.Http.Headers.AuthenticationHeaderValue("Basic", global::System.Convert.ToBase64String(pair));
                        break;
                    case Credential.ApiKeyHeader when CredentialName is not null:
                        message.Headers.TryAddWithoutValidation(CredentialName, apiKey);
                        break;
                    case Credential.ApiKeyCookie when CredentialName is not null:
                        cookies.Add(CredentialName + "=" + Escape(apiKey));
                        break;
                }
            }

            if (cookies.Count > 0)
            {
                message.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", cookies));
            }

            message.Headers.Accept.Add(new global::System.Net.Http.Headers.MediaTypeWithQualityHeaderValue(Accept));
            message.Content = Content?.Create();
            return message;
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    /// <summary>Percent-encodes everything but RFC 3986's unreserved characters, so that a value stays one value wherever it lands.</summary>
    public static string Escape(string value) => global::System.Uri.EscapeDataString(value);

    private static string Text(string value, bool escaped) => escaped ? Escape(value) : value;

    private static string Join(global::System.Collections.Generic.IReadOnlyList<string> items, string separator, bool escaped)
    {
        var text = new global::System.Text.StringBuilder();
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                text.Append(separator);
            }

            text.Append(Text(items[i], escaped));
        }

        return text.ToString();
    }

    private static string Simple(CodegenParameterValue value, bool explode)
    {
        if (value.Scalar is { } scalar)
        {
            return scalar;
        }

        if (value.Items is { } items)
        {
            return string.Join(",", items);
        }

        var text = new global::System.Text.StringBuilder();
        foreach (var pair in value.Pairs ?? global::System.Array.Empty<global::System.Collections.Generic.KeyValuePair<string, string>>())
        {
            if (text.Length > 0)
            {
                text.Append(',');
            }

            text.Append(pair.Key).Append(explode ? '=' : ',').Append(pair.Value);
        }

        return text.ToString();
    }

    private void AddQuery(string escapedName, string escapedValue)
    {
        if (_query.Length > 0)
        {
            _query.Append('&');
        }

        _query.Append(escapedName).Append('=').Append(escapedValue);
    }
}
