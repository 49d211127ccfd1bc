using System.Threading.Tasks;
using Codegen.CodeFixes;
using Xunit;

namespace Codegen.Analyzers.Tests;

/// <summary>Each fix on real generated code (referenced; Fix All also with the code as source), one at a time and with Fix All.</summary>
public class CodeFixTests
{
    private static string ModelsLab(string statements) => $$"""
        using ModelsLab.Completions;

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

    private static string Orders(string statements) => $$"""
        using Shop;

        static class Program
        {
            static void Main()
            {
                var builder = Order.CreateBuilder("ABC-1");
                var order = builder.Build();
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
    [InlineData("builder.WithTemperature(temperature: {|CG1001:1e10|});", "builder.WithTemperature(temperature: 2.0);")]
    [InlineData("builder.WithMaxTokens({|CG1001:0|});", "builder.WithMaxTokens(1);")]
    [InlineData("builder.WithMaxTokens({|CG1001:0xFFFFFF|});", "builder.WithMaxTokens(44000);")]
    [InlineData("_ = request with { PresencePenalty = {|CG1001:-3|} };", "_ = request with { PresencePenalty = -2 };")]
    [InlineData("_ = request with { PresencePenalty = {|CG1001:-2.5|} };", "_ = request with { PresencePenalty = -2.0 };")]
    [InlineData("_ = request with { TopP = {|CG1001:1.5|} /* why */ };", "_ = request with { TopP = 1.0 /* why */ };")]
    public Task Out_of_range_constants_are_clamped_in_their_own_style(string statements, string fixedStatements) =>
        Verify.CodeFixAsync<ClampToRangeCodeFixProvider>(GeneratedContract.ModelsLab, ModelsLab(statements), ModelsLab(fixedStatements));

    [Theory]
    [InlineData("builder.WithWeight({|CG1001:0|});", "builder.WithWeight(1);")]
    [InlineData("builder.WithWeight({|CG1001:-2|});", "builder.WithWeight(1);")]
    [InlineData("builder.WithStep({|CG1001:10.25|});", "builder.WithStep(10.0);")]
    [InlineData("_ = order with { Step = {|CG1001:-1|} };", "_ = order with { Step = 0 };")]
    public Task Exclusive_bounds_and_steps_are_respected_by_the_clamp(string statements, string fixedStatements) =>
        Verify.CodeFixAsync<ClampToRangeCodeFixProvider>(GeneratedContract.Orders, Orders(statements), Orders(fixedStatements));

    [Theory]
    [InlineData("builder.WithWeight({|CG1001:0.0|});")]
    [InlineData("builder.WithWeight({|CG1001:-0.5f|});")]
    public Task No_clamp_is_offered_on_an_exclusive_floating_point_bound(string statements) =>
        Verify.CodeFixAsync<ClampToRangeCodeFixProvider>(GeneratedContract.Orders, Orders(statements), Orders(statements));

    [Theory]
    [InlineData("builder.WithNote({|CG1002:\"abcdef\"|});", "builder.WithNote(\"abcde\");", 0)]
    [InlineData("builder.WithNote({|CG1002:\"😀😀😀😀😀😀\"|});", "builder.WithNote(\"😀😀😀😀😀\");", 0)]
    [InlineData("builder.WithColor({|CG1005:\"gren\"|});", "builder.WithColor(\"green\");", 0)]
    [InlineData("builder.WithColor({|CG1005:\"gren\"|});", "builder.WithColor(\"red\");", 1)]
    [InlineData("builder.WithColor({|CG1005:\"gren\"|});", "builder.WithColor(\"blue\");", 2)]
    [InlineData("builder.WithColor({|CG1005:\"BLUE\"|});", "builder.WithColor(\"blue\");", 0)]
    [InlineData("builder.WithSize({|CG1005:7|});", "builder.WithSize(8);", 0)]
    [InlineData("builder.WithVersion({|CG1005:3|});", "builder.WithVersion(2);", 0)]
    [InlineData("builder.WithStep({|CG1006:0.3|});", "builder.WithStep(0.25);", 0)]
    [InlineData("builder.WithStep({|CG1006:0.4|});", "builder.WithStep(0.5);", 0)]
    [InlineData("builder.WithBatch({|CG1006:25|});", "builder.WithBatch(24);", 0)]
    [InlineData("builder.WithRatio({|CG1007:double.NaN|});", "builder.WithRatio(0.5);", 0)]
    [InlineData("_ = order with { Ratio = {|CG1007:double.PositiveInfinity|} };", "_ = order with { Ratio = 0.5 };", 0)]
    public Task Values_the_contract_does_not_allow_are_replaced_by_ones_it_does(string statements, string fixedStatements, int actionIndex) =>
        Verify.CodeFixAsync<UseAllowedValueCodeFixProvider>(GeneratedContract.Orders, Orders(statements), Orders(fixedStatements), actionIndex);

    [Theory]
    [InlineData("builder.WithNote({|CG1002:\"a\"|});")]
    [InlineData("builder.WithWeight({|CG1007:double.NaN|});")]
    public Task No_replacement_is_offered_without_a_faithful_one(string statements) =>
        Verify.CodeFixAsync<UseAllowedValueCodeFixProvider>(GeneratedContract.Orders, Orders(statements), Orders(statements));

    [Fact]
    public Task Nan_becomes_the_contract_default() =>
        Verify.CodeFixAsync<UseAllowedValueCodeFixProvider>(
            GeneratedContract.ModelsLab,
            ModelsLab("builder.WithTemperature({|CG1007:double.NaN|});"),
            ModelsLab("builder.WithTemperature(1.0);"));

    [Fact]
    public Task Fix_all_clamps_every_document_in_the_project_with_the_generated_code_as_source() =>
        Verify.CodeFixAsync<ClampToRangeCodeFixProvider>(
            GeneratedContract.ModelsLab,
            referenced: false,
            [
                ModelsLab("builder.WithTemperature({|CG1001:3|}).WithMaxTokens({|CG1001:0|}); _ = request with { TopP = {|CG1001:7.5|} };"),
                ModelsLab("builder.WithTemperature({|CG1001:-1.5|}).WithMaxTokens({|CG1001:99999|});").Replace("class Program", "class Other"),
            ],
            [
                ModelsLab("builder.WithTemperature(2).WithMaxTokens(1); _ = request with { TopP = 1.0 };"),
                ModelsLab("builder.WithTemperature(0.0).WithMaxTokens(44000);").Replace("class Program", "class Other"),
            ]);

    [Fact]
    public Task Fix_all_applies_the_closest_allowed_value_everywhere() =>
        Verify.CodeFixAsync<UseAllowedValueCodeFixProvider>(
            GeneratedContract.Orders,
            referenced: true,
            [
                Orders("builder.WithColor({|CG1005:\"gren\"|}).WithColor({|CG1005:\"Red\"|}).WithSize({|CG1005:5|});"),
                Orders("_ = order with { Color = {|CG1005:\"blu\"|}, Note = {|CG1002:\"abcdefgh\"|} };").Replace("class Program", "class Other"),
            ],
            [
                Orders("builder.WithColor(\"green\").WithColor(\"red\").WithSize(4);"),
                Orders("_ = order with { Color = \"blue\", Note = \"abcde\" };").Replace("class Program", "class Other"),
            ]);
}
