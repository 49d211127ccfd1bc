using System.Threading.Tasks;
using Xunit;

namespace Codegen.Analyzers.Tests;

public class CodeFixTests
{
    private static string InMain(string statements) => $$"""
        using Contracts;

        static class Program
        {
            const double Hot = 3;

            static void Main()
            {
                var builder = CompletionRequest.CreateBuilder("hello");
                var request = new CompletionRequest { Prompt = "x" };
                {{statements}}
            }
        }
        """;

    [Theory]
    [InlineData("builder.WithTemperature({|CG1001:3|});", "builder.WithTemperature(2);")]
    [InlineData("builder.WithTemperature({|CG1001:3.5|});", "builder.WithTemperature(2.0);")]
    [InlineData("builder.WithTemperature({|CG1001:3.5d|});", "builder.WithTemperature(2d);")]
    [InlineData("builder.WithTemperature({|CG1001:3f|});", "builder.WithTemperature(2f);")]
    [InlineData("builder.WithTemperature({|CG1001:-3|});", "builder.WithTemperature(0);")]
    [InlineData("builder.WithTemperature({|CG1001:2 * 1.5|});", "builder.WithTemperature(2.0);")]
    [InlineData("builder.WithTemperature({|CG1001:Hot|});", "builder.WithTemperature(2.0);")]
    [InlineData("builder.WithTemperature({|CG1001:double.PositiveInfinity|});", "builder.WithTemperature(2.0);")]
    [InlineData("builder.WithTemperature(temperature: {|CG1001:1e10|});", "builder.WithTemperature(temperature: 2.0);")]
    [InlineData("builder.WithMaxTokens({|CG1001:0|});", "builder.WithMaxTokens(1);")]
    [InlineData("builder.WithMaxTokens({|CG1001:0xFFFFFF|});", "builder.WithMaxTokens(44000);")]
    [InlineData("_ = request with { PresencePenalty = {|CG1001:-3|} };", "_ = request with { PresencePenalty = -2 };")]
    [InlineData("_ = request with { PresencePenalty = {|CG1001:-2.5|} };", "_ = request with { PresencePenalty = -2.0 };")]
    [InlineData("_ = request with { TopP = {|CG1001:1.5|} /* why */ };", "_ = request with { TopP = 1.0 /* why */ };")]
    [InlineData("_ = request with { N = {|CG1001:10|}, MinP = {|CG1001:5|} };", "_ = request with { N = 9, MinP = 1 };")]
    [InlineData("_ = request with { N = {|CG1001:(int)10L|} };", "_ = request with { N = 9 };")]
    [InlineData("_ = request with { MinP = {|CG1001:0|} };", "_ = request with { MinP = 1 };")]
    public Task Out_of_range_constants_are_clamped_in_their_own_style(string statements, string fixedStatements) =>
        Verify.CodeFixAsync(InMain(statements), InMain(fixedStatements));

    [Theory]
    [InlineData("builder.WithTemperature({|CG1001:double.NaN|});")]
    [InlineData("_ = request with { MinP = {|CG1001:0.0|} };")]
    [InlineData("_ = request with { TypicalP = {|CG1001:1.5|} };")]
    public Task No_fix_is_offered_without_a_nearest_value(string statements) =>
        Verify.CodeFixAsync(InMain(statements), InMain(statements));

    [Fact]
    public Task Decimal_and_float_members_keep_their_suffix() =>
        Verify.CodeFixAsync(
            """
            using System.ComponentModel.DataAnnotations;

            static class Program
            {
                static void Pay([Range(typeof(decimal), "0", "100")] decimal amount) { }
                static void Scale([Range(0d, 0.1d)] float factor) { }

                static void Main()
                {
                    Pay({|CG1001:150m|});
                    Pay({|CG1001:-1M|});
                    Scale({|CG1001:-1f|});
                }
            }
            """,
            """
            using System.ComponentModel.DataAnnotations;

            static class Program
            {
                static void Pay([Range(typeof(decimal), "0", "100")] decimal amount) { }
                static void Scale([Range(0d, 0.1d)] float factor) { }

                static void Main()
                {
                    Pay(100m);
                    Pay(0M);
                    Scale(0f);
                }
            }
            """);

    [Fact]
    public Task Fix_all_covers_every_document_in_the_project() =>
        Verify.CodeFixAsync(
            [
                InMain("builder.WithTemperature({|CG1001:3|}).WithMaxTokens({|CG1001:0|}); _ = request with { TopP = {|CG1001:7.5|} };"),
                InMain("builder.WithTemperature({|CG1001:-1.5|}).WithMaxTokens({|CG1001:99999|});").Replace("class Program", "class Other"),
            ],
            [
                InMain("builder.WithTemperature(2).WithMaxTokens(1); _ = request with { TopP = 1.0 };"),
                InMain("builder.WithTemperature(0.0).WithMaxTokens(44000);").Replace("class Program", "class Other"),
            ]);
}
