namespace Codegen.Runtime;

/// <summary>
/// The server answered with an error, or with a body that is not what the contract promises
/// (malformed, truncated, too large, a stream cut in the middle of an event or before its terminator).
/// </summary>
public sealed class CodegenApiException : global::System.Exception
{
    /// <summary>Creates the exception; its message must already be free of the API key.</summary>
    public CodegenApiException(string message, int statusCode, global::System.Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status code of the response.</summary>
    public int StatusCode { get; }

    /// <summary>
    /// The provider's error message, from OpenAI's <c>{"error": {"message": ...} }</c>, ModelsLab's <c>{"status": "error", "message": ...}</c>,
    /// FastAPI's <c>{"detail": ...}</c> or RFC 9457 problem details (<c>detail</c>, else <c>title</c>).
    /// </summary>
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

    /// <summary>For a stream: how many events had arrived when it failed; null for a response that is not a stream.</summary>
    public int? EventsReceived { get; init; }

    /// <summary>
    /// The error body read with the type the contract documents for this status (for example OpenAI's
    /// <c>ErrorResponse</c>), or null when the contract documents none or the body does not follow it.
    /// </summary>
    public object? Error { get; init; }

    /// <summary>The start of the raw response body (for a stream, what arrived last), at most a few kilobytes.</summary>
    public string? BodyExcerpt { get; init; }
}
