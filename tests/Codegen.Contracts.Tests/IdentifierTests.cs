using Codegen.Contracts.Naming;

namespace Codegen.Contracts.Tests;

public sealed class IdentifierTests
{
    [Theory]
    [InlineData("max_tokens", "MaxTokens", "MaxTokens")]
    // A type called System would hide the namespace from user code beside it; a member cannot.
    [InlineData("system", "System_", "System")]
    [InlineData("global", "Global_", "Global")]
    [InlineData("1st", "_1st", "_1st")]
    [InlineData("", "Fallback", "Fallback")]
    public void Types_and_members_are_named_alike_except_where_a_type_would_hide_a_namespace(string json, string type, string member)
    {
        Assert.Equal(type, Identifiers.ToPascalCase(json, "Fallback"));
        Assert.Equal(member, Identifiers.ToMemberName(json, "Fallback"));
    }
}
