using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Codegen.Analyzers.Tests;

public class RangeTests
{
    private static string InMain(string statements) => $$"""
        using System;
        using Contracts;

        static class Program
        {
            const double Hot = 3;
            const int Lots = 50_000;
            static readonly double Cold = -1;

            static void Main(double variable)
            {
                var builder = CompletionRequest.CreateBuilder("hello");
                var request = new CompletionRequest { Prompt = "x" };
                {{statements}}
            }
        }
        """;

    [Theory]
    [InlineData("builder.WithTemperature({|CG1001:3|});")]
    [InlineData("builder.WithTemperature({|CG1001:-0.5|});")]
    [InlineData("builder.WithTemperature({|CG1001:2.0000001|});")]
    [InlineData("builder.WithTemperature(temperature: {|CG1001:3|});")]
    [InlineData("builder.WithMaxTokens({|CG1001:0|});")]
    [InlineData("builder.WithMaxTokens({|CG1001:44001|});")]
    [InlineData("builder.WithMaxTokens({|CG1001:Lots|});")]
    [InlineData("builder.WithTopP({|CG1001:1.5|});")]
    [InlineData("builder.WithTemperature({|CG1001:3f|});")]
    [InlineData("builder.WithTemperature({|CG1001:2 * 1.5|});")]
    [InlineData("builder.WithTemperature({|CG1001:Hot|});")]
    [InlineData("builder.WithTemperature({|CG1001:(double)3|});")]
    [InlineData("builder.WithTemperature({|CG1001:double.NaN|});")]
    [InlineData("builder.WithTemperature({|CG1001:double.PositiveInfinity|});")]
    [InlineData("builder.WithTemperature({|CG1001:double.NegativeInfinity|});")]
    [InlineData("builder.WithTemperature({|CG1001:1.0 / 0|});")]
    [InlineData("_ = new CompletionRequest { Prompt = \"x\", TopP = {|CG1001:1.5|} };")]
    [InlineData("_ = new CompletionRequest { Prompt = \"x\", MaxTokens = {|CG1001:-3|} };")]
    [InlineData("_ = new CompletionRequest { Prompt = \"x\", TopP = {|CG1001:double.NaN|} };")]
    [InlineData("_ = request with { PresencePenalty = {|CG1001:-2.5|} };")]
    [InlineData("_ = request with { PresencePenalty = {|CG1001:2.5|} };")]
    [InlineData("_ = request with { Temperature = (double?){|CG1001:3|} };")]
    [InlineData("_ = request with { MinP = {|CG1001:0|} };")]
    [InlineData("_ = request with { MinP = {|CG1001:-1|} };")]
    [InlineData("_ = request with { MinP = {|CG1001:1.01|} };")]
    [InlineData("_ = request with { TypicalP = {|CG1001:1|} };")]
    [InlineData("_ = request with { N = {|CG1001:10|} };")]
    [InlineData("_ = request with { N = {|CG1001:-1|} };")]
    public Task Out_of_range_constants_are_flagged(string statements) =>
        Verify.AnalyzerAsync(InMain(statements));

    [Theory]
    [InlineData("builder.WithTemperature(0).WithTemperature(2).WithTemperature(1.5).WithTemperature(-0.0);")]
    [InlineData("builder.WithMaxTokens(1).WithMaxTokens(44000).WithMaxTokens((int)44000.9);")]
    [InlineData("_ = new CompletionRequest { Prompt = \"x\", TopP = 0, Temperature = 2, PresencePenalty = -2, MaxTokens = 1 };")]
    [InlineData("_ = request with { MinP = 1, TypicalP = 0.5, N = 9, PresencePenalty = 2 };")]
    [InlineData("_ = request with { N = 0, MinP = double.Epsilon, TopP = null };")]
    public Task Values_within_range_and_on_the_bounds_are_not_flagged(string statements) =>
        Verify.AnalyzerAsync(InMain(statements));

    [Theory]
    [InlineData("builder.WithTemperature(variable);")]
    [InlineData("builder.WithTemperature(Cold);")]
    [InlineData("builder.WithTemperature(Math.Max(3, 4));")]
    [InlineData("var hot = 3.0; builder.WithTemperature(hot);")]
    [InlineData("_ = request with { Temperature = variable * 10 };")]
    public Task Non_constants_are_not_flagged(string statements) =>
        Verify.AnalyzerAsync(InMain(statements));

    [Fact]
    public Task Message_names_the_json_field_the_rule_and_the_value() =>
        Verify.AnalyzerAsync(
            InMain("builder.WithTemperature({|#0:3|}); _ = request with { MinP = {|#1:0|}, N = {|#2:10|}, TopP = {|#3:double.NaN|}, Temperature = {|#4:2 * 1.5|} };"),
            Verify.Diagnostic(DiagnosticIds.ValueOutOfRange).WithLocation(0)
                .WithMessage("'temperature' must be between 0 and 2; 3 is out of range"),
            Verify.Diagnostic(DiagnosticIds.ValueOutOfRange).WithLocation(1)
                .WithMessage("'min_p' must be greater than 0 and at most 1; 0 is out of range"),
            Verify.Diagnostic(DiagnosticIds.ValueOutOfRange).WithLocation(2)
                .WithMessage("'n' must be at least 0 and less than 10; 10 is out of range"),
            Verify.Diagnostic(DiagnosticIds.ValueOutOfRange).WithLocation(3)
                .WithMessage("'top_p' must be between 0 and 1; NaN is out of range"),
            Verify.Diagnostic(DiagnosticIds.ValueOutOfRange).WithLocation(4)
                .WithMessage("'temperature' must be between 0 and 2; 3 is out of range"));

    [Fact]
    public Task User_members_carrying_the_attributes_are_checked_too() =>
        Verify.AnalyzerAsync("""
            using System.ComponentModel.DataAnnotations;

            class Settings
            {
                [Range(1, 5)] public int Level { get; set; }
                [Range(0d, 0.5d)] public float Ratio;

                static void Configure([Range(typeof(decimal), "0", "100")] decimal amount) { }

                static void Main()
                {
                    var settings = new Settings();
                    settings.Level = {|#0:9|};
                    settings.Ratio = {|CG1001:0.75f|};
                    Configure({|CG1001:150m|});
                    Configure(100m);
                }
            }
            """,
            Verify.Diagnostic(DiagnosticIds.ValueOutOfRange).WithLocation(0)
                .WithMessage("'Level' must be between 1 and 5; 9 is out of range"));

    [Fact]
    public Task Generated_code_is_skipped() =>
        Verify.AnalyzerAsync("""
            // <auto-generated/>
            static class Generated
            {
                static void Main() => Contracts.CompletionRequest.CreateBuilder("x").WithTemperature(3);
            }
            """);

    [Fact]
    public Task Severity_is_configurable_per_id_in_editorconfig() =>
        Verify.AnalyzerAsync(
            InMain("builder.WithTemperature({|#0:3|}); builder.WithUser({|CG1002:\"a\"|});"),
            "root = true\n[*]\ndotnet_diagnostic.CG1001.severity = warning\n",
            Verify.Diagnostic(DiagnosticIds.ValueOutOfRange).WithLocation(0).WithSeverity(DiagnosticSeverity.Warning)
                .WithArguments("temperature", "between 0 and 2", "3"));

    [Fact]
    public Task A_diagnostic_can_be_turned_off_in_editorconfig() =>
        Verify.AnalyzerAsync(
            InMain("builder.WithTemperature(3);"),
            "root = true\n[*]\ndotnet_diagnostic.CG1001.severity = none\n");
}
