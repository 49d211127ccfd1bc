using System.Threading.Tasks;
using Xunit;

namespace Codegen.Analyzers.Tests;

/// <summary>
/// Each diagnostic on real generated code, placed as source beside the user's code and in a referenced assembly;
/// constants in range and values that are not constants are never flagged.
/// </summary>
public class DiagnosticTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task Builder_arguments_initializers_and_with_expressions_are_checked(bool referenced) =>
        Verify.AnalyzerAsync(
            GeneratedContract.ModelsLab,
            referenced,
            """
            using ModelsLab.Completions;

            static class Program
            {
                const double Hot = 3;

                static void Main(double temperature, int tokens)
                {
                    var builder = CompletionRequest.CreateBuilder("hello");
                    builder.WithTemperature({|#0:3|}).WithMaxTokens({|#1:0|}).WithTemperature({|#2:Hot|}).WithTemperature(temperature: {|#3:2 * 1.5|});
                    builder.WithTemperature(2).WithTemperature(0.0).WithMaxTokens(44000).WithMaxTokens(tokens).WithTemperature(temperature).WithModel("any");
                    builder.WithTemperature({|#4:double.NaN|}).WithTopP({|#5:double.NegativeInfinity|});
                    var request = new CompletionRequest { Prompt = "x", TopP = {|#6:1.5|}, MaxTokens = 128, Temperature = null };
                    _ = request with { PresencePenalty = {|#7:-3|}, FrequencyPenalty = -2, Stop = "\n" };
                    _ = request with { Prompt = {|#8:null|} };
                }
            }
            """,
            Verify.Diagnostic(DiagnosticIds.ValueOutOfRange).WithLocation(0).WithMessage("'temperature' must be between 0 and 2; 3 is out of range"),
            Verify.Diagnostic(DiagnosticIds.ValueOutOfRange).WithLocation(1).WithMessage("'max_tokens' must be between 1 and 44000; 0 is out of range"),
            Verify.Diagnostic(DiagnosticIds.ValueOutOfRange).WithLocation(2).WithMessage("'temperature' must be between 0 and 2; 3 is out of range"),
            Verify.Diagnostic(DiagnosticIds.ValueOutOfRange).WithLocation(3).WithMessage("'temperature' must be between 0 and 2; 3 is out of range"),
            Verify.Diagnostic(DiagnosticIds.NotFinite).WithLocation(4).WithMessage("'temperature' must be a finite number; NaN is out of range"),
            Verify.Diagnostic(DiagnosticIds.NotFinite).WithLocation(5).WithMessage("'top_p' must be a finite number; -Infinity is out of range"),
            Verify.Diagnostic(DiagnosticIds.ValueOutOfRange).WithLocation(6).WithMessage("'top_p' must be between 0 and 1; 1.5 is out of range"),
            Verify.Diagnostic(DiagnosticIds.ValueOutOfRange).WithLocation(7).WithMessage("'presence_penalty' must be between -2 and 2; -3 is out of range"),
            Verify.Diagnostic(DiagnosticIds.SchemaMismatch).WithLocation(8).WithMessage("'prompt' must match exactly one of: a string; an array; null is not allowed"));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task Every_kind_of_rule_is_reported_with_the_engine_words(bool referenced) =>
        Verify.AnalyzerAsync(
            GeneratedContract.Orders,
            referenced,
            """
            using Shop;

            static class Program
            {
                static void Main(string sku, double step)
                {
                    _ = Order.CreateBuilder("ABC-12").Build() with { Sku = sku };
                    Order.CreateBuilder({|#0:"abc-1"|})
                        .WithCode("a1b").WithCode({|#1:"abc"|})
                        .WithNote({|#2:"a"|}).WithNote({|#3:"abcdef"|}).WithNote("😀😀😀😀😀").WithNote({|#4:"😀😀😀😀😀😀"|})
                        .WithStep(2.75).WithStep(step).WithStep({|#5:0.3|}).WithStep({|#6:10.25|})
                        .WithBatch(24).WithBatch({|#7:25|})
                        .WithRatio({|#8:double.PositiveInfinity|})
                        .WithWeight(1).WithWeight({|#9:0|})
                        .WithColor("red").WithColor(OrderColor.Blue).WithColor({|#10:"gren"|})
                        .WithSize(4).WithSize({|#11:3|})
                        .WithVersion(2).WithVersion({|#12:3|})
                        .WithTags(["a", "b"]).WithTags(new[] { "abcd" }).WithTags({|#13:["a", "b", "c", "d"]|}).WithTags({|#14:new[] { "abcde" }|})
                        .Build();
                }
            }
            """,
            Verify.Diagnostic(DiagnosticIds.PatternMismatch).WithLocation(0).WithMessage("'sku' must match the pattern '^[A-Z]{3}-[0-9]+$'; 'abc-1' is not allowed"),
            Verify.Diagnostic(DiagnosticIds.PatternMismatch).WithLocation(1).WithMessage("'code' must match the pattern '[0-9]'; 'abc' is not allowed"),
            Verify.Diagnostic(DiagnosticIds.StringLengthOutOfRange).WithLocation(2).WithMessage("'note' must have between 2 and 5 characters; a string of 1 character is out of range"),
            Verify.Diagnostic(DiagnosticIds.StringLengthOutOfRange).WithLocation(3).WithMessage("'note' must have between 2 and 5 characters; a string of 6 characters is out of range"),
            Verify.Diagnostic(DiagnosticIds.StringLengthOutOfRange).WithLocation(4).WithMessage("'note' must have between 2 and 5 characters; a string of 6 characters is out of range"),
            Verify.Diagnostic(DiagnosticIds.NotAMultiple).WithLocation(5).WithMessage("'step' must be a multiple of 0.25; 0.3 is not allowed"),
            Verify.Diagnostic(DiagnosticIds.ValueOutOfRange).WithLocation(6).WithMessage("'step' must be between 0 and 10; 10.25 is out of range"),
            Verify.Diagnostic(DiagnosticIds.NotAMultiple).WithLocation(7).WithMessage("'batch' must be a multiple of 12; 25 is not allowed"),
            Verify.Diagnostic(DiagnosticIds.NotFinite).WithLocation(8).WithMessage("'ratio' must be a finite number; Infinity is out of range"),
            Verify.Diagnostic(DiagnosticIds.ValueOutOfRange).WithLocation(9).WithMessage("'weight' must be greater than 0 and at most 1; 0 is out of range"),
            Verify.Diagnostic(DiagnosticIds.ValueNotAllowed).WithLocation(10).WithMessage("'color' must be one of 'red', 'green', 'blue'; 'gren' is not allowed"),
            Verify.Diagnostic(DiagnosticIds.ValueNotAllowed).WithLocation(11).WithMessage("'size' must be one of 1, 2, 4, 8; 3 is not allowed"),
            Verify.Diagnostic(DiagnosticIds.ValueNotAllowed).WithLocation(12).WithMessage("'version' must be 2; 3 is not allowed"),
            Verify.Diagnostic(DiagnosticIds.ItemCountOutOfRange).WithLocation(13).WithMessage("'tags' must have at most 3 items; 4 items is out of range"),
            Verify.Diagnostic(DiagnosticIds.StringLengthOutOfRange).WithLocation(14).WithMessage("'tags[0]' must have at most 4 characters; a string of 5 characters is out of range"));

    [Fact]
    public Task Values_that_are_not_constants_or_not_sent_as_written_are_left_alone() =>
        Verify.AnalyzerAsync(
            GeneratedContract.Orders,
            referenced: true,
            """
            using Shop;

            static class Program
            {
                static readonly string NotConstant = "abc";

                static void Main(string[] tags, string note)
                {
                    Order.CreateBuilder(NotConstant).WithNote(note + "xxxxxxxx").WithTags(tags).WithTags(new[] { note, note, note, note })
                        .WithColor(new OrderColor("gren")).WithColor(OrderColor.Red);
                    Take("abc");
                }

                static void Take(string sku) { }
            }
            """);

    [Fact]
    public Task Keywords_mean_what_the_contract_dialect_says() =>
        Verify.AnalyzerAsync(
            GeneratedContract.OpenApi30,
            referenced: true,
            """
            using Knobs;

            static class Program
            {
                static void Main()
                {
                    _ = new Knob { Level = {|#0:0|}, Label = null };
                    _ = new Knob { Level = 0.5, Label = {|#1:"abcd"|} };
                }
            }
            """,
            Verify.Diagnostic(DiagnosticIds.ValueOutOfRange).WithLocation(0).WithMessage("'level' must be greater than 0 and at most 1; 0 is out of range"),
            Verify.Diagnostic(DiagnosticIds.StringLengthOutOfRange).WithLocation(1).WithMessage("'label' must have at most 3 characters; a string of 4 characters is out of range"));

    [Fact]
    public Task A_root_schema_type_is_checked_by_the_root_rules() =>
        Verify.AnalyzerAsync(
            GeneratedContract.Widget,
            referenced: true,
            """
            using Widgets;

            static class Program
            {
                static void Main()
                {
                    _ = Widget.CreateBuilder().WithSize({|#0:11|}).WithLabel("abc");
                    _ = new Widget { Size = 10, Label = {|#1:"abcd"|} };
                }
            }
            """,
            Verify.Diagnostic(DiagnosticIds.ValueOutOfRange).WithLocation(0).WithMessage("'size' must be between 0 and 10; 11 is out of range"),
            Verify.Diagnostic(DiagnosticIds.StringLengthOutOfRange).WithLocation(1).WithMessage("'label' must have at most 3 characters; a string of 4 characters is out of range"));
}
