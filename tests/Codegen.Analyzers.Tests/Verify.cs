using System.Threading.Tasks;
using Codegen.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Codegen.Analyzers.Tests;

/// <summary>Runs the analyzer or the code fix over test source plus the contract shape, on .NET 8 reference assemblies.</summary>
internal static class Verify
{
    public static DiagnosticResult Diagnostic(string id) =>
        CSharpAnalyzerVerifier<ContractConstantAnalyzer, DefaultVerifier>.Diagnostic(id);

    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        AnalyzerAsync(source, editorConfig: null, expected);

    public static async Task AnalyzerAsync(string source, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<ContractConstantAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestState = { Sources = { source, ("/0/Contract.cs", ContractSource.Text) } },
        };
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    public static async Task CodeFixAsync(string[] sources, string[] fixedSources)
    {
        var test = new CSharpCodeFixTest<ContractConstantAnalyzer, ClampToRangeCodeFixProvider, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
        };
        for (var i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(($"/0/Test{i}.cs", sources[i]));
            test.FixedState.Sources.Add(($"/0/Test{i}.cs", fixedSources[i]));
        }

        test.TestState.Sources.Add(("/0/Contract.cs", ContractSource.Text));
        test.FixedState.Sources.Add(("/0/Contract.cs", ContractSource.Text));
        await test.RunAsync();
    }

    public static Task CodeFixAsync(string source, string fixedSource) => CodeFixAsync([source], [fixedSource]);
}
