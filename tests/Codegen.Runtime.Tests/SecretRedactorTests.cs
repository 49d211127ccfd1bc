namespace Codegen.Runtime.Tests;

public sealed class SecretRedactorTests
{
    private const string Ordinary = "This model's maximum context length is 4096 tokens; the exact text exceeds it.";

    public static TheoryData<string> Keys => new()
    {
        "x",
        "e",
        "abcd1234",
        "sk-7f3a9c1e5b2d4f6a8c0e7f3a9c1e5b2d4f6a8c0e7f3a9c1e5b2d4f6a8c0e7",
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public void Ordinary_words_are_never_damaged_whatever_the_key(string key)
    {
        Assert.Contains(key.Length, new[] { 1, 8, 64 });
        Assert.Equal(Ordinary, new CodegenSecretRedactor(key).Redact(Ordinary));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void The_key_as_a_whole_token_is_removed_wherever_it_stands(string key)
    {
        var redactor = new CodegenSecretRedactor(key);

        Assert.Equal("Incorrect API key provided: [redacted].", redactor.Redact($"Incorrect API key provided: {key}."));
        Assert.Equal("[redacted]", redactor.Redact(key));
        Assert.Equal("""{"key":"[redacted]","again":[redacted]}""", redactor.Redact($$"""{"key":"{{key}}","again":{{key}}}"""));
        Assert.Equal("?api_key=[redacted]&n=1", redactor.Redact($"?api_key={key}&n=1"));
    }

    [Fact]
    public void A_one_character_key_inside_words_is_left_alone()
    {
        var redactor = new CodegenSecretRedactor("x");

        Assert.Equal("maximum context length", redactor.Redact("maximum context length"));
        Assert.Equal("key [redacted] is not valid; max is 5", redactor.Redact("key x is not valid; max is 5"));
    }

    [Fact]
    public void An_eight_character_key_inside_a_longer_token_is_left_alone()
    {
        var redactor = new CodegenSecretRedactor("password");

        Assert.Equal("passwords must differ; [redacted] leaked", redactor.Redact("passwords must differ; password leaked"));
    }

    [Fact]
    public void A_long_key_is_removed_even_inside_a_longer_token()
    {
        var key = new string('k', 63) + "z";
        var redactor = new CodegenSecretRedactor(key);

        Assert.Equal("token=abc[redacted]def", redactor.Redact("token=abc" + key + "def"));
        Assert.Equal(64, key.Length);
        Assert.True(key.Length >= CodegenSecretRedactor.RedactAnywhereLength);
    }

    [Theory]
    [InlineData("Authorization: Bearer sk-other\r\nHost: api", "Authorization: [redacted]\r\nHost: api")]
    [InlineData("{'authorization': 'Bearer sk-other', 'host': 'api'}", "{'authorization': '[redacted]', 'host': 'api'}")]
    [InlineData("{\"Authorization\":\"Basic dXNlcjpwYXNz\"}", "{\"Authorization\":\"[redacted]\"}")]
    [InlineData("authorization=Bearer%20sk&next=1", "authorization=[redacted]&next=1")]
    [InlineData("Send Authorization: Bearer <key>.", "Send Authorization: [redacted]")]
    [InlineData("The Authorization header is missing.", "The Authorization header is missing.")]
    [InlineData("Authorization:", "Authorization:")]
    public void The_value_of_an_Authorization_header_written_in_the_text_is_removed_whatever_it_is(string text, string expected)
    {
        Assert.Equal(expected, new CodegenSecretRedactor(null).Redact(text));
    }

    [Fact]
    public void Without_a_key_only_Authorization_values_are_touched_and_null_stays_null()
    {
        var redactor = new CodegenSecretRedactor(string.Empty);

        Assert.Equal(Ordinary, redactor.Redact(Ordinary));
        Assert.Null(redactor.Redact(null));
        Assert.Equal(string.Empty, redactor.Redact(string.Empty));
    }
}
