namespace Codegen.Runtime;

/// <summary>
/// Sends requests for <see cref="CodegenClient"/>: the per-attempt timeout, retries (<see cref="CodegenRetryPolicy"/>),
/// bounded body reads, parsing with the contract's converters and typed errors with the API key removed.
/// Immutable after construction, so thread-safe.
/// </summary>
internal sealed class CodegenClientPipeline
{
    /// <summary>The most of an error body that is read; the rest of an error cannot matter more than this.</summary>
    public const int MaxErrorBodyBytes = 64 * 1024;

    /// <summary>The most of a body an exception carries.</summary>
    public const int MaxExcerptChars = 2048;

    private readonly global::System.Net.Http.HttpClient _http;
    private readonly string? _baseUri;
    private readonly string? _apiKey;
    private readonly CodegenSecretRedactor _redactor;

    public CodegenClientPipeline(global::System.Net.Http.HttpClient http, CodegenClientOptions options)
    {
        if (options.Timeout <= global::System.TimeSpan.Zero && options.Timeout != global::System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new global::System.ArgumentOutOfRangeException(nameof(options), "Timeout must be positive or infinite.");
        }

        _http = http;
        _baseUri = options.BaseUri?.AbsoluteUri.TrimEnd('/');
        _apiKey = string.IsNullOrEmpty(options.ApiKey) ? null : options.ApiKey;
        _redactor = new CodegenSecretRedactor(_apiKey);
        Options = options;
        Retry = new CodegenRetryPolicy(options.MaxRetries, options.RetryBaseDelay, options.MaxRetryDelay, options.MaxRetryAfter);
    }

    public CodegenClientOptions Options { get; }

    public CodegenRetryPolicy Retry { get; }

    /// <summary>
    /// Sends until an attempt succeeds and <paramref name="readSuccess"/> has read it, or the retries run out.
    /// <paramref name="readSuccess"/> runs under the attempt's timeout; it owns the response it is given.
    /// </summary>
    public global::System.Threading.Tasks.Task<T> SendAsync<T>(
        global::System.Net.Http.HttpMethod method,
        string path,
        byte[]? body,
        bool acceptEventStream,
        global::System.Func<global::System.Net.Http.HttpResponseMessage, global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task<T>> readSuccess,
        global::System.Threading.CancellationToken cancellationToken) =>
        SendAsync(JsonRequest(method, path, body, acceptEventStream), readSuccess, cancellationToken);

    /// <summary>
    /// Sends <paramref name="request"/> until an attempt succeeds and <paramref name="readSuccess"/> has read it, or the
    /// retries run out (a body whose file cannot seek is sent once). Each attempt gets a new message.
    /// </summary>
    public async global::System.Threading.Tasks.Task<T> SendAsync<T>(
        CodegenClientRequest request,
        global::System.Func<global::System.Net.Http.HttpResponseMessage, global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task<T>> readSuccess,
        global::System.Threading.CancellationToken cancellationToken)
    {
        var baseUri = BaseUriFor(request);
        var method = request.Method;
        var path = request.PathTemplate;
        var repeatable = request.Content?.IsRepeatable ?? true;
        for (var attempt = 0; ; attempt++)
        {
            var retriesLeft = attempt < Retry.MaxRetries && repeatable;
            global::System.Exception failure;
            global::System.TimeSpan? serverDelay = null;
            using (var attemptCancellation = global::System.Threading.CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attemptCancellation.CancelAfter(Options.Timeout);
                global::System.Net.Http.HttpResponseMessage? response = null;
                try
                {
                    using var message = request.CreateMessage(baseUri, _apiKey, Options.UserName);
                    response = await _http.SendAsync(message, global::System.Net.Http.HttpCompletionOption.ResponseHeadersRead, attemptCancellation.Token).ConfigureAwait(false);
                    if (response.IsSuccessStatusCode)
                    {
                        var owned = response;
                        response = null;
                        return await readSuccess(owned, attemptCancellation.Token).ConfigureAwait(false);
                    }

                    var error = await CreateErrorAsync(response, request, attemptCancellation.Token).ConfigureAwait(false);
                    if (!CodegenRetryPolicy.IsRetryable(error.StatusCode) || !retriesLeft)
                    {
                        throw error;
                    }

                    if (error.RetryAfter is { } retryAfter && !Retry.Honours(retryAfter))
                    {
                        throw error;
                    }

                    serverDelay = error.RetryAfter;
                    failure = error;
                }
                catch (global::System.OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (global::System.OperationCanceledException ex)
                {
                    failure = new global::System.TimeoutException(method + " " + path + " did not complete within the timeout of " + Options.Timeout.TotalSeconds + " s (attempt " + (attempt + 1) + ").", ex);
                }
                catch (CodegenApiException ex) when (ex.IsConnectionFailure)
                {
                    failure = ex;
                }
                catch (global::System.Exception ex) when (ex is global::System.Net.Http.HttpRequestException or global::System.IO.IOException)
                {
                    failure = ex;
                }
                finally
                {
                    response?.Dispose();
                }
            }

            if (!retriesLeft)
            {
                throw failure is global::System.Net.Http.HttpRequestException or global::System.IO.IOException
                    ? ConnectionFailed(method, path, failure)
                    : failure;
            }

            await global::System.Threading.Tasks.Task.Delay(serverDelay ?? Retry.Backoff(attempt), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads a whole body, at most <paramref name="limit"/> bytes. With a Content-Length within the limit the body
    /// is read straight into an array of that size; otherwise into pooled buffers, copied once.
    /// </summary>
    public async global::System.Threading.Tasks.Task<byte[]> ReadBodyAsync(global::System.Net.Http.HttpResponseMessage response, long limit, global::System.Threading.CancellationToken cancellationToken)
    {
        var contentLength = response.Content.Headers.ContentLength;
        if (contentLength > limit)
        {
            throw Protocol(response, "The response body is larger than the limit of " + limit + " bytes.", null, null);
        }

        using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        int length = 0;
        if (contentLength is { } known && known <= int.MaxValue)
        {
            var exact = known == 0 ? global::System.Array.Empty<byte>() : new byte[known];
            while (length < exact.Length)
            {
                var read = await ReadBodyChunkAsync(response, stream, exact, length, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw Truncated(response, exact, length, "the body ended before its Content-Length of " + known + " bytes", null);
                }

                length += read;
            }

            return exact;
        }

        var pool = global::System.Buffers.ArrayPool<byte>.Shared;
        var buffer = pool.Rent(16384);
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = pool.Rent((int)global::System.Math.Min(buffer.Length * 2L, 0x7FFFFFC7));
                    global::System.Buffer.BlockCopy(buffer, 0, larger, 0, length);
                    pool.Return(buffer);
                    buffer = larger;
                }

                var read = await ReadBodyChunkAsync(response, stream, buffer, length, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    var body = new byte[length];
                    global::System.Buffer.BlockCopy(buffer, 0, body, 0, length);
                    return body;
                }

                if (length + (long)read > limit)
                {
                    throw Protocol(response, "The response body is larger than the limit of " + limit + " bytes.", null, null);
                }

                length += read;
            }
        }
        finally
        {
            pool.Return(buffer);
        }
    }

    /// <summary>
    /// Parses a body with the contract's converters. Anything else (malformed JSON, a missing required property,
    /// an error object in a 200 response) is an exception, never a half-filled value.
    /// </summary>
    public T Deserialize<T>(global::System.Net.Http.HttpResponseMessage response, byte[] utf8, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        try
        {
            var value = global::System.Text.Json.JsonSerializer.Deserialize(utf8, typeInfo);
            if (value is not null)
            {
                return value;
            }
        }
        catch (global::System.Text.Json.JsonException ex)
        {
            var text = global::System.Text.Encoding.UTF8.GetString(utf8);
            throw ErrorInBody(response, text) ?? Protocol(response, "The response is not a valid " + typeof(T).Name + ": " + ex.Message, ex, text);
        }

        throw Protocol(response, "The response is null, not a " + typeof(T).Name + ".", null, global::System.Text.Encoding.UTF8.GetString(utf8));
    }

    /// <summary>
    /// Streams an operation's answer: sends with the retries of <see cref="SendAsync"/>, then yields each event's data
    /// parsed as <typeparamref name="T"/> until <paramref name="terminator"/> (see <see cref="CodegenEventStream"/>).
    /// Nothing is retried once the response has begun.
    /// </summary>
    public global::System.Collections.Generic.IAsyncEnumerable<T> StreamAsync<T>(
        global::System.Net.Http.HttpMethod method,
        string path,
        byte[]? body,
        string terminator,
        global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo,
        global::System.Threading.CancellationToken cancellationToken) =>
        StreamAsync(JsonRequest(method, path, body, acceptEventStream: true), terminator, true, typeInfo, cancellationToken);

    /// <summary>
    /// Streams <paramref name="request"/>'s answer as <see cref="StreamAsync{T}(global::System.Net.Http.HttpMethod, string, byte[], string, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo{T}, global::System.Threading.CancellationToken)"/> does.
    /// <paramref name="terminatorDeclared"/>: the contract declares the terminator, so a stream without it was cut short
    /// (unless <see cref="CodegenClientOptions.RequireStreamTerminator"/> is off); otherwise the stream may also just end.
    /// </summary>
    public async global::System.Collections.Generic.IAsyncEnumerable<T> StreamAsync<T>(
        CodegenClientRequest request,
        string terminator,
        bool terminatorDeclared,
        global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo,
        [global::System.Runtime.CompilerServices.EnumeratorCancellation] global::System.Threading.CancellationToken cancellationToken)
    {
        request.Accept = "text/event-stream";
        using var response = await SendAsync(request, static (r, _) => global::System.Threading.Tasks.Task.FromResult(r), cancellationToken).ConfigureAwait(false);
        var events = CodegenEventStream.ReadAsync(this, response, terminator, terminatorDeclared && Options.RequireStreamTerminator, typeInfo, cancellationToken);
        await foreach (var item in global::System.Threading.Tasks.TaskAsyncEnumerableExtensions.ConfigureAwait(events, false))
        {
            yield return item;
        }
    }

    /// <summary>Sends <paramref name="request"/> for an answer without content: the body, if any, is read within the limit and dropped.</summary>
    public global::System.Threading.Tasks.Task SendAsync(CodegenClientRequest request, global::System.Threading.CancellationToken cancellationToken) =>
        SendAsync(request, async (response, token) =>
        {
            using (response)
            {
                await ReadBodyAsync(response, Options.MaxResponseBytes, token).ConfigureAwait(false);
                return true;
            }
        }, cancellationToken);

    /// <summary>Reads a JSON body with the contract's converters, within the limit (see <see cref="Deserialize{T}(global::System.Net.Http.HttpResponseMessage, byte[], global::System.Text.Json.Serialization.Metadata.JsonTypeInfo{T})"/>).</summary>
    public async global::System.Threading.Tasks.Task<T> ReadJsonAsync<T>(global::System.Net.Http.HttpResponseMessage response, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, global::System.Threading.CancellationToken cancellationToken)
    {
        using (response)
        {
            var body = await ReadBodyAsync(response, Options.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
            return Deserialize(response, body, typeInfo);
        }
    }

    /// <summary>A response that does not keep the contract: malformed, truncated, too large, a stream cut short.</summary>
    public CodegenApiException Protocol(global::System.Net.Http.HttpResponseMessage response, string message, global::System.Exception? inner, string? body, int? eventsReceived = null)
    {
        return new CodegenApiException(Redact(message), (int)response.StatusCode, inner)
        {
            RequestId = RequestId(response),
            EventsReceived = eventsReceived,
            BodyExcerpt = body is null ? null : Excerpt(body),
        };
    }

    /// <summary>An error carried inside a 200 response, e.g. an <c>error</c> event in a stream; null when the text holds none.</summary>
    public CodegenApiException? ErrorInBody(global::System.Net.Http.HttpResponseMessage response, string text, int? eventsReceived = null)
    {
        var error = CodegenErrorBody.Parse(text);
        if (!error.IsError)
        {
            return null;
        }

        return new CodegenApiException(Redact("The server reported an error: " + (error.Message ?? error.Type ?? error.Code)), (int)response.StatusCode)
        {
            ErrorMessage = Redact(error.Message),
            ErrorType = Redact(error.Type),
            ErrorCode = Redact(error.Code),
            ErrorParameter = Redact(error.Parameter),
            Details = RedactAll(error.Details),
            RequestId = RequestId(response),
            EventsReceived = eventsReceived,
            BodyExcerpt = Excerpt(text),
        };
    }

    /// <summary>Text from the server or about the request with the API key removed, should a server have echoed it.</summary>
    [return: global::System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public string? Redact(string? text) => _redactor.Redact(text);

    /// <summary>The start of a body for an exception: redacted first, so that the cut cannot leave part of a key behind.</summary>
    public string? Excerpt(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var redacted = Redact(text);
        return redacted.Length <= MaxExcerptChars ? redacted : redacted.Substring(0, MaxExcerptChars) + "…";
    }

    /// <summary>One read of a body into <paramref name="buffer"/> after the <paramref name="length"/> bytes already there.</summary>
    private async global::System.Threading.Tasks.ValueTask<int> ReadBodyChunkAsync(global::System.Net.Http.HttpResponseMessage response, global::System.IO.Stream stream, byte[] buffer, int length, global::System.Threading.CancellationToken cancellationToken)
    {
        try
        {
            return await stream.ReadAsync(new global::System.Memory<byte>(buffer, length, buffer.Length - length), cancellationToken).ConfigureAwait(false);
        }
        catch (global::System.Exception ex) when (ex is global::System.IO.IOException or global::System.Net.Http.HttpRequestException)
        {
            // The status arrived but the body did not: say so with what did arrive. The retry loop may try again.
            throw Truncated(response, buffer, length, ex.Message, ex);
        }
    }

    private CodegenApiException Truncated(global::System.Net.Http.HttpResponseMessage response, byte[] received, int length, string reason, global::System.Exception? inner)
    {
        var text = global::System.Text.Encoding.UTF8.GetString(received, 0, length);
        var truncated = Protocol(response, "The connection closed before the whole response arrived (" + length + " bytes received): " + reason, inner, text);
        truncated.IsConnectionFailure = true;
        return truncated;
    }

    private async global::System.Threading.Tasks.Task<CodegenApiException> CreateErrorAsync(global::System.Net.Http.HttpResponseMessage response, CodegenClientRequest request, global::System.Threading.CancellationToken cancellationToken)
    {
        string text;
        byte[] bytes;
        try
        {
            bytes = await ReadBodyAsync(response, MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
            text = global::System.Text.Encoding.UTF8.GetString(bytes);
        }
        catch (CodegenApiException)
        {
            bytes = global::System.Array.Empty<byte>();
            text = string.Empty;
        }

        var error = CodegenErrorBody.Parse(text);
        var status = (int)response.StatusCode;
        var method = request.Method;
        var path = request.PathTemplate;
        object? documented = null;
        if (request.ReadError is { } readError && bytes.Length > 0)
        {
            try
            {
                documented = readError(status, bytes);
            }
            catch (global::System.Text.Json.JsonException)
            {
                // A body that does not follow the documented schema still gives the message and excerpt above.
            }
        }

        var retryAfter = CodegenRetryPolicy.RetryAfter(response.Headers, global::System.DateTimeOffset.UtcNow);
        var message = method + " " + path + " failed with " + status + " " + response.ReasonPhrase;
        if (error.Message is not null)
        {
            message += ": " + error.Message;
        }

        if (retryAfter is { } wait)
        {
            message += " (the server asked to retry after " + wait.TotalSeconds + " s" + (Retry.Honours(wait) ? string.Empty : ", longer than MaxRetryAfter") + ")";
        }

        var requestId = RequestId(response);
        if (requestId is not null)
        {
            message += " [request id " + requestId + "]";
        }

        return new CodegenApiException(Redact(message), status)
        {
            ErrorMessage = Redact(error.Message),
            ErrorType = Redact(error.Type),
            ErrorCode = Redact(error.Code),
            ErrorParameter = Redact(error.Parameter),
            Details = RedactAll(error.Details),
            RequestId = requestId,
            RetryAfter = retryAfter,
            BodyExcerpt = Excerpt(text),
            Error = documented,
        };
    }

    /// <summary>A request of a JSON Schema contract's operation: a JSON body or none, and a bearer token.</summary>
    private static CodegenClientRequest JsonRequest(global::System.Net.Http.HttpMethod method, string path, byte[]? body, bool acceptEventStream) =>
        new CodegenClientRequest(method, path)
        {
            Content = body is null ? null : CodegenClientContent.Json(body),
            Accept = acceptEventStream ? "text/event-stream" : "application/json",
        };

    /// <summary>The base address of a request: the one the caller chose, else the operation's own server, else the contract's.</summary>
    private string BaseUriFor(CodegenClientRequest request)
    {
        var baseUri = Options.BaseUriChosen || request.Server is null ? _baseUri : request.Server.TrimEnd('/');
        return baseUri ?? throw new global::System.InvalidOperationException("BaseUri must be set: the contract names no server for " + request + ".");
    }

    private global::System.Exception ConnectionFailed(global::System.Net.Http.HttpMethod method, string path, global::System.Exception failure)
    {
        return new global::System.Net.Http.HttpRequestException(Redact(method + " " + path + " failed: the connection failed or closed before the response was complete (" + failure.Message + ")"), failure);
    }

    private global::System.Collections.Generic.IReadOnlyList<string> RedactAll(global::System.Collections.Generic.IReadOnlyList<string> texts)
    {
        if (texts.Count == 0)
        {
            return texts;
        }

        var redacted = new string[texts.Count];
        for (var i = 0; i < redacted.Length; i++)
        {
            redacted[i] = Redact(texts[i]);
        }

        return redacted;
    }

    private static string? RequestId(global::System.Net.Http.HttpResponseMessage response)
    {
        foreach (var name in new[] { "x-request-id", "request-id" })
        {
            if (response.Headers.TryGetValues(name, out var values))
            {
                foreach (var value in values)
                {
                    return value;
                }
            }
        }

        return null;
    }
}
