using System.Threading.Tasks;
using Xunit;

namespace Codegen.Analyzers.Tests;

public class ItemCountTests
{
    private static string InMain(string statements) => $$"""
        using System.Collections.Generic;
        using Contracts;

        static class Program
        {
            static void Main(int count, List<string> list)
            {
                var builder = CompletionRequest.CreateBuilder("hello");
                var request = new CompletionRequest { Prompt = "x" };
                {{statements}}
            }
        }
        """;

    [Theory]
    [InlineData("_ = request with { Stop = {|CG1004:[\"a\", \"b\", \"c\", \"d\", \"e\"]|} };")]
    [InlineData("_ = request with { Stop = {|CG1004:[]|} };")]
    [InlineData("_ = request with { Stop = {|CG1004:new[] { \"a\", \"b\", \"c\", \"d\", \"e\" }|} };")]
    [InlineData("_ = request with { Stop = {|CG1004:new string[5]|} };")]
    [InlineData("builder.WithStop({|CG1004:[\"a\", \"b\", \"c\", \"d\", \"e\"]|});")]
    [InlineData("_ = new CompletionRequest { Prompt = {|CG1004:new[] { \"a\", \"b\", \"c\", \"d\", \"e\" }|} };")]
    [InlineData("_ = new CompletionRequest { Prompt = {|CG1004:new string[0]|} };")]
    [InlineData("_ = request with { Prompt = (CompletionRequestPrompt){|CG1004:new string[] { \"a\", \"b\", \"c\", \"d\", \"e\" }|} };")]
    public Task Collections_of_known_size_outside_the_bounds_are_flagged(string statements) =>
        Verify.AnalyzerAsync(InMain(statements));

    [Theory]
    [InlineData("_ = request with { Stop = [\"a\"] };")]
    [InlineData("_ = request with { Stop = [\"a\", \"b\", \"c\", \"d\"] };")]
    [InlineData("_ = request with { Stop = new string[count] };")]
    [InlineData("_ = request with { Stop = [..list, \"a\", \"b\", \"c\", \"d\", \"e\"] };")]
    [InlineData("_ = request with { Stop = list };")]
    [InlineData("_ = new CompletionRequest { Prompt = \"a prompt much longer than four characters\" };")]
    [InlineData("_ = new CompletionRequest { Prompt = new[] { \"a\", \"b\", \"c\", \"d\" } };")]
    [InlineData("_ = CompletionRequest.CreateBuilder(\"seven!!\");")]
    public Task Strings_unknown_sizes_and_sizes_within_bounds_are_not_flagged(string statements) =>
        Verify.AnalyzerAsync(InMain(statements));

    [Fact]
    public Task Message_gives_the_bounds_and_the_count() =>
        Verify.AnalyzerAsync(
            InMain("_ = request with { Stop = {|#0:[\"a\", \"b\", \"c\", \"d\", \"e\"]|} }; _ = request with { Prompt = {|#1:new string[0]|} };"),
            Verify.Diagnostic(DiagnosticIds.ItemCountOutOfRange).WithLocation(0)
                .WithMessage("'stop' must have between 1 and 4 items; 5 were given"),
            Verify.Diagnostic(DiagnosticIds.ItemCountOutOfRange).WithLocation(1)
                .WithMessage("'prompt' must have between 1 and 4 items; 0 were given"));
}
