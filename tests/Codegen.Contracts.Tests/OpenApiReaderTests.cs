using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.Model;
using Codegen.Contracts.OpenApi;

namespace Codegen.Contracts.Tests;

public sealed class OpenApiReaderTests
{
    [SharedContractFact]
    public void Every_operation_of_the_OpenAI_document_is_read()
    {
        var diagnostics = new DiagnosticBag();
        var document = ContractDocument.Load("openapi.yaml", File.ReadAllText(RepoPaths.SharedContract("openai-openapi/openapi.yaml")));
        var reader = OpenApiReader.Read(document, diagnostics);

        Assert.Empty(diagnostics.ToEquatableArray());
        Assert.Equal("OpenAI API", reader.Title);
        Assert.Equal(288, reader.Operations.Count);
        Assert.Equal(reader.Operations.Count, reader.Operations.Select(o => o.Name).Distinct().Count());
        Assert.Equal("https://api.openai.com/v1", Assert.Single(reader.Servers).Url);
        Assert.Contains(reader.SecuritySchemes, s => s.Name == "ApiKeyAuth" && s.Kind == SecurityKind.Bearer);
        Assert.Equal(["ApiKeyAuth"], reader.DefaultSecurity);

        var chat = reader.Operations.Single(o => o.OperationId == "createChatCompletion");
        Assert.Equal(("CreateChatCompletion", "POST", "/chat/completions"), (chat.Name, chat.Method, chat.Path));
        Assert.Equal(BodyKind.Json, chat.Body!.Kind);
        Assert.Equal("/paths/~1chat~1completions/post/requestBody/content/application~1json/schema", chat.Body.SchemaPointer);
        Assert.Contains(chat.Responses, r => r.Status == "200" && r.Kind == BodyKind.Json);
        Assert.Contains(chat.Responses, r => r.Status == "200" && r.Kind == BodyKind.EventStream);

        Assert.Equal(7, reader.Operations.SelectMany(o => o.Responses).Count(r => r.Kind == BodyKind.EventStream));
        // 18 operations accept multipart/form-data; one lists JSON first, which the client then sends.
        Assert.Equal(17, reader.Operations.Count(o => o.Body?.Kind == BodyKind.Multipart));
        Assert.Contains(reader.Operations, o => o.Responses.Any(r => r.Kind == BodyKind.Binary));

        var retrieve = reader.Operations.Single(o => o.OperationId == "retrieveModel");
        var model = Assert.Single(retrieve.Parameters);
        Assert.Equal(("model", ParameterLocation.Path, true, ParameterStyle.Simple), (model.Name, model.Location, model.IsRequired, model.Style));
        var list = reader.Operations.Single(o => o.OperationId == "listFiles");
        Assert.All(list.Parameters, p => Assert.Equal((ParameterLocation.Query, ParameterStyle.Form, true), (p.Location, p.Style, p.Explode)));
    }

    [SharedContractFact]
    public void ModelsLabs_document_gets_names_from_method_and_path_and_servers_per_operation()
    {
        var diagnostics = new DiagnosticBag();
        var document = ContractDocument.Load("openapi.json", File.ReadAllText(RepoPaths.SharedContract("modelslab-uncensored-chat/openapi.json")));
        var reader = OpenApiReader.Read(document, diagnostics);

        Assert.Empty(diagnostics.ToEquatableArray());
        Assert.Equal(["PostLlmUncensoredChat", "PostChatCompletions"], reader.Operations.Select(o => o.Name));
        var chat = reader.Operations[1];
        Assert.Equal("https://modelslab.com/api/uncensored-chat/v1", Assert.Single(chat.Servers).Url);
        Assert.Equal(["bearerAuth"], chat.Security);
        Assert.Null(reader.Operations[0].Security);
        Assert.DoesNotContain(chat.Responses, r => r.Kind == BodyKind.EventStream);
    }

    [Theory]
    [InlineData("createChatCompletion", "post", "/chat/completions", "CreateChatCompletion")]
    [InlineData(null, "post", "/chat/completions", "PostChatCompletions")]
    [InlineData(null, "get", "/models/{model}", "GetModelsByModel")]
    [InlineData("files.list", "get", "/files", "FilesList")]
    [InlineData(null, "delete", "/llm/uncensored_chat", "DeleteLlmUncensoredChat")]
    public void Operation_names(string? operationId, string method, string path, string expected) =>
        Assert.Equal(expected, OperationNames.From(operationId, method, path));

    [Fact]
    public void Structural_mistakes_are_reported_where_they_are()
    {
        const string text = """
            openapi: 3.0.3
            info: { title: T, version: "1" }
            paths:
              /items/{id}:
                get:
                  parameters:
                    - { name: q, in: body }
                    - $ref: '#/components/parameters/Missing'
                  responses:
                    "2OO": { description: typo }
                    "200": { description: ok }
              nope:
                get: { responses: {} }
            """;
        var diagnostics = new DiagnosticBag();
        var reader = OpenApiReader.Read(ContractDocument.Load("api.yaml", text), diagnostics);
        var found = diagnostics.ToEquatableArray().Select(d => (d.Id, d.Location.StartLine + 1, d.Message)).ToList();

        Assert.Contains(found, d => d.Id == ContractDiagnosticIds.InvalidOpenApi && d.Item2 == 7 && d.Message.Contains("'in' is 'body'"));
        Assert.Contains(found, d => d.Id == ContractDiagnosticIds.UnresolvedReference && d.Item2 == 8);
        Assert.Contains(found, d => d.Id == ContractDiagnosticIds.InvalidOpenApi && d.Item2 == 10 && d.Message.Contains("not a response status"));
        Assert.Contains(found, d => d.Id == ContractDiagnosticIds.InvalidOpenApi && d.Item2 == 5 && d.Message.Contains("'{id}'"));
        Assert.Contains(found, d => d.Id == ContractDiagnosticIds.InvalidOpenApi && d.Item2 == 12 && d.Message.Contains("must start with '/'"));
        var operation = Assert.Single(reader.Operations);
        Assert.Contains(operation.Parameters, p => p.Name == "id" && p.Location == ParameterLocation.Path && p.SchemaPointer is null);
    }

    [Fact]
    public void Response_examples_and_property_formats_reach_the_model()
    {
        const string text = """
            openapi: 3.1.0
            info: { title: T, version: "1" }
            paths:
              /things/{id}:
                get:
                  parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: { $ref: '#/components/schemas/Thing' }
                          example: { id: t1, at: "2024-01-01T00:00:00Z" }
                          examples:
                            second: { summary: two, value: { id: t2 } }
                            shared: { $ref: '#/components/examples/Shared' }
                            remote: { externalValue: 'https://example.com/thing.json' }
            components:
              examples:
                Shared: { value: { id: t3 } }
              schemas:
                Thing:
                  type: object
                  properties:
                    id: { type: string }
                    at: { type: string, format: date-time }
            """;
        var parsed = Codegen.Contracts.Reading.ContractParser.Parse("api.yaml", text);
        var response = parsed.Contract!.Operations.Single().Responses.Single();

        Assert.Equal(
            [new ExampleSpec("", """{"id":"t1","at":"2024-01-01T00:00:00Z"}"""), new ExampleSpec("second", """{"id":"t2"}"""), new ExampleSpec("shared", """{"id":"t3"}""")],
            response.Examples);
        var diagnostic = Assert.Single(parsed.Diagnostics, d => d.Id == ContractDiagnosticIds.UnsupportedConstruct);
        Assert.Equal(17, diagnostic.Location.StartLine + 1);
        Assert.Contains("externalValue", diagnostic.Message, StringComparison.Ordinal);
        var thing = parsed.Contract.Types.OfType<ObjectTypeSpec>().Single(t => t.Name == "Thing");
        Assert.Equal("date-time", thing.Properties.Single(p => p.JsonName == "at").Format);
        Assert.Null(thing.Properties.Single(p => p.JsonName == "id").Format);
    }

    [Fact]
    public void A_multipart_encoding_gives_parts_their_content_types_and_what_is_not_applied_is_reported_where_it_is()
    {
        const string text = """
            openapi: 3.1.0
            info: { title: T, version: "1" }
            paths:
              /uploads:
                post:
                  operationId: upload
                  requestBody:
                    required: true
                    content:
                      multipart/form-data:
                        schema: { $ref: '#/components/schemas/Upload' }
                        encoding:
                          offer: { contentType: application/sdp }
                          picture: { contentType: 'image/*, image/png, image/jpeg' }
                          anything: { contentType: 'image/*' }
                          tags:
                            style: spaceDelimited
                            explode: false
                            headers:
                              X-Rate-Limit: { schema: { type: integer } }
                          nothing: { contentType: text/plain }
                  responses:
                    "204": { description: done }
            components:
              schemas:
                Upload:
                  type: object
                  required: [offer]
                  properties:
                    offer: { type: string }
                    picture: { type: string, format: binary }
                    anything: { type: string, format: binary }
                    tags: { type: array, items: { type: string } }
            """;
        var parsed = Codegen.Contracts.Reading.ContractParser.Parse("api.yaml", text);
        var body = parsed.Contract!.Operations.Single().Body!;

        // A list gives its first named type; a range alone leaves the default (the file's own type).
        Assert.Equal([new PartEncodingSpec("offer", "application/sdp"), new PartEncodingSpec("picture", "image/png")], body.Encodings);
        var found = parsed.Diagnostics.Select(d => (d.Id, Line: d.Location.StartLine + 1, d.Message)).ToList();
        Assert.Contains(found, d => d.Id == ContractDiagnosticIds.UnsupportedConstruct && d.Line == 17 && d.Message.Contains("'spaceDelimited'", StringComparison.Ordinal));
        Assert.Contains(found, d => d.Id == ContractDiagnosticIds.UnsupportedConstruct && d.Line == 18 && d.Message.Contains("explode: false", StringComparison.Ordinal));
        Assert.Contains(found, d => d.Id == ContractDiagnosticIds.UnsupportedConstruct && d.Line == 19 && d.Message.Contains("'X-Rate-Limit'", StringComparison.Ordinal));
        Assert.Contains(found, d => d.Id == ContractDiagnosticIds.NoEffect && d.Line == 21 && d.Message.Contains("'nothing' names no property", StringComparison.Ordinal));
        Assert.Equal(4, found.Count(d => d.Id is ContractDiagnosticIds.UnsupportedConstruct or ContractDiagnosticIds.NoEffect));
    }

    [Fact]
    public void A_form_encoding_gives_fields_their_style_and_explode()
    {
        const string text = """
            openapi: 3.0.3
            info: { title: T, version: "1" }
            paths:
              /searches:
                post:
                  requestBody:
                    content:
                      application/x-www-form-urlencoded:
                        schema:
                          type: object
                          properties:
                            a: { type: array, items: { type: string } }
                            b: { type: array, items: { type: string } }
                            c: { type: object, properties: { k: { type: string } } }
                            d: { type: array, items: { type: string } }
                            e: { type: string }
                        encoding:
                          a: { style: pipeDelimited }
                          b: { style: form, explode: false }
                          c: { style: deepObject, explode: true }
                          d: { style: form }
                          e: { style: matrix, contentType: text/plain }
                  responses:
                    "204": { description: done }
            """;
        var diagnostics = new DiagnosticBag();
        var reader = OpenApiReader.Read(ContractDocument.Load("api.yaml", text), diagnostics);

        // Only what differs from form, exploded is kept; other styles are not exploded unless they say so.
        Assert.Equal(
            [
                new PartEncodingSpec("a", null) { Style = ParameterStyle.PipeDelimited, Explode = false },
                new PartEncodingSpec("b", null) { Style = ParameterStyle.Form, Explode = false },
                new PartEncodingSpec("c", null) { Style = ParameterStyle.DeepObject, Explode = true },
            ],
            reader.Operations.Single().Body!.Encodings);
        var found = diagnostics.ToEquatableArray().Select(d => (d.Id, Line: d.Location.StartLine + 1, d.Message)).ToList();
        Assert.Equal(2, found.Count);
        Assert.Contains(found, d => d.Id == ContractDiagnosticIds.UnsupportedConstruct && d.Line == 22 && d.Message.Contains("'matrix'", StringComparison.Ordinal));
        Assert.Contains(found, d => d.Id == ContractDiagnosticIds.UnsupportedConstruct && d.Line == 22 && d.Message.Contains("no content type of its own", StringComparison.Ordinal));
    }

    [Fact]
    public void An_encoding_on_a_JSON_body_is_reported_not_dropped_silently()
    {
        const string text = """
            openapi: 3.0.3
            info: { title: T, version: "1" }
            paths:
              /things:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema: { type: object, properties: { a: { type: string } } }
                        encoding:
                          a: { contentType: text/plain }
                  responses:
                    "204": { description: done }
            """;
        var diagnostics = new DiagnosticBag();
        var reader = OpenApiReader.Read(ContractDocument.Load("api.yaml", text), diagnostics);

        var diagnostic = Assert.Single(diagnostics.ToEquatableArray());
        Assert.Equal((ContractDiagnosticIds.UnsupportedConstruct, 10), (diagnostic.Id, diagnostic.Location.StartLine + 1));
        Assert.Contains("multipart and application/x-www-form-urlencoded bodies only", diagnostic.Message, StringComparison.Ordinal);
        Assert.Empty(reader.Operations.Single().Body!.Encodings);
    }

    [SharedContractFact]
    public void OpenAIs_realtime_call_sends_its_offer_as_application_sdp()
    {
        var diagnostics = new DiagnosticBag();
        var document = ContractDocument.Load("openapi.yaml", File.ReadAllText(RepoPaths.SharedContract("openai-openapi/openapi.yaml")));
        var reader = OpenApiReader.Read(document, diagnostics);

        var call = reader.Operations.Single(o => o.OperationId == "create-realtime-call");
        Assert.Equal([new PartEncodingSpec("sdp", "application/sdp"), new PartEncodingSpec("session", "application/json")], call.Body!.Encodings);
        Assert.Empty(diagnostics.ToEquatableArray());
    }
}
