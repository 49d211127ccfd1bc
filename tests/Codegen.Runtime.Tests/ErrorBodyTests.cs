namespace Codegen.Runtime.Tests;

public sealed class ErrorBodyTests
{
    [Fact]
    public void OpenAI_error_object()
    {
        var error = CodegenErrorBody.Parse("""{"error": {"message": "Incorrect API key provided.", "type": "invalid_request_error", "param": null, "code": "invalid_api_key", "details": ["a", {"b": 1}]}}""");

        Assert.Equal("Incorrect API key provided.", error.Message);
        Assert.Equal("invalid_request_error", error.Type);
        Assert.Equal("invalid_api_key", error.Code);
        Assert.Null(error.Parameter);
        Assert.Equal(["a", """{"b": 1}"""], error.Details);
    }

    [Fact]
    public void OpenAI_compatible_error_as_a_plain_string()
    {
        var error = CodegenErrorBody.Parse("""{"error": "model not loaded"}""");

        Assert.Equal("model not loaded", error.Message);
        Assert.True(error.IsError);
    }

    [Fact]
    public void ModelsLab_status_error_with_message_or_its_misspelling()
    {
        var error = CodegenErrorBody.Parse("""{"status": "error", "message": "Invalid API key"}""");
        Assert.Equal("Invalid API key", error.Message);
        Assert.Equal("error", error.Type);

        Assert.Equal("Try again", CodegenErrorBody.Parse("""{"status": "failed", "messege": "Try again"}""").Message);
        Assert.Equal("""{"prompt":["required"]}""", CodegenErrorBody.Parse("""{"status": "error", "message": {"prompt":["required"]}}""").Message);
    }

    [Fact]
    public void FastAPI_detail_as_a_string()
    {
        var error = CodegenErrorBody.Parse("""{"detail": "Invalid API key"}""");

        Assert.Equal("Invalid API key", error.Message);
        Assert.Empty(error.Details);
    }

    [Fact]
    public void FastAPI_validation_errors_as_a_list()
    {
        var error = CodegenErrorBody.Parse("""
            {"detail": [
              {"loc": ["body", "prompt"], "msg": "field required", "type": "value_error.missing"},
              {"loc": ["body", "messages", 0, "content"], "msg": "str type expected", "type": "type_error.str", "input": 3}
            ]}
            """);

        Assert.Equal(["body.prompt: field required", "body.messages.0.content: str type expected"], error.Details);
        Assert.Equal("body.prompt: field required; body.messages.0.content: str type expected", error.Message);
        Assert.Equal("value_error.missing", error.Type);
        Assert.Equal("body.prompt", error.Parameter);
    }

    [Fact]
    public void RFC_9457_problem_details_take_detail_then_title()
    {
        var error = CodegenErrorBody.Parse("""{"type": "https://example.com/probs/out-of-credit", "title": "You do not have enough credit.", "status": 403, "detail": "Your current balance is 30, but that costs 50."}""");
        Assert.Equal("Your current balance is 30, but that costs 50.", error.Message);
        Assert.Equal("https://example.com/probs/out-of-credit", error.Type);

        var titleOnly = CodegenErrorBody.Parse("""{"type": "about:blank", "title": "Too Many Requests", "status": 429}""");
        Assert.Equal("Too Many Requests", titleOnly.Message);
        Assert.Null(titleOnly.Type);
    }

    [Fact]
    public void RFC_9457_errors_as_ASP_NET_Core_and_as_the_RFC_write_them()
    {
        var aspNet = CodegenErrorBody.Parse("""{"title": "One or more validation errors occurred.", "status": 400, "errors": {"Prompt": ["The Prompt field is required."], "Temperature": ["Out of range.", "Not a number."]}}""");
        Assert.Equal("One or more validation errors occurred.", aspNet.Message);
        Assert.Equal(["Prompt: The Prompt field is required.", "Temperature: Out of range.", "Temperature: Not a number."], aspNet.Details);

        var rfc = CodegenErrorBody.Parse("""{"type": "https://example.net/validation-error", "title": "Your request is not valid.", "errors": [{"detail": "must be a positive integer", "pointer": "#/age"}, {"detail": "must be 'green', 'red' or 'blue'"}]}""");
        Assert.Equal(["#/age: must be a positive integer", "must be 'green', 'red' or 'blue'"], rfc.Details);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>502 Bad Gateway</html>")]
    [InlineData("[1, 2]")]
    [InlineData("\"error\"")]
    [InlineData("{\"choices\": []}")]
    [InlineData("{\"status\": \"success\"}")]
    [InlineData("{\"error\": null}")]
    [InlineData("{\"detail\": []}")]
    public void Anything_else_says_nothing(string body)
    {
        var error = CodegenErrorBody.Parse(body);

        Assert.False(error.IsError);
        Assert.Empty(error.Details);
    }
}
