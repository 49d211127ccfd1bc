using Codegen.Contracts.Model;

namespace Codegen.Contracts.OpenApi;

/// <summary>
/// What the generated client can send and read for an OpenAPI operation. The parser reports what it cannot (CG0010,
/// at the operation) and the client emitter leaves those methods out, both by these rules, so that every operation is
/// either generated or named in a diagnostic with its reason.
/// </summary>
public static class ClientSupport
{
    /// <summary>Why no method is generated for <paramref name="operation"/>, or null when it is.</summary>
    public static string? Unsupported(OperationSpec operation)
    {
        if (operation.Body is { } body)
        {
            switch (body.Kind)
            {
                case BodyKind.Multipart or BodyKind.FormUrlEncoded when body.Type.Kind != TypeRefKind.Object:
                    return $"its '{body.MediaType}' request body is not an object schema, and the client writes such a body field by field from an object's properties";
                case BodyKind.EventStream or BodyKind.None:
                    return $"its request body is '{body.MediaType}', which a client does not send";
            }
        }

        if (operation.Success is { Kind: BodyKind.Multipart or BodyKind.FormUrlEncoded } success)
        {
            return $"its success response is '{success.MediaType}', which the client does not read";
        }

        if (operation.Success is null && operation.Stream is not null && StreamingUnsupported(operation) is { } streaming)
        {
            return streaming;
        }

        return null;
    }

    /// <summary>Why an operation that streams gets no <c>{Name}StreamingAsync</c>, or null when it gets one.</summary>
    public static string? StreamingUnsupported(OperationSpec operation)
    {
        if (operation.Stream is not { } stream)
        {
            return "it does not stream";
        }

        return stream.EventType.Kind is TypeRefKind.Object or TypeRefKind.Union or TypeRefKind.Enum
            ? null
            : "its events have no schema of a named type (an object, a oneOf/anyOf or an enum), so they cannot be read as typed events";
    }

    /// <summary>Whether the operation gets <c>{Name}Async</c> (besides, or instead of, its streaming method).</summary>
    public static bool HasPlainMethod(OperationSpec operation) => Unsupported(operation) is null && (operation.Success is not null || operation.Stream is null);

    /// <summary>Whether the operation gets <c>{Name}StreamingAsync</c>.</summary>
    public static bool HasStreamingMethod(OperationSpec operation) => Unsupported(operation) is null && StreamingUnsupported(operation) is null;
}
