using ModelsLab.Completions;

namespace Codegen.Generated.Tests;

public class BuilderAndValidationTests
{
    public static TheoryData<string, double> DoublesInRange => new()
    {
        { "temperature", 0 }, { "temperature", 2 }, { "temperature", 1.999 },
        { "top_p", 0 }, { "top_p", 1 },
        { "presence_penalty", -2 }, { "presence_penalty", 2 },
        { "frequency_penalty", -2 }, { "frequency_penalty", 2 },
    };

    public static TheoryData<string, double> DoublesOutOfRange => new()
    {
        { "temperature", -0.0001 }, { "temperature", 2.0001 }, { "temperature", double.NaN }, { "temperature", double.PositiveInfinity }, { "temperature", double.NegativeInfinity },
        { "top_p", -0.1 }, { "top_p", 1.1 }, { "top_p", double.NaN },
        { "presence_penalty", -2.5 }, { "presence_penalty", 2.5 }, { "presence_penalty", double.PositiveInfinity },
        { "frequency_penalty", -2.0001 }, { "frequency_penalty", 3 }, { "frequency_penalty", double.NegativeInfinity },
    };

    [Theory]
    [MemberData(nameof(DoublesInRange))]
    public void BuilderAcceptsValuesOnAndInsideTheBounds(string field, double value)
    {
        var request = Set(CompletionRequest.CreateBuilder("p"), field, value).Build();
        Assert.Empty(request.Validate());
        Assert.Equal(value, Get(request, field));
    }

    [Theory]
    [MemberData(nameof(DoublesOutOfRange))]
    public void BuilderRejectsValuesOutsideTheBoundsNamingFieldRangeAndValue(string field, double value)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Set(CompletionRequest.CreateBuilder("p"), field, value));

        // NaN and the infinities are not JSON numbers at all, so the rule they break is the number itself, not its range.
        Assert.Contains(double.IsFinite(value) ? $"'{field}' must be between" : $"'{field}' must be a finite number", ex.Message);
        Assert.Contains(value.ToString("R", System.Globalization.CultureInfo.InvariantCulture), ex.Message);
    }

    [Theory]
    [MemberData(nameof(DoublesOutOfRange))]
    public void ValidateReportsValuesSetWithoutTheBuilder(string field, double value)
    {
        var request = With(new CompletionRequest { Prompt = "p" }, field, value);
        var violation = Assert.Single(request.Validate());
        Assert.Equal("$." + field, violation.Path);
        if (double.IsFinite(value))
        {
            Assert.StartsWith("must be between", violation.Rule);
            Assert.Equal(value.ToString("R", System.Globalization.CultureInfo.InvariantCulture), violation.Value);
        }
        else
        {
            // Written as .NET names them ("NaN", "Infinity"): not lost, and not a number the rules accept.
            Assert.Equal("must be a number", violation.Rule);
            Assert.Equal("'" + value.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "'", violation.Value);
        }
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(44000, true)]
    [InlineData(128, true)]
    [InlineData(0, false)]
    [InlineData(44001, false)]
    [InlineData(-1, false)]
    [InlineData(int.MinValue, false)]
    [InlineData(int.MaxValue, false)]
    public void MaxTokensIsCheckedAsAnInteger(int value, bool valid)
    {
        var request = new CompletionRequest { Prompt = "p", MaxTokens = value };
        Assert.Equal(valid, request.Validate().Count == 0);
        if (valid)
        {
            Assert.Equal(value, CompletionRequest.CreateBuilder("p").WithMaxTokens(value).Build().MaxTokens);
        }
        else
        {
            var ex = Assert.Throws<ArgumentOutOfRangeException>(() => CompletionRequest.CreateBuilder("p").WithMaxTokens(value));
            Assert.Contains("'max_tokens' must be between 1 and 44000", ex.Message);
            Assert.Contains(value.ToString(System.Globalization.CultureInfo.InvariantCulture) + " is out of range", ex.Message);
            Assert.Equal("maxTokens", ex.ParamName);
        }
    }

    [Fact]
    public void ValidateReportsEveryViolationAtOnce()
    {
        var request = new CompletionRequest { Prompt = null!, MaxTokens = 0, Temperature = 9, TopP = -1 };
        var violations = request.Validate();
        Assert.Equal(["$.prompt", "$.max_tokens", "$.temperature", "$.top_p"], violations.Select(v => v.Path));
        var ex = Assert.Throws<ModelsLabValidationException>(request.ThrowIfInvalid);
        Assert.Equal(4, ex.Violations.Count);
        Assert.Contains("$.temperature must be between 0 and 2; 9 is not valid", ex.Message);
    }

    [Fact]
    public void ValidateWalksIntoNestedObjects()
    {
        var response = new CompletionResponse
        {
            Object = "text_completion",
            Created = 1,
            Model = "m",
            Choices = [new CompletionChoice { Text = "a", Index = 0 }, new CompletionChoice { Text = null!, Index = 1 }],
        };
        // A required member set to null is written as null, which the contract's type does not allow.
        var violation = Assert.Single(response.Validate());
        Assert.Equal("$.choices[1].text", violation.Path);
        Assert.Equal("must be a string", violation.Rule);
    }

    [Fact]
    public void BuilderSetsEveryFieldAndNamedArgumentsWork()
    {
        var request = CompletionRequest.CreateBuilder(prompt: new[] { "a", "b" })
            .WithModel("m").WithMaxTokens(10).WithTemperature(temperature: 1).WithTopP(0.5)
            .WithPresencePenalty(0).WithFrequencyPenalty(0).WithStream(true).WithStop(new List<string> { "x" })
            .Build();

        Assert.Equal(new CompletionRequest
        {
            Prompt = new[] { "a", "b" }, Model = "m", MaxTokens = 10, Temperature = 1, TopP = 0.5,
            PresencePenalty = 0, FrequencyPenalty = 0, Stream = true, Stop = new[] { "x" },
        }, request);
        Assert.Throws<ArgumentNullException>(() => CompletionRequest.CreateBuilder(null!));
    }

    [Fact]
    public void DefaultsComeFromTheContract()
    {
        Assert.Equal(128, CompletionRequest.Defaults.MaxTokens);
        Assert.Equal(1d, CompletionRequest.Defaults.Temperature);
        Assert.Equal("ModelsLab/Llama-3.1-8b-Uncensored-Dare", CompletionRequest.Defaults.Model);
        Assert.False(CompletionRequest.Defaults.Stream);
    }

    private static CompletionRequest.Builder Set(CompletionRequest.Builder builder, string field, double value) => field switch
    {
        "temperature" => builder.WithTemperature(value),
        "top_p" => builder.WithTopP(value),
        "presence_penalty" => builder.WithPresencePenalty(value),
        "frequency_penalty" => builder.WithFrequencyPenalty(value),
        _ => throw new ArgumentException(field),
    };

    private static CompletionRequest With(CompletionRequest request, string field, double value) => field switch
    {
        "temperature" => request with { Temperature = value },
        "top_p" => request with { TopP = value },
        "presence_penalty" => request with { PresencePenalty = value },
        "frequency_penalty" => request with { FrequencyPenalty = value },
        _ => throw new ArgumentException(field),
    };

    private static double? Get(CompletionRequest request, string field) => field switch
    {
        "temperature" => request.Temperature,
        "top_p" => request.TopP,
        "presence_penalty" => request.PresencePenalty,
        "frequency_penalty" => request.FrequencyPenalty,
        _ => throw new ArgumentException(field),
    };
}
