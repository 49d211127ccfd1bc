using System.Threading.Tasks;
using Xunit;

namespace Codegen.Analyzers.Tests;

public class StringAndEnumTests
{
    private static string InMain(string statements) => $$"""
        using Contracts;

        static class Program
        {
            const string Short = "a";

            static void Main(string variable)
            {
                var builder = CompletionRequest.CreateBuilder("hello");
                var request = new CompletionRequest { Prompt = "x" };
                {{statements}}
            }
        }
        """;

    [Theory]
    [InlineData("builder.WithUser({|CG1002:\"a\"|});")]
    [InlineData("builder.WithUser({|CG1002:Short|});")]
    [InlineData("builder.WithUser({|CG1002:{|CG1003:\"\"|}|});")]
    [InlineData("_ = request with { User = {|CG1002:\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"|} };")]
    [InlineData("_ = request with { User = {|CG1003:\"Bad Name\"|} };")]
    [InlineData("_ = request with { User = {|CG1003:\"ab\" + \"C\"|} };")]
    [InlineData("builder.WithUser({|CG1002:{|CG1003:\"X\"|}|});")]
    [InlineData("_ = request with { Object = {|CG1005:\"chat\"|} };")]
    [InlineData("builder.WithObject({|CG1005:\"Text_Completion\"|});")]
    [InlineData("_ = request with { Object = (CompletionObject){|CG1005:\"chat\"|} };")]
    public Task Constant_strings_that_break_the_contract_are_flagged(string statements) =>
        Verify.AnalyzerAsync(InMain(statements));

    [Theory]
    [InlineData("builder.WithUser(\"ab\").WithUser(\"a_very_long_but_fine_name_0123456789\");")]
    [InlineData("_ = request with { User = \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\", Object = \"text_completion\" };")]
    [InlineData("builder.WithUser(variable).WithObject(variable);")]
    [InlineData("_ = request with { Model = \"anything-goes\" };")]
    [InlineData("_ = request with { User = null, Object = null };")]
    public Task Allowed_strings_and_non_constants_are_not_flagged(string statements) =>
        Verify.AnalyzerAsync(InMain(statements));

    [Fact]
    public Task Messages_show_the_rule_and_the_value() =>
        Verify.AnalyzerAsync(
            InMain("builder.WithUser({|#0:\"X\"|}); _ = request with { Object = {|#1:\"chat\"|} };"),
            Verify.Diagnostic(DiagnosticIds.StringLengthOutOfRange).WithLocation(0)
                .WithMessage("'user' must be between 2 and 64 characters long; \"X\" has 1"),
            Verify.Diagnostic(DiagnosticIds.PatternMismatch).WithLocation(0)
                .WithMessage("'user' must match the pattern '[a-z0-9_]+'; \"X\" does not"),
            Verify.Diagnostic(DiagnosticIds.ValueNotAllowed).WithLocation(1)
                .WithMessage("'object' must be one of \"text_completion\"; \"chat\" is not allowed"));

    [Fact]
    public Task Numeric_allowed_values_are_compared_by_value() =>
        Verify.AnalyzerAsync("""
            using System.ComponentModel.DataAnnotations;

            static class Program
            {
                static void Send([AllowedValues(1, 2, 4)] int size) { }

                static void Main()
                {
                    Send(1);
                    Send(4);
                    Send({|#0:3|});
                }
            }
            """,
            Verify.Diagnostic(DiagnosticIds.ValueNotAllowed).WithLocation(0)
                .WithMessage("'size' must be one of 1, 2, 4; 3 is not allowed"));
}
