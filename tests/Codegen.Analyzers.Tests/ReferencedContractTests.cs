using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Codegen.Analyzers.Tests;

public class ReferencedContractTests
{
    [Fact]
    public async Task Contracts_from_a_referenced_assembly_are_checked()
    {
        var test = new CSharpAnalyzerTest<ContractConstantAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestCode = """
                using Contracts;

                static class Program
                {
                    static void Main()
                    {
                        CompletionRequest.CreateBuilder("hello").WithTemperature({|#0:3|}).WithUser({|CG1002:"a"|});
                        _ = new CompletionRequest { Prompt = "x", TopP = {|CG1001:1.5|}, Object = {|CG1005:"chat"|} };
                    }
                }
                """,
            ExpectedDiagnostics =
            {
                Verify.Diagnostic(DiagnosticIds.ValueOutOfRange).WithLocation(0)
                    .WithMessage("'temperature' must be between 0 and 2; 3 is out of range"),
            },
        };
        test.TestState.AdditionalReferences.Add(await CompileContractAsync());
        await test.RunAsync();
    }

    /// <summary>The contract shape compiled to a real assembly image, so its symbols come from metadata.</summary>
    private static async Task<MetadataReference> CompileContractAsync()
    {
        var references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create(
            "Contracts",
            [CSharpSyntaxTree.ParseText(ContractSource.Text)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
