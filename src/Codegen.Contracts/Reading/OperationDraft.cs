using System.Collections.Generic;
using Codegen.Contracts.Model;

namespace Codegen.Contracts.Reading;

// Operations as read from a contract (an OpenAPI document or a JSON Schema's x-codegen), before their
// schemas become types: schemas are named by JSON pointer. ContractParser turns them into OperationSpecs.

internal sealed class OperationDraft
{
    /// <summary>The JSON pointers of every schema the operations name: parameters, bodies, responses and stream events.</summary>
    internal static IEnumerable<string> SchemaPointers(IEnumerable<OperationDraft> operations)
    {
        foreach (var operation in operations)
        {
            foreach (var parameter in operation.Parameters)
            {
                if (parameter.SchemaPointer is { } pointer)
                {
                    yield return pointer;
                }
            }

            if (operation.Body?.SchemaPointer is { } body)
            {
                yield return body;
            }

            foreach (var response in operation.Responses)
            {
                if (response.SchemaPointer is { } pointer)
                {
                    yield return pointer;
                }
            }

            if (operation.Stream is { } stream)
            {
                yield return stream.EventSchemaPointer;
            }
        }
    }

    public required string Name { get; init; }

    public string? OperationId { get; init; }

    /// <summary>Upper-case HTTP method.</summary>
    public required string Method { get; init; }

    public required string Path { get; init; }

    public string? Summary { get; init; }

    public string? Description { get; init; }

    public bool IsDeprecated { get; init; }

    public List<string> Tags { get; } = new();

    public List<ParameterDraft> Parameters { get; } = new();

    public BodyDraft? Body { get; set; }

    public List<ResponseDraft> Responses { get; } = new();

    public StreamDraft? Stream { get; set; }

    /// <summary>The security schemes the operation accepts (any one of them); null when the document's default applies.</summary>
    public List<string>? Security { get; set; }

    public List<ServerSpec> Servers { get; } = new();

    /// <summary>Where the operation is written, for diagnostics.</summary>
    public required string Pointer { get; init; }
}

internal sealed record ParameterDraft(
    string Name,
    ParameterLocation Location,
    bool IsRequired,
    string? SchemaPointer,
    ParameterStyle Style,
    bool Explode,
    string? Description,
    bool IsDeprecated,
    string Pointer);

internal sealed record BodyDraft(string MediaType, BodyKind Kind, string? SchemaPointer, bool IsRequired, string? Description, string Pointer)
{
    /// <summary>The content types the media type's <c>encoding</c> object gives parts, by property.</summary>
    public List<PartEncodingSpec> Encodings { get; init; } = new();
}

internal sealed record ResponseDraft(string Status, string? Description, string? MediaType, BodyKind Kind, string? SchemaPointer, string Pointer)
{
    /// <summary>The media type's documented examples.</summary>
    public List<ExampleSpec> Examples { get; init; } = new();
}

/// <param name="EventSchemaPointer">The schema of one event's data.</param>
/// <param name="FlagName">The boolean request property that asks for a stream, when the request has one.</param>
/// <param name="Done">The <c>data:</c> payload that ends the stream.</param>
/// <param name="DoneIsDeclared">The contract declares the terminator, so a stream that ends without it was cut.</param>
internal sealed record StreamDraft(string EventSchemaPointer, string? FlagName, string Done, bool DoneIsDeclared, string Pointer);
