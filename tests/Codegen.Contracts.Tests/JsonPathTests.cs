namespace Codegen.Contracts.Tests;

public sealed class JsonPathTests
{
    private static readonly CodegenJson Document = CodegenJson.Parse("""
        {
          "paths": {
            "/chat/completions": { "post": { "operationId": "createChat", "tags": ["Chat"] } },
            "/models": { "get": { "operationId": "listModels", "tags": ["Models"] }, "post": { "tags": ["Models"] } }
          },
          "list": [10, 20, 30, 40],
          "a.b": { "c": true }
        }
        """);

    [Theory]
    [InlineData("$", "")]
    [InlineData("$.paths['/chat/completions'].post", "/paths/~1chat~1completions/post")]
    [InlineData("$[\"a.b\"].c", "/a.b/c")]
    [InlineData("$.list[1]", "/list/1")]
    [InlineData("$.list[-1]", "/list/3")]
    [InlineData("$.list[1:3]", "/list/1 /list/2")]
    [InlineData("$.list[::-2]", "/list/3 /list/1")]
    [InlineData("$.list[0,2]", "/list/0 /list/2")]
    [InlineData("$.paths.*.get", "/paths/~1models/get")]
    [InlineData("$..operationId", "/paths/~1chat~1completions/post/operationId /paths/~1models/get/operationId")]
    [InlineData("$.paths.*[?@.tags[0] == 'Models']", "/paths/~1models/get /paths/~1models/post")]
    [InlineData("$.paths.*[?@.operationId && @.tags[0] == 'Models']", "/paths/~1models/get")]
    [InlineData("$.paths.*[?!@.operationId]", "/paths/~1models/post")]
    [InlineData("$.list[?@ > 15 && @ <= 30]", "/list/1 /list/2")]
    [InlineData("$.paths['/nope']", "")]
    public void Queries_select_the_nodes_RFC_9535_selects(string query, string expected)
    {
        var selected = JsonPath.Parse(query).Select(Document);
        Assert.Equal(expected, query == "$" ? selected.Single() : string.Join(" ", selected));
    }

    [Theory]
    [InlineData("paths")]
    [InlineData("$.paths[")]
    [InlineData("$.paths['x")]
    [InlineData("$.[1]")]
    [InlineData("$.list[?1]")]
    public void Malformed_queries_say_where(string query) =>
        Assert.Contains("character", Assert.Throws<FormatException>(() => JsonPath.Parse(query)).Message);
}
