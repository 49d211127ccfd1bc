namespace Codegen.Rules.Tests;

public sealed class JsonTests
{
    [Theory]
    [InlineData("{\"a\":1,\"b\":[true,null]}", "{\"b\":[true,null],\"a\":1.0}")]
    [InlineData("[1,2]", "[1.0,2e0]")]
    [InlineData("\"x\"", "\"\\u0078\"")]
    [InlineData("{}", "{ }")]
    public void Json_equality_is_JSON_Schema_equality(string left, string right)
    {
        var a = CodegenJson.Parse(left);
        var b = CodegenJson.Parse(right);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Theory]
    [InlineData("[1,2]", "[2,1]")]
    [InlineData("{\"a\":1}", "{\"a\":1,\"b\":1}")]
    [InlineData("true", "1")]
    [InlineData("false", "0")]
    [InlineData("null", "false")]
    [InlineData("\"1\"", "1")]
    [InlineData("[]", "{}")]
    public void Different_values_differ(string left, string right) =>
        Assert.NotEqual(CodegenJson.Parse(left), CodegenJson.Parse(right));

    [Theory]
    [InlineData("{\"a\":1,}", "trailing commas", 0, 7)]
    [InlineData("[1,]", "trailing commas", 0, 3)]
    [InlineData("{\n  \"a\": 1,\n  \"a\": 2\n}", "appears twice", 2, 2)]
    [InlineData("{\"a\" 1}", "':' was expected", 0, 5)]
    [InlineData("01", "zero followed", 0, 1)]
    [InlineData("\"abc", "never closed", 0, 0)]
    [InlineData("\"a\tb\"", "must be escaped", 0, 2)]
    [InlineData("\"\\q\"", "not a JSON escape", 0, 1)]
    [InlineData("[1] [2]", "after the end", 0, 4)]
    [InlineData("", "empty", 0, 0)]
    [InlineData("{\"a\": tru}", "did you mean true", 0, 6)]
    [InlineData("// comment\n{}", "a value", 0, 0)]
    public void Bad_json_says_what_and_where(string text, string message, int line, int column)
    {
        var ex = Assert.Throws<CodegenJsonException>(() => CodegenJson.Parse(text));
        Assert.Contains(message, ex.Message);
        Assert.Equal((line, column), (ex.Line, ex.Column));
    }

    [Fact]
    public void Nesting_is_bounded()
    {
        var deep = new string('[', CodegenJsonParser.MaxDepth + 1) + new string(']', CodegenJsonParser.MaxDepth + 1);
        Assert.Contains("nests deeper", Assert.Throws<CodegenJsonException>(() => CodegenJson.Parse(deep)).Message);
        var allowed = new string('[', CodegenJsonParser.MaxDepth) + new string(']', CodegenJsonParser.MaxDepth);
        Assert.Equal(CodegenJsonKind.Array, CodegenJson.Parse(allowed).Kind);
    }

    [Fact]
    public void Strings_round_trip_through_escapes()
    {
        var text = "\"quote \\\" backslash \\\\ newline \\n tab \\t nul \\u0000 lone \\ud800 pair \\ud83d\\ude00 sep \\u2028\"";
        var value = CodegenJson.Parse(text);
        Assert.Equal("quote \" backslash \\ newline \n tab \t nul \0 lone \ud800 pair \ud83d\ude00 sep \u2028", value.StringValue);
        Assert.Equal(value, CodegenJson.Parse(value.ToString()));
        Assert.Equal("\"quote \\\" backslash \\\\ newline \\n tab \\t nul \\u0000 lone \\ud800 pair \ud83d\ude00 sep \\u2028\"", value.ToString());
    }

    [Fact]
    public void Positions_locate_values_and_member_names()
    {
        var text = "{\n  \"a\": [1, {\"b\": \"x\"}],\r\n  \"c\": null\n}";
        var positions = new CodegenJsonPositions();
        var root = CodegenJson.Parse(text, positions);
        var a = root.GetPropertyOrNull("a")!;
        Assert.True(positions.TryGet(a, out var entry));
        Assert.Equal((1, 7), positions.LineAndColumn(entry.Start));
        Assert.Equal((1, 2), positions.LineAndColumn(entry.NameStart));
        Assert.Equal("\"a\"", text.Substring(entry.NameStart, entry.NameEnd - entry.NameStart));
        Assert.Equal("[1, {\"b\": \"x\"}]", text.Substring(entry.Start, entry.End - entry.Start));

        var c = root.GetPropertyOrNull("c")!;
        Assert.True(positions.TryGet(c, out var cEntry));
        Assert.Equal((2, 7), positions.LineAndColumn(cEntry.Start));
        Assert.NotSame(CodegenJson.Null, c);
    }

    [Fact]
    public void Large_objects_find_members_by_name()
    {
        var members = Enumerable.Range(0, 50).Select(i => new KeyValuePair<string, CodegenJson>("k" + i, CodegenJson.FromInt64(i)));
        var value = CodegenJson.CreateObject(members);
        Assert.Equal(CodegenJson.FromInt64(37), value.GetPropertyOrNull("k37"));
        Assert.Null(value.GetPropertyOrNull("k50"));
        Assert.Throws<ArgumentException>(() => CodegenJson.CreateObject(new[] { new KeyValuePair<string, CodegenJson>("a", CodegenJson.Null), new KeyValuePair<string, CodegenJson>("a", CodegenJson.True) }));
    }

    [Fact]
    public void Numbers_keep_their_exact_value()
    {
        var value = CodegenJson.Parse("[1.0, 123456789012345678901234567890.5, 1E+400]");
        Assert.Equal("[1,123456789012345678901234567890.5,1E+400]", value.ToString());
    }
}
