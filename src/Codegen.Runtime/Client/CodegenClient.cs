namespace Codegen.Runtime;

/// <summary>
/// Calls the API the contract describes. Thread-safe: create one and share it. Requests are validated
/// against the contract before they are sent (see <see cref="CodegenClientOptions.ValidateRequests"/>),
/// failed attempts are retried with backoff, and errors surface as <see cref="CodegenApiException"/>,
/// <see cref="global::System.TimeoutException"/> or, when the caller cancels, <see cref="global::System.OperationCanceledException"/>.
/// </summary>
/// <remarks>
/// This part holds what every client shares; the generator writes the other part per contract: the operations,
/// <c>ActivitySourceName</c> and <c>HttpClientName</c>.
/// </remarks>
public sealed partial class CodegenClient : global::System.IDisposable
{
    private static readonly global::System.Diagnostics.ActivitySource s_activitySource = new global::System.Diagnostics.ActivitySource(ActivitySourceName, "1.0.0");

    private readonly global::System.Net.Http.HttpClient _http;
    private readonly bool _ownsHttpClient;
    private readonly CodegenClientPipeline _pipeline;

    /// <summary>Creates a client with default options: the contract's server and the API key from the environment.</summary>
    public CodegenClient()
        : this(new CodegenClientOptions())
    {
    }

    /// <summary>Creates a client with its own connection pool.</summary>
    public CodegenClient(CodegenClientOptions options)
        : this(CreateHttpClient(), options ?? throw new global::System.ArgumentNullException(nameof(options)), ownsHttpClient: true)
    {
    }

    /// <summary>
    /// Creates a client over an <c>HttpClient</c> the caller owns (for example one from <c>IHttpClientFactory</c>).
    /// Without options, the client's <c>BaseAddress</c>, when set, replaces the contract's server.
    /// </summary>
    public CodegenClient(global::System.Net.Http.HttpClient httpClient, CodegenClientOptions? options = null)
        : this(httpClient ?? throw new global::System.ArgumentNullException(nameof(httpClient)), options ?? OptionsFor(httpClient), ownsHttpClient: false)
    {
    }

    private CodegenClient(global::System.Net.Http.HttpClient httpClient, CodegenClientOptions options, bool ownsHttpClient)
    {
        _http = httpClient;
        _ownsHttpClient = ownsHttpClient;
        _pipeline = new CodegenClientPipeline(httpClient, options.Clone());
    }

    /// <summary>Releases the connection pool when the client created it.</summary>
    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _http.Dispose();
        }
    }

    private static global::System.Net.Http.HttpClient CreateHttpClient()
    {
        var handler = new global::System.Net.Http.SocketsHttpHandler { PooledConnectionLifetime = global::System.TimeSpan.FromMinutes(5) };
        return new global::System.Net.Http.HttpClient(handler) { Timeout = global::System.Threading.Timeout.InfiniteTimeSpan };
    }

    private static CodegenClientOptions OptionsFor(global::System.Net.Http.HttpClient httpClient)
    {
        var options = new CodegenClientOptions();
        if (httpClient.BaseAddress is not null)
        {
            options.BaseUri = httpClient.BaseAddress;
        }

        return options;
    }

    private static global::System.Diagnostics.Activity? StartActivity(string operation, string? model)
    {
        var activity = s_activitySource.StartActivity(ActivitySourceName + "." + operation, global::System.Diagnostics.ActivityKind.Client);
        activity?.SetTag("gen_ai.operation.name", operation);
        if (model is not null)
        {
            activity?.SetTag("gen_ai.request.model", model);
        }

        return activity;
    }

    private static void TagResponse(global::System.Diagnostics.Activity? activity, string? model, int? inputTokens, int? outputTokens)
    {
        if (activity is null)
        {
            return;
        }

        if (model is not null)
        {
            activity.SetTag("gen_ai.response.model", model);
        }

        if (inputTokens is not null)
        {
            activity.SetTag("gen_ai.usage.input_tokens", inputTokens);
        }

        if (outputTokens is not null)
        {
            activity.SetTag("gen_ai.usage.output_tokens", outputTokens);
        }
    }

    private static void TagError(global::System.Diagnostics.Activity? activity, global::System.Exception exception)
    {
        activity?.SetStatus(global::System.Diagnostics.ActivityStatusCode.Error, exception.GetType().Name);
        activity?.SetTag("error.type", exception is CodegenApiException api ? api.StatusCode.ToString(global::System.Globalization.CultureInfo.InvariantCulture) : exception.GetType().FullName);
    }

    /// <summary>Reads a JSON body with <paramref name="read"/> (for types without a <c>JsonTypeInfo</c>: strings, lists, any JSON), with the rules of <see cref="CodegenClientPipeline.Deserialize{T}(global::System.Net.Http.HttpResponseMessage, byte[], global::System.Text.Json.Serialization.Metadata.JsonTypeInfo{T})"/>.</summary>
    private async global::System.Threading.Tasks.Task<T> ReadJsonAsync<T>(global::System.Net.Http.HttpResponseMessage response, global::System.Func<byte[], T> read, global::System.Threading.CancellationToken cancellationToken)
    {
        using (response)
        {
            var body = await _pipeline.ReadBodyAsync(response, _pipeline.Options.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
            try
            {
                return read(body);
            }
            catch (global::System.Text.Json.JsonException ex)
            {
                var text = global::System.Text.Encoding.UTF8.GetString(body);
                throw _pipeline.ErrorInBody(response, text) ?? _pipeline.Protocol(response, "The response is not a valid " + typeof(T).Name + ": " + ex.Message, ex, text);
            }
        }
    }

    /// <summary>Reads a text body within the limit (UTF-8 unless the response names another charset).</summary>
    private async global::System.Threading.Tasks.Task<string> ReadTextAsync(global::System.Net.Http.HttpResponseMessage response, global::System.Threading.CancellationToken cancellationToken)
    {
        using (response)
        {
            var body = await _pipeline.ReadBodyAsync(response, _pipeline.Options.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
            var charset = response.Content.Headers.ContentType?.CharSet;
            var encoding = string.IsNullOrEmpty(charset) ? global::System.Text.Encoding.UTF8 : global::System.Text.Encoding.GetEncoding(charset.Trim('"'));
            return encoding.GetString(body);
        }
    }

    /// <summary>
    /// Hands out a binary body as it arrives, unread (see <see cref="CodegenFileResponse"/>): the caller owns the answer
    /// and its connection from here, and nothing is retried after.
    /// </summary>
    private static async global::System.Threading.Tasks.Task<CodegenFileResponse> OpenFileAsync(CodegenClientPipeline pipeline, global::System.Net.Http.HttpResponseMessage response, global::System.Threading.CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new CodegenFileResponse(pipeline, response, body);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>An error body read with the type the contract documents for it, or null when it is not one.</summary>
    private static object? TryReadError<T>(byte[] body, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return global::System.Text.Json.JsonSerializer.Deserialize(body, typeInfo);
        }
        catch (global::System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
