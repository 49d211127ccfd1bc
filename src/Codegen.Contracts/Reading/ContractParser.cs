using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.Documents;
using Codegen.Contracts.Model;
using Codegen.Contracts.Naming;
using Codegen.Contracts.OpenApi;
using Codegen.Runtime;

namespace Codegen.Contracts.Reading;

/// <summary>
/// Reads a contract into a <see cref="ContractSpec"/>: a JSON Schema with an <c>x-codegen</c> extension, or an
/// OpenAPI 3.0/3.1 document (JSON or YAML), optionally changed by an overlay and narrowed to some operations.
/// Schemas mean what JSON Schema (or OpenAPI) says, read once by the rules engine; the model holds values only.
/// Never throws for a bad contract: every problem becomes a <see cref="ContractDiagnostic"/> at its line.
/// </summary>
public static class ContractParser
{
    public static ContractParseResult Parse(string path, string text, CancellationToken cancellationToken = default) =>
        Parse(new ContractInput(path, text), cancellationToken);

    public static ContractParseResult Parse(ContractInput input, CancellationToken cancellationToken = default)
    {
        var diagnostics = new DiagnosticBag();
        try
        {
            var contract = new Reader(input, diagnostics, cancellationToken).Read();
            return new ContractParseResult(diagnostics.HasErrors ? null : contract, diagnostics.ToEquatableArray());
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            diagnostics.Add(ContractDiagnosticIds.InternalError, SourceSpan.At(input.Path, 0, 0),
                $"The generator could not read this contract ({ex.GetType().Name}: {JsonPointer.Excerpt(ex.Message, 200)}). Please report it with the contract attached.");
            return new ContractParseResult(null, diagnostics.ToEquatableArray());
        }
    }

    private sealed class Reader
    {
        private readonly ContractInput _input;
        private readonly DiagnosticBag _diagnostics;
        private readonly CancellationToken _cancellationToken;
        private ContractDocument _document = null!;
        private CodegenSchemaDocument _schemas = null!;
        private TypeMapper _types = null!;
        private GeneratedNames _names = null!;

        public Reader(ContractInput input, DiagnosticBag diagnostics, CancellationToken cancellationToken)
        {
            _input = input;
            _diagnostics = diagnostics;
            _cancellationToken = cancellationToken;
        }

        public ContractSpec? Read()
        {
            try
            {
                _document = ContractDocument.Load(_input.Path, _input.Text);
            }
            catch (ContractDocumentException ex)
            {
                _diagnostics.Add(ContractDiagnosticIds.InvalidJson, SourceSpan.At(_input.Path, ex.Line, ex.Column), ex.Message);
                return null;
            }

            if (_document.Root.Kind != CodegenJsonKind.Object)
            {
                _diagnostics.Add(ContractDiagnosticIds.UnreadableSchema, _document.SpanOf(_document.Root), "A contract must be an object: a JSON Schema, or an OpenAPI document.");
                return null;
            }

            ApplyOverlay();
            _cancellationToken.ThrowIfCancellationRequested();
            var root = _document.Root;
            var openApiVersion = OpenApiReader.VersionOf(root);
            if (openApiVersion is null && root.GetPropertyOrNull("swagger") is not null)
            {
                _diagnostics.Add(ContractDiagnosticIds.InvalidOpenApi, _document.SpanOf("/swagger"),
                    "Swagger 2.0 documents are not read; convert the document to OpenAPI 3 (for example with swagger2openapi) and add that.");
                return null;
            }

            ContractKind kind;
            CodegenSchemaDialect dialect;
            if (openApiVersion is null)
            {
                kind = ContractKind.JsonSchema;
                dialect = CodegenSchemaDialects.Detect(root, CodegenSchemaDialect.Draft07);
            }
            else if (openApiVersion.StartsWith("3.0", StringComparison.Ordinal))
            {
                (kind, dialect) = (ContractKind.OpenApi30, CodegenSchemaDialect.OpenApi30);
            }
            else if (openApiVersion.StartsWith("3.1", StringComparison.Ordinal))
            {
                (kind, dialect) = (ContractKind.OpenApi31, CodegenSchemaDialect.OpenApi31);
            }
            else
            {
                _diagnostics.Add(ContractDiagnosticIds.InvalidOpenApi, _document.SpanOf("/openapi"),
                    $"OpenAPI {JsonPointer.Excerpt(openApiVersion)} is not read; the generator reads OpenAPI 3.0.x and 3.1.x documents.");
                return null;
            }

            var isOpenApi = kind != ContractKind.JsonSchema;
            var extension = VendorExtension.Read(_document, _diagnostics, isOpenApi);
            OpenApiReader? openApi = isOpenApi ? OpenApiReader.Read(_document, _diagnostics) : null;
            var (ns, prefix) = Naming(extension, openApi);
            var names = _names = new GeneratedNames(prefix);

            _schemas = new CodegenSchemaDocument(root, dialect);
            _types = new TypeMapper(_schemas, _document, _diagnostics, names, inferObjects: isOpenApi, _cancellationToken);

            var drafts = isOpenApi ? openApi!.Operations : extension.Operations;
            var selected = Select(drafts);
            var definitions = Definitions(isOpenApi, selected);
            _types.Declare(definitions);
            _types.ResolveDeclared();
            var operations = Operations(selected);
            var types = isOpenApi ? MarkSent(_types.Types, operations) : _types.Types;

            var rulePointers = RulePointers(types, operations);
            ReportProblems(rulePointers);
            CheckBounds(rulePointers);

            return new ContractSpec
            {
                FileName = Path.GetFileName(_input.Path),
                FilePath = _input.Path,
                Kind = kind,
                Namespace = ns,
                Prefix = prefix,
                Title = isOpenApi ? openApi!.Title : String(root, "title"),
                Description = isOpenApi ? openApi!.Description : String(root, "description"),
                Version = openApi?.Version,
                Rules = new RulesSpec(dialect.ToString(), RulesDocumentBuilder.Build(root, rulePointers).ToString()),
                Servers = (isOpenApi ? openApi!.Servers : extension.Servers).ToEquatableArray(),
                SecuritySchemes = Security(isOpenApi, extension, openApi, prefix).ToEquatableArray(),
                DefaultSecurity = (isOpenApi ? openApi!.DefaultSecurity : extension.Auth is { } auth ? new List<string> { auth.Name } : new List<string>()).ToEquatableArray(),
                Operations = operations.ToEquatableArray(),
                Types = types.ToEquatableArray(),
            };
        }

        private void ApplyOverlay()
        {
            if (_input.OverlayPath is not { } overlayPath)
            {
                return;
            }

            if (_input.OverlayText is not { } overlayText)
            {
                _diagnostics.Add(ContractDiagnosticIds.InvalidOverlay, SourceSpan.At(_input.Path, 0, 0),
                    $"The overlay '{JsonPointer.Excerpt(overlayPath)}' named for this contract was not found; the contract is read without it. Check the path (it is relative to the project).");
                return;
            }

            ContractDocument overlay;
            try
            {
                overlay = ContractDocument.Load(overlayPath, overlayText);
            }
            catch (ContractDocumentException ex)
            {
                _diagnostics.Add(ContractDiagnosticIds.InvalidOverlay, SourceSpan.At(overlayPath, ex.Line, ex.Column), ex.Message.Replace("The contract", "The overlay"));
                return;
            }

            _document = OverlayApplier.Apply(_document, overlay, _diagnostics);
        }

        /// <summary>Item metadata first, then <c>x-codegen</c>, then the document's title (or file name), saying which when it had to guess.</summary>
        private (string Namespace, string Prefix) Naming(VendorExtension extension, OpenApiReader? openApi)
        {
            var fileStem = Identifiers.ToPascalCase(StripSuffixes(Path.GetFileName(_input.Path)), "Contract");
            var titleStem = openApi?.Title is { Length: > 0 } title ? Identifiers.ToPascalCase(title, fileStem) : fileStem;
            var ns = Valid(_input.Namespace, Identifiers.IsValidNamespace, "Namespace") ?? extension.Namespace;
            var prefix = Valid(_input.Prefix, Identifiers.IsValidIdentifier, "Prefix") ?? extension.Prefix;
            if (ns is not null && prefix is not null)
            {
                return (ns, prefix);
            }

            if (openApi is null)
            {
                if (!extension.IsPresent)
                {
                    _diagnostics.Add(ContractDiagnosticIds.MissingVendorExtension, _document.SpanOf(_document.Root),
                        $"The contract has no '{VendorExtension.Key}' object; the namespace and prefix '{fileStem}' are derived from the file name and no client operations are generated. Add \"{VendorExtension.Key}\": {{ \"namespace\": \"...\", \"prefix\": \"...\" }} at the top level.");
                }

                return (ns ?? fileStem, prefix ?? fileStem);
            }

            var source = openApi.Title is { Length: > 0 } ? "the document's info.title" : "the file name";
            _diagnostics.Add(ContractDiagnosticIds.NamingSource, _document.SpanOf(openApi.Title is { Length: > 0 } ? "/info/title" : string.Empty),
                $"The namespace '{ns ?? titleStem}' and prefix '{prefix ?? titleStem}' come from {source}. Set them on the item to choose your own: <CodegenContract Include=\"...\" Namespace=\"...\" Prefix=\"...\" />.");
            return (ns ?? titleStem, prefix ?? titleStem);
        }

        private string? Valid(string? value, Func<string, bool> isValid, string metadata)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (isValid(value!.Trim()))
            {
                return value.Trim();
            }

            _diagnostics.Add(ContractDiagnosticIds.InvalidVendorExtension, SourceSpan.At(_input.Path, 0, 0),
                $"The item's {metadata}=\"{JsonPointer.Excerpt(value)}\" is not a valid C# {(metadata == "Namespace" ? "namespace" : "identifier")}; it is ignored.");
            return null;
        }

        private List<OperationDraft> Select(List<OperationDraft> drafts)
        {
            var selection = _input.Selection;
            if (selection.IsEverything)
            {
                return drafts;
            }

            foreach (var unmatched in selection.Unmatched(drafts))
            {
                _diagnostics.Add(ContractDiagnosticIds.SelectionMatchesNothing, SourceSpan.At(_input.Path, 0, 0),
                    $"The selection names {JsonPointer.Excerpt(unmatched)}, which matches no operation of this contract; check the spelling.");
            }

            return drafts.FindAll(selection.Selects);
        }

        /// <summary>
        /// The reusable schemas to generate, by name: every definition of a JSON Schema contract; the component
        /// schemas of an OpenAPI document, or only those the selected operations reach when a selection is given.
        /// </summary>
        private List<KeyValuePair<string, string>> Definitions(bool isOpenApi, List<OperationDraft> operations)
        {
            var result = new List<KeyValuePair<string, string>>();
            var containers = isOpenApi ? new[] { "/components/schemas" } : new[] { "/definitions", "/$defs" };
            foreach (var container in containers)
            {
                if (_document.Find(container) is { Kind: CodegenJsonKind.Object } map)
                {
                    foreach (var member in map.Members)
                    {
                        result.Add(new KeyValuePair<string, string>(member.Key, JsonPointer.Append(container, member.Key)));
                    }
                }
            }

            if (!isOpenApi || _input.Selection.IsEverything)
            {
                return result;
            }

            var reachable = new HashSet<string>(StringComparer.Ordinal);
            foreach (var schema in SchemaWalk.Reachable(_schemas, OperationSchemaPointers(operations)))
            {
                reachable.Add(schema.Pointer);
            }

            return result.FindAll(d => reachable.Contains(d.Value));
        }

        private static IEnumerable<string> OperationSchemaPointers(List<OperationDraft> operations)
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
                body = new BodySpec
                {
                    Kind = bodyDraft.Kind,
                    MediaType = bodyDraft.MediaType,
                    Type = BodyType(bodyDraft.Kind, bodyDraft.SchemaPointer, name + "Request"),
                    IsRequired = bodyDraft.IsRequired,
                    Description = bodyDraft.Description,
                    SchemaPointer = bodyDraft.SchemaPointer,
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

        /// <summary>Object types the client sends (reachable from request bodies and parameters) keep their builders; the others lose them.</summary>
        private static List<TypeSpec> MarkSent(List<TypeSpec> types, List<OperationSpec> operations)
        {
            var byName = new Dictionary<string, TypeSpec>(StringComparer.Ordinal);
            foreach (var type in types)
            {
                byName[type.Name] = type;
            }

            var sent = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<TypeRef>();
            foreach (var operation in operations)
            {
                if (operation.Body is { } body)
                {
                    pending.Push(body.Type);
                }

                foreach (var parameter in operation.Parameters)
                {
                    pending.Push(parameter.Type);
                }
            }

            while (pending.Count > 0)
            {
                var type = pending.Pop();
                if (type.Item is { } item)
                {
                    pending.Push(item);
                }

                if (type.Name is null || !sent.Add(type.Name) || !byName.TryGetValue(type.Name, out var spec))
                {
                    continue;
                }

                if (spec is ObjectTypeSpec objectType)
                {
                    foreach (var property in objectType.Properties)
                    {
                        pending.Push(property.Type);
                    }
                }
                else if (spec is UnionTypeSpec union)
                {
                    foreach (var unionCase in union.Cases)
                    {
                        pending.Push(unionCase.Type);
                    }
                }
            }

            return types.ConvertAll(t => t is ObjectTypeSpec o && !sent.Contains(o.Name) ? o with { IsSent = false } : t);
        }

        /// <summary>Every schema pointer a consumer evaluates: types, properties, union cases and the schemas of operations.</summary>
        private static List<string> RulePointers(List<TypeSpec> types, List<OperationSpec> operations)
        {
            var pointers = new List<string>();
            foreach (var type in types)
            {
                pointers.Add(type.SchemaPointer);
                switch (type)
                {
                    case ObjectTypeSpec objectType:
                        foreach (var property in objectType.Properties)
                        {
                            pointers.Add(property.SchemaPointer);
                        }

                        break;
                    case UnionTypeSpec union:
                        foreach (var unionCase in union.Cases)
                        {
                            if (unionCase.SchemaPointer is { } pointer)
                            {
                                pointers.Add(pointer);
                            }
                        }

                        break;
                }
            }

            foreach (var operation in operations)
            {
                foreach (var parameter in operation.Parameters)
                {
                    if (parameter.SchemaPointer is { } pointer)
                    {
                        pointers.Add(pointer);
                    }
                }

                if (operation.Body?.SchemaPointer is { } body)
                {
                    pointers.Add(body);
                }

                foreach (var response in operation.Responses)
                {
                    if (response.SchemaPointer is { } pointer)
                    {
                        pointers.Add(pointer);
                    }
                }
            }

            return pointers;
        }

        /// <summary>What the rules engine found while reading the schemas: each problem at its keyword.</summary>
        private void ReportProblems(List<string> pointers)
        {
            var compatibility = 0;
            string? firstCompatibility = null;
            foreach (var problem in _schemas.ReadAll(pointers))
            {
                var span = _document.SpanOf(problem.Pointer);
                switch (problem.Kind)
                {
                    case CodegenSchemaProblemKind.InvalidValue:
                        _diagnostics.Add(ContractDiagnosticIds.UnreadableSchema, span, problem.Message);
                        break;
                    case CodegenSchemaProblemKind.UnresolvedReference:
                        _diagnostics.Add(ContractDiagnosticIds.UnresolvedReference, span, problem.Message);
                        break;
                    case CodegenSchemaProblemKind.Unsupported when problem.Pointer.EndsWith("/$ref", StringComparison.Ordinal):
                        // A reference to another document: the contract cannot be read whole.
                        _diagnostics.Add(ContractDiagnosticIds.UnresolvedReference, span, problem.Message);
                        break;
                    case CodegenSchemaProblemKind.Unsupported:
                        _diagnostics.Add(ContractDiagnosticIds.UnsupportedConstruct, span, problem.Message);
                        break;
                    case CodegenSchemaProblemKind.Ignored:
                        _diagnostics.Add(ContractDiagnosticIds.NoEffect, span, problem.Message);
                        break;
                    case CodegenSchemaProblemKind.Compatibility:
                        compatibility++;
                        firstCompatibility ??= problem.Pointer;
                        break;
                }
            }

            if (firstCompatibility is not null)
            {
                // One note for the document: real 3.1 documents write 3.0's keywords by the hundred.
                _diagnostics.Add(ContractDiagnosticIds.DialectCompatibility, _document.SpanOf(firstCompatibility),
                    $"This {(_schemas.Dialect == CodegenSchemaDialect.OpenApi31 ? "OpenAPI 3.1" : "contract")} document uses OpenAPI 3.0 keywords ({compatibility.ToString(System.Globalization.CultureInfo.InvariantCulture)} times, first here, such as 'nullable: true'); they are read as OpenAPI 3.0 means them.");
            }
        }

        /// <summary>A lower bound above its upper bound leaves no valid value: almost always a typo, so it is an error.</summary>
        private void CheckBounds(List<string> pointers)
        {
            foreach (var schema in SchemaWalk.Reachable(_schemas, pointers))
            {
                var lower = schema.ExclusiveMinimum ?? schema.Minimum;
                var upper = schema.ExclusiveMaximum ?? schema.Maximum;
                if (lower is { } min && upper is { } max && (min > max || (min == max && (schema.ExclusiveMinimum is not null || schema.ExclusiveMaximum is not null))))
                {
                    Bounds(schema, schema.ExclusiveMinimum is not null ? "exclusiveMinimum" : "minimum", schema.ExclusiveMaximum is not null ? "exclusiveMaximum" : "maximum", min.ToString(), max.ToString());
                }

                if (schema.MinLength is { } minLength && schema.MaxLength is { } maxLength && minLength > maxLength)
                {
                    Bounds(schema, "minLength", "maxLength", Invariant(minLength), Invariant(maxLength));
                }

                if (schema.MinItems is { } minItems && schema.MaxItems is { } maxItems && minItems > maxItems)
                {
                    Bounds(schema, "minItems", "maxItems", Invariant(minItems), Invariant(maxItems));
                }

                if (schema.MinProperties is { } minProperties && schema.MaxProperties is { } maxProperties && minProperties > maxProperties)
                {
                    Bounds(schema, "minProperties", "maxProperties", Invariant(minProperties), Invariant(maxProperties));
                }
            }
        }

        private void Bounds(CodegenSchema schema, string lowerKeyword, string upperKeyword, string lower, string upper)
        {
            var pointer = JsonPointer.Append(schema.Pointer, lowerKeyword);
            _diagnostics.Add(ContractDiagnosticIds.InvalidBounds, _document.SpanOf(_document.Find(pointer) is not null ? pointer : schema.Pointer),
                $"'{lowerKeyword}' {lower} is {(lower == upper ? "equal to" : "above")} '{upperKeyword}' {upper}, so no value is valid. Swap or correct the bounds.");
        }

        private static List<SecuritySchemeSpec> Security(bool isOpenApi, VendorExtension extension, OpenApiReader? openApi, string prefix)
        {
            var schemes = new List<SecuritySchemeSpec>();
            if (!isOpenApi)
            {
                if (extension.Auth is { } auth)
                {
                    schemes.Add(auth);
                }

                return schemes;
            }

            // The key comes from {PREFIX}_API_KEY unless the user names another variable in the options.
            var environment = EnvironmentName(prefix);
            foreach (var scheme in openApi!.SecuritySchemes)
            {
                schemes.Add(scheme with { EnvironmentVariable = scheme.EnvironmentVariable ?? environment });
            }

            return schemes;
        }

        /// <summary><c>OpenAI</c> → <c>OPENAI_API_KEY</c>; <c>ModelsLabChat</c> → <c>MODELS_LAB_CHAT_API_KEY</c>.</summary>
        private static string EnvironmentName(string prefix)
        {
            var builder = new System.Text.StringBuilder();
            for (var i = 0; i < prefix.Length; i++)
            {
                var c = prefix[i];
                if (i > 0 && char.IsUpper(c) && !char.IsUpper(prefix[i - 1]))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToUpperInvariant(c));
            }

            return builder.Append("_API_KEY").ToString();
        }

        private static string StripSuffixes(string fileName)
        {
            foreach (var suffix in new[] { ".schema.json", ".openapi.json", ".openapi.yaml", ".openapi.yml", ".json", ".yaml", ".yml" })
            {
                if (fileName.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    return fileName.Substring(0, fileName.Length - suffix.Length);
                }
            }

            return fileName;
        }

        private static string? String(CodegenJson owner, string name) =>
            owner.GetPropertyOrNull(name) is { Kind: CodegenJsonKind.String } value ? value.StringValue : null;

        private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
