using System;
using System.Collections.Generic;
using System.IO;
using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.Documents;
using Codegen.Contracts.Model;
using Codegen.Contracts.Naming;
using Codegen.Contracts.OpenApi;
using Codegen.Runtime;

namespace Codegen.Contracts.Reading;

public static partial class ContractParser
{
    /// <summary>Operations from their drafts: names, bodies, responses and streams, with the types they exchange.</summary>
    private sealed partial class Reader
    {
        private List<OperationSpec> Operations(List<OperationDraft> drafts)
        {
            var operations = new List<OperationSpec>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var draft in drafts)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var name = Identifiers.MakeUnique(draft.Name, names);
                if (name != draft.Name)
                {
                    _diagnostics.Add(ContractDiagnosticIds.NameCollision, _document.SpanOf(draft.Pointer),
                        $"Two operations are named '{draft.Name}'; this one is generated as '{name}'. Give each operation its own operationId.");
                }

                var operation = Operation(draft, name);
                if (_schemas.Dialect is not (CodegenSchemaDialect.OpenApi30 or CodegenSchemaDialect.OpenApi31) && !IsObjectExchange(operation))
                {
                    _diagnostics.Add(ContractDiagnosticIds.InvalidVendorExtension, _document.SpanOf(draft.Pointer),
                        $"Operation '{name}': its request and response must refer to object definitions ('#/definitions/Name'); it is not generated.");
                    continue;
                }

                if (_schemas.Dialect is CodegenSchemaDialect.OpenApi30 or CodegenSchemaDialect.OpenApi31)
                {
                    ReportClientSupport(draft, operation);
                }

                operations.Add(operation);
            }

            return operations;
        }

        /// <summary>What the client leaves out of an operation, said at the operation (see <see cref="ClientSupport"/>).</summary>
        private void ReportClientSupport(OperationDraft draft, OperationSpec operation)
        {
            if (ClientSupport.Unsupported(operation) is { } reason)
            {
                _diagnostics.Add(ContractDiagnosticIds.UnsupportedConstruct, _document.SpanOf(draft.Pointer),
                    $"Operation '{operation.Name}' ({operation.Method} {JsonPointer.Excerpt(operation.Path)}) gets no client method: {reason}. The contract server still serves it; call it with your own HttpClient.");
            }
            else if (operation.Stream is not null && ClientSupport.StreamingUnsupported(operation) is { } streaming)
            {
                _diagnostics.Add(ContractDiagnosticIds.UnsupportedConstruct, _document.SpanOf(draft.Pointer),
                    $"Operation '{operation.Name}' gets no {operation.Name}StreamingAsync: {streaming}. {operation.Name}Async is generated.");
            }
        }

        /// <summary>An x-codegen operation sends an object (or nothing) and receives one.</summary>
        private static bool IsObjectExchange(OperationSpec operation) =>
            (operation.Body is null || operation.Body.Type.Kind == TypeRefKind.Object) && operation.Success?.Type?.Kind == TypeRefKind.Object;

        private OperationSpec Operation(OperationDraft draft, string name)
        {
            // The names the generated methods use themselves: a parameter of the same name is renamed.
            var parameterNames = new HashSet<string>(StringComparer.Ordinal) { "cancellationToken", "body", "options", "stream", "message", "activity", "response", "request", "events", "item", "ex", "streaming" };
            var parameters = new List<ParameterSpec>();
            foreach (var parameter in draft.Parameters)
            {
                var resolved = parameter.SchemaPointer is { } pointer
                    ? _types.ResolveAt(pointer, name + Identifiers.ToPascalCase(parameter.Name, "Parameter"))
                    : new TypeMapper.Resolved(TypeRef.String, false);
                var parameterName = Identifiers.ToCamelCase(Identifiers.ToPascalCase(parameter.Name, "Parameter"));
                var unique = Identifiers.MakeUnique(parameterName.TrimStart('@'), parameterNames);
                parameters.Add(new ParameterSpec
                {
                    Name = parameter.Name,
                    ParameterName = unique == parameterName.TrimStart('@') ? parameterName : unique,
                    Location = parameter.Location,
                    IsRequired = parameter.IsRequired,
                    Type = resolved.Type,
                    IsNullable = resolved.Nullable,
                    Style = parameter.Style,
                    Explode = parameter.Explode,
                    Description = parameter.Description,
                    IsDeprecated = parameter.IsDeprecated,
                    SchemaPointer = parameter.SchemaPointer,
                });
            }

            BodySpec? body = null;
            if (draft.Body is { } bodyDraft)
            {
                var bodyType = BodyType(bodyDraft.Kind, bodyDraft.SchemaPointer, name + "Request");
                body = new BodySpec
                {
                    Kind = bodyDraft.Kind,
                    MediaType = bodyDraft.MediaType,
                    Type = bodyType,
                    IsRequired = bodyDraft.IsRequired,
                    Description = bodyDraft.Description,
                    SchemaPointer = bodyDraft.SchemaPointer,
                    Encodings = Encodings(bodyDraft, bodyType).ToEquatableArray(),
                };
            }

            var responses = new List<ResponseSpec>();
            foreach (var response in draft.Responses)
            {
                var hint = name + (response.Status.StartsWith("2", StringComparison.Ordinal) ? string.Empty : Identifiers.ToPascalCase(response.Status, "Default"))
                    + (response.Kind == BodyKind.EventStream ? "Event" : "Response");
                responses.Add(new ResponseSpec
                {
                    Status = response.Status,
                    Description = response.Description,
                    Kind = response.Kind,
                    MediaType = response.MediaType,
                    Type = response.Kind == BodyKind.None ? null : BodyType(response.Kind, response.SchemaPointer, hint),
                    SchemaPointer = response.SchemaPointer,
                    Examples = response.Examples.ToEquatableArray(),
                });
            }

            return new OperationSpec
            {
                Name = name,
                OperationId = draft.OperationId,
                Method = draft.Method,
                Path = draft.Path,
                Summary = draft.Summary,
                Description = draft.Description,
                IsDeprecated = draft.IsDeprecated,
                Tags = draft.Tags.ToEquatableArray(),
                Parameters = parameters.ToEquatableArray(),
                Body = body,
                Responses = responses.ToEquatableArray(),
                Stream = Stream(draft, body, responses, name),
                Security = (draft.Security ?? new List<string>()).ToEquatableArray(),
                HasOwnSecurity = draft.Security is not null,
                Servers = draft.Servers.ToEquatableArray(),
            };
        }

        /// <summary>The body's part encodings that name one of its properties; one that names none is reported (CG0020) and has no effect.</summary>
        private List<PartEncodingSpec> Encodings(BodyDraft draft, TypeRef bodyType)
        {
            if (draft.Encodings.Count == 0 || FindObject(bodyType.Name) is not { } type)
            {
                return draft.Encodings;
            }

            var known = new List<PartEncodingSpec>();
            foreach (var encoding in draft.Encodings)
            {
                if (Find(type, encoding.PropertyName) is null)
                {
                    _diagnostics.Add(ContractDiagnosticIds.NoEffect, _document.SpanOf(JsonPointer.Append(JsonPointer.Append(draft.Pointer, "encoding"), encoding.PropertyName)),
                        $"The encoding '{JsonPointer.Excerpt(encoding.PropertyName)}' names no property of the body's schema, so it has no effect.");
                    continue;
                }

                known.Add(encoding);
            }

            return known;
        }

        private TypeRef BodyType(BodyKind kind, string? schemaPointer, string nameHint) => kind switch
        {
            BodyKind.Text => TypeRef.String,
            BodyKind.Binary => TypeRef.FileOf(_names.File),
            _ when schemaPointer is null => TypeRef.Any,
            _ => _types.ResolveAt(schemaPointer, nameHint).Type,
        };

        /// <summary>
        /// Streaming: the x-codegen's <c>stream</c> declaration, or a 2XX <c>text/event-stream</c> response in an OpenAPI
        /// document (with the request's boolean <c>stream</c> property as its flag, when there is one).
        /// </summary>
        private StreamSpec? Stream(OperationDraft draft, BodySpec? body, List<ResponseSpec> responses, string name)
        {
            var requestType = body?.Type is { Kind: TypeRefKind.Object } objectType ? FindObject(objectType.Name) : null;
            if (draft.Stream is { } declared)
            {
                var flag = requestType is null ? null : Find(requestType, declared.FlagName);
                if (flag is null || flag.Type.Kind != TypeRefKind.Boolean)
                {
                    _diagnostics.Add(ContractDiagnosticIds.InvalidVendorExtension, _document.SpanOf(declared.Pointer),
                        $"Operation '{name}': 'stream' needs 'flag' naming a boolean property of the request.");
                    return null;
                }

                return new StreamSpec
                {
                    EventType = _types.ResolveAt(declared.EventSchemaPointer, name + "Event").Type,
                    EventSchemaPointer = declared.EventSchemaPointer,
                    FlagJsonName = flag.JsonName,
                    FlagPropertyName = flag.Name,
                    DoneSentinel = declared.Done,
                    DoneIsRequired = declared.DoneIsDeclared,
                };
            }

            var events = responses.Find(r => r.IsSuccess && r.Kind == BodyKind.EventStream);
            if (events is null)
            {
                return null;
            }

            var streamFlag = requestType is null ? null : Find(requestType, "stream");
            return new StreamSpec
            {
                EventType = events.Type ?? TypeRef.Any,
                EventSchemaPointer = events.SchemaPointer,
                FlagJsonName = streamFlag?.Type.Kind == TypeRefKind.Boolean ? streamFlag.JsonName : null,
                FlagPropertyName = streamFlag?.Type.Kind == TypeRefKind.Boolean ? streamFlag.Name : null,
                DoneSentinel = "[DONE]",
                DoneIsRequired = false,
            };
        }

        private ObjectTypeSpec? FindObject(string? name)
        {
            foreach (var type in _types.Types)
            {
                if (type is ObjectTypeSpec spec && spec.Name == name)
                {
                    return spec;
                }
            }

            return null;
        }

        private static PropertySpec? Find(ObjectTypeSpec type, string? jsonName)
        {
            foreach (var property in type.Properties)
            {
                if (property.JsonName == jsonName)
                {
                    return property;
                }
            }

            return null;
        }
    }
}
