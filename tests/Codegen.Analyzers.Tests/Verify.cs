using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Codegen.Analyzers.Tests;

/// <summary>
/// Runs the analyzer, or the analyzer and a code fix, over test code plus real generated code: as source beside
/// the test code, or compiled into a referenced assembly. References are .NET 10's (Basic.Reference.Assemblies).
/// </summary>
internal static class Verify
{
    public static DiagnosticResult Diagnostic(string id) =>
        CSharpAnalyzerVerifier<ContractConstantAnalyzer, DefaultVerifier>.Diagnostic(id);

    public static async Task AnalyzerAsync(GeneratedContract contract, bool referenced, string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<ContractConstantAnalyzer, DefaultVerifier>();
        Prepare(test.TestState, contract, referenced);
        test.TestState.Sources.Insert(0, ("/0/Test0.cs", Microsoft.CodeAnalysis.Text.SourceText.From(source)));
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    /// <summary>
    /// Applies the fix at <paramref name="actionIndex"/> to every diagnostic, one at a time and with Fix All (in the
    /// document, the project and the solution), and compares with <paramref name="fixedSources"/>.
    /// </summary>
    public static async Task CodeFixAsync<TFix>(GeneratedContract contract, bool referenced, string[] sources, string[] fixedSources, int actionIndex = 0)
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<ContractConstantAnalyzer, TFix, DefaultVerifier> { CodeActionIndex = actionIndex };
        for (var i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(($"/0/Test{i}.cs", sources[i]));
            test.FixedState.Sources.Add(($"/0/Test{i}.cs", fixedSources[i]));
        }

        Prepare(test.TestState, contract, referenced);
        Prepare(test.FixedState, contract, referenced);
        await test.RunAsync();
    }

    public static Task CodeFixAsync<TFix>(GeneratedContract contract, string source, string fixedSource, int actionIndex = 0)
        where TFix : CodeFixProvider, new() =>
        CodeFixAsync<TFix>(contract, referenced: true, [source], [fixedSource], actionIndex);

    private static void Prepare(SolutionState state, GeneratedContract contract, bool referenced)
    {
        state.ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        state.AdditionalReferences.AddRange(Net100.References.All);
        if (referenced)
        {
            state.AdditionalReferences.Add(contract.Image);
            return;
        }

        foreach (var (path, text) in contract.Sources)
        {
            state.Sources.Add((path, text));
        }
    }
}
