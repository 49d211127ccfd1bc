using System.Linq;
using Codegen.Contracts.Model;

namespace Codegen.Emitters;

/// <summary>
/// Emits the parts of the HTTP client that do not depend on the operations: the options, the API
/// exception, the retrying pipeline, the server-sent event reader and the DI registration. They are
/// written out as text so that the consumer needs no runtime library; only the prefix, namespace and
/// defaults come from the contract, each escaped for where it lands.
/// </summary>
internal static class ClientSupportEmitter
{
    public static void EmitOptions(SourceWriter w, ContractSpec contract)
    {
        var p = contract.Prefix;
        var server = contract.Servers.FirstOrDefault(s => s.IsDefault) ?? contract.Servers.FirstOrDefault();
        var environment = contract.Auth?.EnvironmentVariable;
        var baseUri = server is null ? "null" : $"new global::System.Uri({CSharp.StringLiteral(server.Url)})";
        var apiKey = environment is null ? "null" : $"global::System.Environment.GetEnvironmentVariable(ApiKeyEnvironmentVariable)";
        ClientEmitter.Block(w, $$"""
            /// <summary>Settings of a <see cref="{{p}}Client"/>. The client copies them when it is created.</summary>
            {{CSharp.GeneratedCodeAttribute}}
            public sealed class {{p}}ClientOptions
            {
            """);
        w.Indent();
        if (server is not null)
        {
            w.Summary("The contract's default server.");
            w.Line($"public const string DefaultBaseUri = {CSharp.StringLiteral(server.Url)};");
            w.Line();
        }

        if (environment is not null)
        {
            w.Summary("The environment variable the API key is read from, once, when the options are created.");
            w.Line($"public const string ApiKeyEnvironmentVariable = {CSharp.StringLiteral(environment)};");
            w.Line();
        }

        ClientEmitter.Block(w, $$"""
            /// <summary>The server's base address; operation paths are appended to it.</summary>
            public global::System.Uri? BaseUri { get; set; } = {{baseUri}};

            /// <summary>The bearer token sent with every request. Never written to messages, logs or activities.</summary>
            [global::System.Diagnostics.DebuggerBrowsable(global::System.Diagnostics.DebuggerBrowsableState.Never)]
            public string? ApiKey { get; set; } = {{apiKey}};

            /// <summary>How long one attempt may take: until the whole body has arrived, or between two events of a stream.</summary>
            public global::System.TimeSpan Timeout { get; set; } = global::System.TimeSpan.FromSeconds(100);

            /// <summary>How many times a failed attempt is retried (408, 409, 429, 5xx gateway errors, connection failures, timeouts).</summary>
            public int MaxRetries { get; set; } = 2;

            /// <summary>The first backoff delay; it doubles with every retry, with jitter.</summary>
            public global::System.TimeSpan RetryBaseDelay { get; set; } = global::System.TimeSpan.FromSeconds(0.5);

            /// <summary>The longest backoff delay.</summary>
            public global::System.TimeSpan MaxRetryDelay { get; set; } = global::System.TimeSpan.FromSeconds(8);

            /// <summary>The longest <c>Retry-After</c> the client waits for; a longer one fails at once.</summary>
            public global::System.TimeSpan MaxRetryAfter { get; set; } = global::System.TimeSpan.FromSeconds(60);

            /// <summary>Whether requests are validated against the contract before they are sent.</summary>
            public bool ValidateRequests { get; set; } = true;

            /// <summary>The largest response body read, in bytes.</summary>
            public long MaxResponseBytes { get; set; } = 16L * 1024 * 1024;

            /// <summary>The largest server-sent event read, in bytes.</summary>
            public int MaxEventBytes { get; set; } = 1024 * 1024;

            /// <summary>Lists the settings, without the API key.</summary>
            public override string ToString() =>
                "BaseUri=" + BaseUri + ", ApiKey=" + (string.IsNullOrEmpty(ApiKey) ? "(none)" : "(set)") + ", Timeout=" + Timeout + ", MaxRetries=" + MaxRetries;

            internal {{p}}ClientOptions Clone() => ({{p}}ClientOptions)MemberwiseClone();
            """);
        w.Close();
    }

    public static void EmitApiException(SourceWriter w, ContractSpec contract)
    {
        var p = contract.Prefix;
        ClientEmitter.Block(w, $$"""
            /// <summary>
            /// The server answered with an error, or with a body that is not what the contract promises
            /// (malformed, truncated, too large, a stream cut in the middle of an event).
            /// </summary>
            {{CSharp.GeneratedCodeAttribute}}
            public sealed class {{p}}ApiException : global::System.Exception
            {
                public {{p}}ApiException(string message, int statusCode, global::System.Exception? innerException = null)
                    : base(message, innerException)
                {
                    StatusCode = statusCode;
                }

                /// <summary>The HTTP status code of the response.</summary>
                public int StatusCode { get; }

                /// <summary>The provider's error message, from <c>{"error": {"message": ...} }</c> or <c>{"status":"error","message":...}</c>.</summary>
                public string? ErrorMessage { get; init; }

                /// <summary>The provider's error type, e.g. <c>invalid_request_error</c>.</summary>
                public string? ErrorType { get; init; }

                /// <summary>The provider's error code.</summary>
                public string? ErrorCode { get; init; }

                /// <summary>The parameter the error is about, when the provider names one.</summary>
                public string? ErrorParameter { get; init; }

                /// <summary>Further details the provider lists, e.g. every violation of a rejected request.</summary>
                public global::System.Collections.Generic.IReadOnlyList<string> Details { get; init; } = global::System.Array.Empty<string>();

                /// <summary>The request id the server returned (<c>x-request-id</c>), for support tickets.</summary>
                public string? RequestId { get; init; }

                /// <summary>True when the connection failed after the status arrived: the body is cut short and was retried like a connection failure.</summary>
                public bool IsConnectionFailure { get; internal set; }

                /// <summary>How long the server asked the client to wait (<c>retry-after-ms</c> or <c>Retry-After</c>).</summary>
                public global::System.TimeSpan? RetryAfter { get; init; }

                /// <summary>The start of the raw response body, at most a few kilobytes.</summary>
                public string? BodyExcerpt { get; init; }
            }
            """);
    }

    public static void EmitServiceCollectionExtensions(SourceWriter w, ContractSpec contract)
    {
        var p = contract.Prefix;
        ClientEmitter.Block(w, $$"""
            /// <summary>Registers <see cref="{{p}}Client"/> with <c>IHttpClientFactory</c>.</summary>
            {{CSharp.GeneratedCodeAttribute}}
            public static class {{p}}ClientServiceCollectionExtensions
            {
                /// <summary>
                /// Registers a transient <see cref="{{p}}Client"/> over a named <c>HttpClient</c> from the factory, which
                /// owns the handler. Returns the client builder so that handlers and policies can be added.
                /// </summary>
                public static global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder Add{{p}}Client(
                    this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services,
                    global::System.Action<{{p}}ClientOptions>? configure = null)
                {
                    if (services is null)
                    {
                        throw new global::System.ArgumentNullException(nameof(services));
                    }

                    var options = new {{p}}ClientOptions();
                    configure?.Invoke(options);
                    var builder = global::Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions.AddHttpClient(services, {{p}}Client.HttpClientName);
                    global::Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddTransient<{{p}}Client>(services, provider =>
                    {
                        var factory = global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<global::System.Net.Http.IHttpClientFactory>(provider);
                        return new {{p}}Client(factory.CreateClient({{p}}Client.HttpClientName), options);
                    });
                    return builder;
                }
            }
            """);
    }

    public static void EmitServerSentEventReader(SourceWriter w, ContractSpec contract)
    {
        var p = contract.Prefix;
        ClientEmitter.Block(w, $$"""
            /// <summary>
            /// Reads server-sent events as they arrive. Lines end with <c>\n</c>, <c>\r\n</c> or <c>\r</c>; comments and
            /// unknown fields are skipped. An event larger than the limit, or a body that ends inside an event, is an
            /// <see cref="global::System.IO.InvalidDataException"/>. The data of the last event stays UTF-8 bytes in one
            /// reused buffer (<see cref="Data"/>), so that it goes to the JSON converter without a string in between.
            /// </summary>
            {{CSharp.GeneratedCodeAttribute}}
            internal sealed class {{p}}ServerSentEventReader
            {
                private readonly global::System.IO.Stream _stream;
                private readonly int _maxEventBytes;
                private byte[] _buffer = new byte[8192];
                private byte[] _data = new byte[1024];
                private int _dataLength;
                private int _start;
                private int _end;
                private bool _endOfBody;
                private bool _skipLineFeed;
                private bool _inEvent;
                private bool _hasData;

                public {{p}}ServerSentEventReader(global::System.IO.Stream stream, int maxEventBytes)
                {
                    _stream = stream;
                    _maxEventBytes = global::System.Math.Max(1024, maxEventBytes);
                }

                /// <summary>The type of the last event read; null for the default type.</summary>
                public string? EventType { get; private set; }

                /// <summary>The last event's data lines joined by <c>\n</c>, as UTF-8; valid until the next <see cref="ReadAsync"/>.</summary>
                public global::System.ReadOnlySpan<byte> Data => new global::System.ReadOnlySpan<byte>(_data, 0, _dataLength);

                /// <summary>The last event's data as text (for an error event or an exception's excerpt).</summary>
                public string DataText() => global::System.Text.Encoding.UTF8.GetString(_data, 0, _dataLength);

                /// <summary>Whether the last event's data is exactly these UTF-8 bytes.</summary>
                public bool DataEquals(global::System.ReadOnlySpan<byte> utf8) => global::System.MemoryExtensions.SequenceEqual(Data, utf8);

                /// <summary>Reads the next event with data; false when the body ends between events.</summary>
                public global::System.Threading.Tasks.ValueTask<bool> ReadAsync(global::System.Threading.CancellationToken cancellationToken)
                {
                    _dataLength = 0;
                    _hasData = false;
                    EventType = null;
                    return TryTakeEvent() ? new global::System.Threading.Tasks.ValueTask<bool>(true) : ReadMoreAsync(cancellationToken);
                }

                private async global::System.Threading.Tasks.ValueTask<bool> ReadMoreAsync(global::System.Threading.CancellationToken cancellationToken)
                {
                    do
                    {
                        if (_endOfBody)
                        {
                            if (_inEvent || _end > _start)
                            {
                                throw new global::System.IO.InvalidDataException("The stream ended in the middle of an event.");
                            }

                            return false;
                        }

                        await FillAsync(cancellationToken).ConfigureAwait(false);
                    }
                    while (!TryTakeEvent());

                    return true;
                }

                /// <summary>Parses the complete lines in the buffer; true at the end of an event with data. Not async, because spans cannot live in async methods before C# 13.</summary>
                private bool TryTakeEvent()
                {
                    while (true)
                    {
                        if (_skipLineFeed && _start < _end)
                        {
                            if (_buffer[_start] == (byte)'\n')
                            {
                                _start++;
                            }

                            _skipLineFeed = false;
                        }

                        var pending = new global::System.ReadOnlySpan<byte>(_buffer, _start, _end - _start);
                        var index = global::System.MemoryExtensions.IndexOfAny(pending, (byte)'\r', (byte)'\n');
                        if (index < 0)
                        {
                            return false;
                        }

                        var line = pending.Slice(0, index);
                        _skipLineFeed = pending[index] == (byte)'\r';
                        _start += index + 1;
                        if (line.IsEmpty)
                        {
                            _inEvent = false;
                            if (_hasData)
                            {
                                return true;
                            }

                            EventType = null;
                            continue;
                        }

                        _inEvent = true;
                        if (line[0] == (byte)':')
                        {
                            continue;
                        }

                        var colon = global::System.MemoryExtensions.IndexOf(line, (byte)':');
                        var field = colon < 0 ? line : line.Slice(0, colon);
                        var value = colon < 0 ? default : line.Slice(colon + 1);
                        if (!value.IsEmpty && value[0] == (byte)' ')
                        {
                            value = value.Slice(1);
                        }

                        if (global::System.MemoryExtensions.SequenceEqual(field, "data"u8))
                        {
                            AppendData(value);
                        }
                        else if (global::System.MemoryExtensions.SequenceEqual(field, "event"u8))
                        {
                            EventType = global::System.Text.Encoding.UTF8.GetString(value);
                        }
                    }
                }

                private void AppendData(global::System.ReadOnlySpan<byte> value)
                {
                    var separator = _hasData ? 1 : 0;
                    var length = _dataLength + separator + value.Length;
                    if (length > _maxEventBytes)
                    {
                        throw new global::System.IO.InvalidDataException("A server-sent event is larger than MaxEventBytes (" + _maxEventBytes + ").");
                    }

                    if (length > _data.Length)
                    {
                        global::System.Array.Resize(ref _data, global::System.Math.Max(length, global::System.Math.Min(_data.Length * 2, _maxEventBytes)));
                    }

                    if (_hasData)
                    {
                        _data[_dataLength] = (byte)'\n';
                    }

                    value.CopyTo(new global::System.Span<byte>(_data, _dataLength + separator, value.Length));
                    _dataLength = length;
                    _hasData = true;
                }

                private async global::System.Threading.Tasks.ValueTask FillAsync(global::System.Threading.CancellationToken cancellationToken)
                {
                    if (_start > 0)
                    {
                        global::System.Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                        _end -= _start;
                        _start = 0;
                    }

                    if (_end == _buffer.Length)
                    {
                        if (_buffer.Length >= _maxEventBytes)
                        {
                            throw new global::System.IO.InvalidDataException("A server-sent event line is larger than MaxEventBytes (" + _maxEventBytes + ").");
                        }

                        global::System.Array.Resize(ref _buffer, global::System.Math.Min(_buffer.Length * 2, _maxEventBytes));
                    }

                    var read = await _stream.ReadAsync(new global::System.Memory<byte>(_buffer, _end, _buffer.Length - _end), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        _endOfBody = true;
                    }
                    else
                    {
                        _end += read;
                    }
                }
            }
            """);
    }

    public static void EmitPipeline(SourceWriter w, ContractSpec contract)
    {
        var p = contract.Prefix;
        ClientEmitter.Block(w, $$"""
            /// <summary>
            /// Sends requests for <see cref="{{p}}Client"/>: the per-attempt timeout, retries with backoff and jitter,
            /// <c>Retry-After</c>, bounded body reads and error parsing. Immutable after construction, so thread-safe.
            /// </summary>
            {{CSharp.GeneratedCodeAttribute}}
            internal sealed class {{p}}ClientPipeline
            {
                private const int MaxErrorBodyBytes = 64 * 1024;
                private const int MaxExcerptChars = 2048;

                private readonly global::System.Net.Http.HttpClient _http;
                private readonly string _baseUri;
                private readonly string? _apiKey;

                public {{p}}ClientPipeline(global::System.Net.Http.HttpClient http, {{p}}ClientOptions options)
                {
                    if (options.BaseUri is null)
                    {
                        throw new global::System.ArgumentException("BaseUri must be set: the contract names no default server.", nameof(options));
                    }

                    if (options.Timeout <= global::System.TimeSpan.Zero && options.Timeout != global::System.Threading.Timeout.InfiniteTimeSpan)
                    {
                        throw new global::System.ArgumentOutOfRangeException(nameof(options), "Timeout must be positive or infinite.");
                    }

                    _http = http;
                    _baseUri = options.BaseUri.AbsoluteUri.TrimEnd('/');
                    _apiKey = string.IsNullOrEmpty(options.ApiKey) ? null : options.ApiKey;
                    Options = options;
                }

                public {{p}}ClientOptions Options { get; }

                /// <summary>
                /// Sends until an attempt succeeds and <paramref name="readSuccess"/> has read it, or the retries run out.
                /// <paramref name="readSuccess"/> runs under the attempt's timeout; it owns the response it is given.
                /// </summary>
                public async global::System.Threading.Tasks.Task<T> SendAsync<T>(
                    global::System.Net.Http.HttpMethod method,
                    string path,
                    byte[]? body,
                    bool acceptEventStream,
                    global::System.Func<global::System.Net.Http.HttpResponseMessage, global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task<T>> readSuccess,
                    global::System.Threading.CancellationToken cancellationToken)
                {
                    for (var attempt = 0; ; attempt++)
                    {
                        var retriesLeft = attempt < Options.MaxRetries;
                        global::System.Exception failure;
                        global::System.TimeSpan? serverDelay = null;
                        using (var attemptCancellation = global::System.Threading.CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                        {
                            attemptCancellation.CancelAfter(Options.Timeout);
                            global::System.Net.Http.HttpResponseMessage? response = null;
                            try
                            {
                                using var request = new global::System.Net.Http.HttpRequestMessage(method, _baseUri + path);
                                if (body is not null)
                                {
                                    request.Content = new global::System.Net.Http.ByteArrayContent(body);
                                    request.Content.Headers.ContentType = new global::System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                                }

                                request.Headers.Accept.Add(new global::System.Net.Http.Headers.MediaTypeWithQualityHeaderValue(acceptEventStream ? "text/event-stream" : "application/json"));
                                if (_apiKey is not null)
                                {
                                    request.Headers.Authorization = new global::System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _apiKey);
                                }

                                response = await _http.SendAsync(request, global::System.Net.Http.HttpCompletionOption.ResponseHeadersRead, attemptCancellation.Token).ConfigureAwait(false);
                                if (response.IsSuccessStatusCode)
                                {
                                    var owned = response;
                                    response = null;
                                    return await readSuccess(owned, attemptCancellation.Token).ConfigureAwait(false);
                                }

                                var error = await CreateErrorAsync(response, method, path, attemptCancellation.Token).ConfigureAwait(false);
                                if (!IsRetryable(response.StatusCode) || !retriesLeft)
                                {
                                    throw error;
                                }

                                if (error.RetryAfter is { } retryAfter && retryAfter > Options.MaxRetryAfter)
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
                            catch ({{p}}ApiException ex) when (ex.IsConnectionFailure)
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

                        await global::System.Threading.Tasks.Task.Delay(serverDelay ?? Backoff(attempt), cancellationToken).ConfigureAwait(false);
                    }
                }

                /// <summary>
                /// Reads a whole body, at most <see cref="{{p}}ClientOptions.MaxResponseBytes"/>. With a Content-Length within
                /// the limit the body is read straight into an array of that size; otherwise into pooled buffers, copied once.
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

                private {{p}}ApiException Truncated(global::System.Net.Http.HttpResponseMessage response, byte[] received, int length, string reason, global::System.Exception? inner)
                {
                    var text = global::System.Text.Encoding.UTF8.GetString(received, 0, length);
                    var truncated = Protocol(response, "The connection closed before the whole response arrived (" + length + " bytes received): " + reason, inner, text);
                    truncated.IsConnectionFailure = true;
                    return truncated;
                }

                /// <summary>
                /// Parses a body or an event with the contract's converters. Anything else (malformed JSON, a missing
                /// required property, an error object in a 200 response) is an exception, never a half-filled value.
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
                /// Parses the data of the reader's last event with the contract's converters, straight from its UTF-8
                /// bytes; the same rules as <see cref="Deserialize{T}(global::System.Net.Http.HttpResponseMessage, byte[], global::System.Text.Json.Serialization.Metadata.JsonTypeInfo{T})"/>.
                /// Not async: the data is a span.
                /// </summary>
                public T DeserializeEvent<T>(global::System.Net.Http.HttpResponseMessage response, {{p}}ServerSentEventReader reader, global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
                {
                    try
                    {
                        var value = global::System.Text.Json.JsonSerializer.Deserialize(reader.Data, typeInfo);
                        if (value is not null)
                        {
                            return value;
                        }
                    }
                    catch (global::System.Text.Json.JsonException ex)
                    {
                        var text = reader.DataText();
                        throw ErrorInBody(response, text) ?? Protocol(response, "The response is not a valid " + typeof(T).Name + ": " + ex.Message, ex, text);
                    }

                    throw Protocol(response, "The response is null, not a " + typeof(T).Name + ".", null, reader.DataText());
                }

                /// <summary>Reads the next event of a stream into the reader; false at the end of the body. The timeout applies to the wait for each event.</summary>
                public async global::System.Threading.Tasks.ValueTask<bool> ReadEventAsync({{p}}ServerSentEventReader reader, global::System.Net.Http.HttpResponseMessage response, global::System.Threading.CancellationTokenSource idle, global::System.Threading.CancellationToken cancellationToken)
                {
                    idle.CancelAfter(Options.Timeout);
                    try
                    {
                        return await reader.ReadAsync(idle.Token).ConfigureAwait(false);
                    }
                    catch (global::System.OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                    {
                        throw;
                    }
                    catch (global::System.OperationCanceledException ex)
                    {
                        throw new global::System.TimeoutException("No server-sent event arrived within the timeout of " + Options.Timeout.TotalSeconds + " s.", ex);
                    }
                    catch (global::System.IO.InvalidDataException ex)
                    {
                        throw Protocol(response, ex.Message, ex, null);
                    }
                    catch (global::System.Exception ex) when (ex is global::System.IO.IOException or global::System.Net.Http.HttpRequestException)
                    {
                        throw Protocol(response, "The connection closed in the middle of the stream: " + ex.Message, ex, null);
                    }
                    finally
                    {
                        idle.CancelAfter(global::System.Threading.Timeout.InfiniteTimeSpan);
                    }
                }

                /// <summary>A response that does not keep the contract: malformed, truncated, too large.</summary>
                public {{p}}ApiException Protocol(global::System.Net.Http.HttpResponseMessage response, string message, global::System.Exception? inner, string? body)
                {
                    return new {{p}}ApiException(Redact(message), (int)response.StatusCode, inner)
                    {
                        RequestId = RequestId(response),
                        BodyExcerpt = body is null ? null : Excerpt(body),
                    };
                }

                /// <summary>An error carried inside a 200 response, e.g. an <c>error</c> event in a stream; null when the text holds none.</summary>
                public {{p}}ApiException? ErrorInBody(global::System.Net.Http.HttpResponseMessage response, string text)
                {
                    var error = ParseError(text);
                    if (error.Message is null && error.Type is null && error.Code is null)
                    {
                        return null;
                    }

                    return new {{p}}ApiException(Redact("The server reported an error: " + (error.Message ?? error.Type ?? error.Code)), (int)response.StatusCode)
                    {
                        ErrorMessage = Redact(error.Message),
                        ErrorType = error.Type,
                        ErrorCode = error.Code,
                        ErrorParameter = error.Parameter,
                        Details = error.Details,
                        RequestId = RequestId(response),
                        BodyExcerpt = Excerpt(text),
                    };
                }

                /// <summary>The message of an exception with the API key removed, should a server have echoed it.</summary>
                [return: global::System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
                public string? Redact(string? text)
                {
                    return text is null || _apiKey is null ? text : text.Replace(_apiKey, "[redacted]");
                }

                private async global::System.Threading.Tasks.Task<{{p}}ApiException> CreateErrorAsync(global::System.Net.Http.HttpResponseMessage response, global::System.Net.Http.HttpMethod method, string path, global::System.Threading.CancellationToken cancellationToken)
                {
                    string text;
                    try
                    {
                        var bytes = await ReadBodyAsync(response, MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false);
                        text = global::System.Text.Encoding.UTF8.GetString(bytes);
                    }
                    catch ({{p}}ApiException)
                    {
                        text = string.Empty;
                    }

                    var error = ParseError(text);
                    var status = (int)response.StatusCode;
                    var retryAfter = RetryAfter(response);
                    var message = method + " " + path + " failed with " + status + " " + response.ReasonPhrase;
                    if (error.Message is not null)
                    {
                        message += ": " + error.Message;
                    }

                    if (retryAfter is { } wait)
                    {
                        message += " (the server asked to retry after " + wait.TotalSeconds + " s" + (wait > Options.MaxRetryAfter ? ", longer than MaxRetryAfter" : string.Empty) + ")";
                    }

                    var requestId = RequestId(response);
                    if (requestId is not null)
                    {
                        message += " [request id " + requestId + "]";
                    }

                    return new {{p}}ApiException(Redact(message), status)
                    {
                        ErrorMessage = Redact(error.Message),
                        ErrorType = error.Type,
                        ErrorCode = error.Code,
                        ErrorParameter = error.Parameter,
                        Details = error.Details,
                        RequestId = requestId,
                        RetryAfter = retryAfter,
                        BodyExcerpt = Excerpt(text),
                    };
                }

                private global::System.Exception ConnectionFailed(global::System.Net.Http.HttpMethod method, string path, global::System.Exception failure)
                {
                    return new global::System.Net.Http.HttpRequestException(Redact(method + " " + path + " failed: the connection failed or closed before the response was complete (" + failure.Message + ")"), failure);
                }

                private global::System.TimeSpan Backoff(int attempt)
                {
                    var doubled = Options.RetryBaseDelay.TotalMilliseconds * global::System.Math.Pow(2, global::System.Math.Min(attempt, 30));
                    var jittered = doubled * (0.75 + (global::System.Random.Shared.NextDouble() * 0.5));
                    return global::System.TimeSpan.FromMilliseconds(global::System.Math.Min(jittered, Options.MaxRetryDelay.TotalMilliseconds));
                }

                private static bool IsRetryable(global::System.Net.HttpStatusCode status) => (int)status is 408 or 409 or 429 or 500 or 502 or 503 or 504;

                private static global::System.TimeSpan? RetryAfter(global::System.Net.Http.HttpResponseMessage response)
                {
                    if (response.Headers.TryGetValues("retry-after-ms", out var values))
                    {
                        foreach (var value in values)
                        {
                            if (double.TryParse(value, global::System.Globalization.NumberStyles.Float, global::System.Globalization.CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
                            {
                                return global::System.TimeSpan.FromMilliseconds(milliseconds);
                            }
                        }
                    }

                    var header = response.Headers.RetryAfter;
                    if (header?.Delta is { } delta)
                    {
                        return delta;
                    }

                    if (header?.Date is { } date)
                    {
                        var wait = date - global::System.DateTimeOffset.UtcNow;
                        return wait < global::System.TimeSpan.Zero ? global::System.TimeSpan.Zero : wait;
                    }

                    return null;
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

                private string? Excerpt(string text)
                {
                    if (text.Length == 0)
                    {
                        return null;
                    }

                    return Redact(text.Length <= MaxExcerptChars ? text : text.Substring(0, MaxExcerptChars) + "…");
                }

                private static ParsedError ParseError(string text)
                {
                    try
                    {
                        using var document = global::System.Text.Json.JsonDocument.Parse(text);
                        var root = document.RootElement;
                        if (root.ValueKind != global::System.Text.Json.JsonValueKind.Object)
                        {
                            return default;
                        }

                        // OpenAI style: {"error": {"message", "type", "code", "param"} }; sometimes "error" is just a string.
                        if (root.TryGetProperty("error", out var error))
                        {
                            if (error.ValueKind == global::System.Text.Json.JsonValueKind.String)
                            {
                                return new ParsedError(error.GetString(), null, null, null, global::System.Array.Empty<string>());
                            }

                            if (error.ValueKind == global::System.Text.Json.JsonValueKind.Object)
                            {
                                return new ParsedError(Text(error, "message"), Text(error, "type"), Text(error, "code"), Text(error, "param"), Details(error));
                            }
                        }

                        // ModelsLab style: {"status":"error","message":...}; the message may be a string or an object of field errors.
                        if (Text(root, "status") is "error" or "failed")
                        {
                            return new ParsedError(Text(root, "message") ?? Text(root, "messege"), "error", Text(root, "code"), null, Details(root));
                        }
                    }
                    catch (global::System.Text.Json.JsonException)
                    {
                    }

                    return default;
                }

                private static string? Text(global::System.Text.Json.JsonElement element, string name)
                {
                    if (!element.TryGetProperty(name, out var value))
                    {
                        return null;
                    }

                    return value.ValueKind switch
                    {
                        global::System.Text.Json.JsonValueKind.String => value.GetString(),
                        global::System.Text.Json.JsonValueKind.Null or global::System.Text.Json.JsonValueKind.Undefined => null,
                        _ => value.GetRawText(),
                    };
                }

                private static global::System.Collections.Generic.IReadOnlyList<string> Details(global::System.Text.Json.JsonElement element)
                {
                    if (!element.TryGetProperty("details", out var details) || details.ValueKind != global::System.Text.Json.JsonValueKind.Array)
                    {
                        return global::System.Array.Empty<string>();
                    }

                    var list = new global::System.Collections.Generic.List<string>();
                    foreach (var item in details.EnumerateArray())
                    {
                        list.Add(item.ValueKind == global::System.Text.Json.JsonValueKind.String ? item.GetString()! : item.GetRawText());
                    }

                    return list;
                }

                private readonly record struct ParsedError(string? Message, string? Type, string? Code, string? Parameter, global::System.Collections.Generic.IReadOnlyList<string>? DetailList)
                {
                    public global::System.Collections.Generic.IReadOnlyList<string> Details => DetailList ?? global::System.Array.Empty<string>();
                }
            }
            """);
    }
}
