namespace Codegen.Rules.Tests;

public sealed class JsonPointerTests
{
    [Theory]
    [InlineData("", "a", "/a")]
    [InlineData("/definitions", "a/b", "/definitions/a~1b")]
    [InlineData("/definitions", "c~d", "/definitions/c~0d")]
    [InlineData("/definitions", "~/", "/definitions/~0~1")]
    public void Names_are_escaped_when_appended(string pointer, string name, string expected) =>
        Assert.Equal(expected, CodegenJsonPointer.Append(pointer, name));

    [Theory]
    [InlineData("", new string[0])]
    [InlineData("#", new string[0])]
    [InlineData("/a/b", new[] { "a", "b" })]
    [InlineData("#/a~1b/c~0d", new[] { "a/b", "c~d" })]
    [InlineData("#/a%20b/%25/%C3%A9", new[] { "a b", "%", "é" })]
    [InlineData("/", new[] { "" })]
    [InlineData("/a//b", new[] { "a", "", "b" })]
    public void Pointers_and_fragments_split_into_tokens(string text, string[] tokens)
    {
        Assert.True(CodegenJsonPointer.TryParse(text, out var parsed));
        Assert.Equal(tokens, parsed);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("/a~2")]
    [InlineData("/a~")]
    [InlineData("#/a%2")]
    [InlineData("#/a%ZZ")]
    [InlineData("#/%C3")]
    public void Malformed_pointers_are_refused(string text) => Assert.False(CodegenJsonPointer.TryParse(text, out _));

    [Fact]
    public void Values_are_found_by_pointer()
    {
        var root = CodegenJson.Parse("""{"a": [10, {"b/c": true}], "": 1}""");
        Assert.Equal(CodegenJson.FromInt64(10), CodegenJsonPointer.Find(root, "/a/0"));
        Assert.Equal(CodegenJson.True, CodegenJsonPointer.Find(root, "#/a/1/b~1c"));
        Assert.Equal(CodegenJson.FromInt64(1), CodegenJsonPointer.Find(root, "/"));
        Assert.Same(root, CodegenJsonPointer.Find(root, ""));
        Assert.Null(CodegenJsonPointer.Find(root, "/a/01"));
        Assert.Null(CodegenJsonPointer.Find(root, "/a/2"));
        Assert.Null(CodegenJsonPointer.Find(root, "/a/-"));
        Assert.Null(CodegenJsonPointer.Find(root, "/a/0/x"));
    }

    [Fact]
    public void Fragments_normalize_to_plain_pointers()
    {
        Assert.True(CodegenJsonPointer.TryNormalize("#/definitions/a%7E1b", out var pointer));
        Assert.Equal("/definitions/a~1b", pointer);
        Assert.True(CodegenJsonPointer.TryNormalize("#", out pointer));
        Assert.Equal(string.Empty, pointer);
    }
}
