using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Codegen.Contracts.Reading;

namespace Codegen.ContractServer.Tests;

/// <summary>A small OpenAPI 3.0 document, written here, to pin what the synthesiser and the parameter reader do with each keyword.</summary>
public sealed class SmallDocumentTests(SmallDocumentTests.Served served) : IClassFixture<SmallDocumentTests.Served>
{
    private const string Document = """
        openapi: 3.0.3
        info: { title: Small, version: "1" }
        servers: [{ url: "https://api.example.com/base/v2" }]
        paths:
          /items/{id}:
            get:
              operationId: getItem
              parameters:
                - { name: id, in: path, required: true, schema: { type: integer, minimum: 1 } }
                - { name: X-Trace, in: header, required: true, schema: { type: string, minLength: 4 } }
                - { name: tags, in: query, schema: { type: array, items: { type: string, enum: [a, b] } } }
                - { name: ids, in: query, style: pipeDelimited, explode: false, schema: { type: array, items: { type: integer } } }
                - { name: filter, in: query, style: deepObject, schema: { type: object, properties: { size: { type: integer, maximum: 10 } } } }
              responses:
                "200":
                  description: ok
                  content: { application/json: { schema: { $ref: "#/components/schemas/Item" } } }
                "404":
                  description: missing
          /items/mine:
            get:
              operationId: getMine
              responses:
                "204": { description: nothing }
        components:
          schemas:
            Item:
              allOf:
                - { $ref: "#/components/schemas/Base" }
                - type: object
                  required: [count, ratio, price, code, when, day, key, mail, home, kind, shape, labels, note]
                  properties:
                    count: { type: integer, minimum: 5, maximum: 9 }
                    ratio: { type: number, exclusiveMinimum: true, minimum: 0, maximum: 1 }
                    price: { type: number, minimum: 10.01, multipleOf: 0.25 }
                    code: { type: string, minLength: 12, maxLength: 14 }
                    when: { type: string, format: date-time }
                    day: { type: string, format: date }
                    key: { type: string, format: uuid }
                    mail: { type: string, format: email }
                    home: { type: string, format: uri }
                    kind: { type: string, enum: [small, large] }
                    shape:
                      oneOf:
                        - { type: object, required: [radius], properties: { radius: { type: integer, minimum: 2 } }, additionalProperties: false }
                        - { type: object, required: [side], properties: { side: { type: integer } }, additionalProperties: false }
                    labels: { type: array, minItems: 3, maxItems: 3, items: { type: string, pattern: "^[A-Z][0-9]$" } }
                    note: { type: string, nullable: true }
            Base:
              type: object
              required: [id]
              properties:
                id: { type: string }
        """;

    [Fact]
    public async Task A_synthesised_answer_keeps_every_rule_of_its_schema_and_is_the_same_each_time()
    {
        using var first = await served.GetAsync("/base/v2/items/7", ("X-Trace", "abcd"));
        using var second = await served.GetAsync("/base/v2/items/7", ("X-Trace", "abcd"));
        var body = await first.Content.ReadAsStringAsync();
        var item = ServedDocument.Json(body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(body, await second.Content.ReadAsStringAsync());
        Assert.Empty(ServedDocument.Violations(served.Rules.Get("/components/schemas/Item"), body));
        Assert.Equal("7", (string?)item["id"]);
        Assert.InRange((int)item["count"]!, 5, 9);
        Assert.InRange((double)item["ratio"]!, double.Epsilon, 1);
        Assert.Equal(0, (decimal)item["price"]! % 0.25m);
        Assert.InRange(((string)item["code"]!).Length, 12, 14);
        Assert.Equal(TimeSpan.Zero, DateTimeOffset.Parse((string)item["when"]!, CultureInfo.InvariantCulture).Offset);
        Assert.True(DateOnly.TryParseExact((string)item["day"]!, "yyyy-MM-dd", out _));
        Assert.True(Guid.TryParse((string)item["key"]!, out _));
        Assert.Contains("@", (string)item["mail"]!, StringComparison.Ordinal);
        Assert.True(Uri.IsWellFormedUriString((string)item["home"]!, UriKind.Absolute));
        Assert.Equal("small", (string?)item["kind"]);
        Assert.True((int)item["shape"]!["radius"]! >= 2);
        Assert.Equal(3, item["labels"]!.AsArray().Count);
        Assert.Null(item["note"]);
    }

    [Fact]
    public async Task Parameters_are_read_by_their_style_and_every_violation_is_named()
    {
        using var good = await served.GetAsync("/items/3?tags=a&tags=b&ids=1|2|3&filter[size]=4", ("X-Trace", "trace-1"));
        using var bad = await served.GetAsync("/items/0?tags=a&tags=c&ids=1|x&filter[size]=40");
        var details = ServedDocument.Json(await bad.Content.ReadAsStringAsync())["error"]!["details"]!.AsArray().Select(d => (string)d!).ToList();

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(
            ["path.id must be at least 1; 0 is not valid", "header.X-Trace is required", "query.tags[1] must be one of 'a', 'b'; 'c' is not valid", "query.ids[1] must be an integer; 'x' is not valid", "query.filter.size must be at most 10; 40 is not valid"],
            details);
    }

    [Fact]
    public async Task A_literal_path_wins_over_a_template_and_a_bodiless_status_has_no_body()
    {
        using var mine = await served.GetAsync("/items/mine");

        Assert.Equal(HttpStatusCode.NoContent, mine.StatusCode);
        Assert.Empty(await mine.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Prefer_code_answers_a_documented_status_without_a_body()
    {
        using var missing = await served.GetAsync("/items/3", ("X-Trace", "abcd"), ("Prefer", "code=404"));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("code=404", missing.Headers.GetValues("Preference-Applied").Single());
        Assert.Empty(await missing.Content.ReadAsByteArrayAsync());
    }

    /// <summary>The document above, served from memory.</summary>
    public sealed class Served : ServedDocument
    {
        public Served()
            : base(new ContractInput("small.yaml", Document))
        {
        }
    }
}
