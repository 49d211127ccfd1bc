using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.OpenApi;

namespace Codegen.Contracts.Tests;

public sealed class OverlayTests
{
    private const string Api = """
        {
          "openapi": "3.1.0",
          "info": { "title": "T", "version": "1" },
          "tags": [ { "name": "a" } ],
          "paths": {
            "/chat": { "post": { "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": { "type": "object" } } } } } } },
            "/internal": { "get": { "responses": { "204": { "description": "none" } } } }
          }
        }
        """;

    [Fact]
    public void Updates_merge_objects_append_to_arrays_and_removes_remove()
    {
        const string overlay = """
            overlay: 1.0.0
            info: { title: fixes, version: 1.0.0 }
            actions:
              - target: "$.paths['/chat'].post.responses['200'].content"
                update:
                  text/event-stream:
                    schema: { type: object }
              - target: $.tags
                update: [ { name: b } ]
              - target: "$.paths['/internal']"
                remove: true
              - target: $.info
                update: { title: Renamed }
            """;
        var (result, diagnostics) = Apply(Api, overlay);
        Assert.Empty(diagnostics.ToEquatableArray());
        Assert.NotNull(result.Find("/paths/~1chat/post/responses/200/content/application~1json"));
        Assert.NotNull(result.Find("/paths/~1chat/post/responses/200/content/text~1event-stream/schema"));
        Assert.Equal(CodegenJson.Parse("""[{"name":"a"},{"name":"b"}]"""), result.Find("/tags"));
        Assert.Null(result.Find("/paths/~1internal"));
        Assert.Equal("Renamed", result.Find("/info/title")!.StringValue);
        Assert.Equal("1", result.Find("/info/version")!.StringValue);
    }

    [Fact]
    public void Positions_survive_an_edit_above_them()
    {
        const string overlay = """{"overlay":"1.0.0","info":{"title":"x","version":"1"},"actions":[{"target":"$.paths['/chat'].post","update":{"x-extra":true}}]}""";
        var (result, _) = Apply(Api, overlay);
        var span = result.SpanOf("/paths/~1chat/post/responses");
        var line = Api.Split('\n')[span.StartLine];
        Assert.StartsWith("\"responses\"", line.Substring(span.StartColumn));

        // The added member has no place in the file: it is located at the nearest value that has one.
        var added = result.SpanOf("/paths/~1chat/post/x-extra");
        Assert.StartsWith("\"post\"", Api.Split('\n')[added.StartLine].Substring(added.StartColumn));
    }

    [Theory]
    [InlineData("""{"overlay":"1.0.0","info":{},"actions":[{"target":"$.paths['/nope']","remove":true}]}""", ContractDiagnosticIds.OverlayTargetNotFound, "selects nothing")]
    [InlineData("""{"overlay":"1.0.0","info":{},"actions":[{"target":"$.paths[","remove":true}]}""", ContractDiagnosticIds.InvalidOverlay, "JSONPath")]
    [InlineData("""{"overlay":"2.0.0","info":{},"actions":[]}""", ContractDiagnosticIds.InvalidOverlay, "Overlay Specification")]
    [InlineData("""{"overlay":"1.0.0","info":{},"actions":[{"target":"$.info"}]}""", ContractDiagnosticIds.InvalidOverlay, "changes nothing")]
    [InlineData("""{"overlay":"1.0.0","info":{},"actions":{}}""", ContractDiagnosticIds.InvalidOverlay, "actions")]
    public void Overlay_mistakes_are_reported_in_the_overlay_file(string overlay, string id, string message)
    {
        var (_, diagnostics) = Apply(Api, overlay);
        var diagnostic = Assert.Single(diagnostics.ToEquatableArray());
        Assert.Equal(id, diagnostic.Id);
        Assert.Contains(message, diagnostic.Message);
        Assert.Equal("overlay.json", diagnostic.Location.Path);
    }

    private static (ContractDocument Result, DiagnosticBag Diagnostics) Apply(string api, string overlay)
    {
        var diagnostics = new DiagnosticBag();
        var overlayPath = overlay.TrimStart().StartsWith('{') ? "overlay.json" : "overlay.yaml";
        var result = OverlayApplier.Apply(ContractDocument.Load("api.json", api), ContractDocument.Load(overlayPath, overlay), diagnostics);
        return (result, diagnostics);
    }
}
