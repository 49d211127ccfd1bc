using System.Diagnostics;
using Codegen.Contracts.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit.Abstractions;

namespace Codegen.Generator.Tests;

/// <summary>
/// Whole real OpenAPI documents through the generator and the compiler: the client of every operation compiles under
/// nullable and warnings as errors, and each operation is either a method of the client or named in a CG0010 with
/// its reason. One compilation per document (the OpenAI one is ~220k lines).
/// </summary>
public class OpenApiClientCompileTests(ITestOutputHelper output)
{
    private const string OpenAiUsage = """
        #nullable enable
        using System.Threading.Tasks;
        using OpenAI.Api;
        public static class Usage
        {
            public static async Task<string> Run(OpenAIApiClient client, System.IO.Stream audio)
            {
                var models = await client.ListModelsAsync();
                var model = await client.RetrieveModelAsync("gpt-4o");
                var deleted = await client.DeleteModelAsync("ft:gpt-4o:acme");
                var files = await client.ListFilesAsync(limit: 5, order: ListFilesOrder.Asc);
                var transcription = await client.CreateTranscriptionAsync(new CreateTranscriptionRequest { File = new OpenAIApiFile(audio, "a.wav"), Model = "whisper-1" });
                await using OpenAIApiFileResponse speech = await client.CreateSpeechAsync(new CreateSpeechRequest { Input = "hi", Model = "tts-1", Voice = new VoiceIdsShared("alloy") });
                return models.Data.Count + model.Id + deleted.Deleted + files.Data.Count + transcription + speech.ContentType;
            }
        }
        """;

    [SharedContractFact("openai-openapi/openapi.yaml")]
    public void The_whole_OpenAI_document_gives_a_client_that_compiles_without_a_warning() =>
        CompileWhole("openai-openapi/openapi.yaml", "OpenAI.Api", "OpenAIApi", OpenAiUsage, expectedOperations: 288);

    [SharedContractFact("modelslab-uncensored-chat/openapi.json")]
    public void ModelsLabs_chat_document_gives_a_client_that_compiles_without_a_warning() =>
        CompileWhole("modelslab-uncensored-chat/openapi.json", "ModelsLab.Chat", "ModelsLabChat", """
            #nullable enable
            using ModelsLab.Chat;
            public static class Usage
            {
                public static System.Threading.Tasks.Task<ChatCompletionsResponse> Run(ModelsLabChatClient client, ChatCompletionsRequest request) => client.PostChatCompletionsAsync(request);
            }
            """, expectedOperations: 2);

    private void CompileWhole(string relativePath, string ns, string prefix, string usage, int expectedOperations)
    {
        var path = Path.Combine(GeneratorHarness.SharedContractsDirectory, relativePath);
        var text = File.ReadAllText(path);
        var metadata = new Dictionary<string, string> { ["CodegenContract"] = "true", ["CodegenNamespace"] = ns, ["CodegenPrefix"] = prefix };
        var clock = Stopwatch.StartNew();
        var compilation = GeneratorHarness.CreateCompilation(usage)
            .WithOptions(GeneratorHarness.CreateCompilation().Options.WithWarningLevel(9999));
        var driver = GeneratorHarness.CreateDriver([(new ContractInput(path, text).ToAdditionalText(), (IReadOnlyDictionary<string, string>)metadata)], trackSteps: false)
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        var generateTime = clock.Elapsed;
        var sources = driver.GetRunResult().Results.Single().GeneratedSources;

        clock.Restart();
        // The compiler's own findings; the generator's (CG...) are checked below.
        var compileDiagnostics = generated.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.Id.StartsWith("CG", StringComparison.Ordinal)).ToList();
        var compileTime = clock.Elapsed;
        var lines = sources.Sum(s => s.SourceText.Lines.Count);
        output.WriteLine($"{relativePath}: {sources.Length} files, {lines:N0} lines; generated in {generateTime.TotalSeconds:F1} s, compiled in {compileTime.TotalSeconds:F1} s");

        foreach (var diagnostic in compileDiagnostics.Take(40))
        {
            output.WriteLine(diagnostic + " :: " + diagnostic.Location.SourceTree?.GetText().Lines[diagnostic.Location.GetLineSpan().StartLinePosition.Line].ToString().Trim());
        }

        Assert.Empty(compileDiagnostics.Take(20).Select(d => d.ToString()));
        // The generator's warnings are the document's own flaws (CG0009: a default that breaks its schema) and the
        // operations the client leaves out (CG0010, checked below); nothing else.
        Assert.Empty(generatorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id is not (ContractDiagnosticIds.InvalidDefault or ContractDiagnosticIds.UnsupportedConstruct)).Select(d => d.ToString()));

        // Every operation is a method of the client, or a CG0010 names it with its reason.
        var parsed = Codegen.Contracts.Reading.ContractParser.Parse(new Codegen.Contracts.Reading.ContractInput(path, text) { Namespace = ns, Prefix = prefix });
        var operations = parsed.Contract!.Operations;
        Assert.Equal(expectedOperations, operations.Count);
        var client = sources.Single(s => s.HintName.EndsWith($"{prefix}Client.Operations.g.cs", StringComparison.Ordinal));
        var methods = client.SyntaxTree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
            .Where(m => m.Modifiers.Any(SyntaxKind.PublicKeyword)).Select(m => m.Identifier.Text).ToHashSet(StringComparer.Ordinal);
        var unsupported = generatorDiagnostics.Where(d => d.Id == ContractDiagnosticIds.UnsupportedConstruct).Select(d => d.GetMessage()).ToList();
        foreach (var operation in operations)
        {
            var generatedMethod = methods.Contains(operation.Name + "Async") || methods.Contains(operation.Name + "StreamingAsync");
            Assert.True(generatedMethod || unsupported.Any(m => m.Contains($"'{operation.Name}'", StringComparison.Ordinal)), $"{operation.Name} is neither generated nor reported");
            if (operation.Stream is not null && !methods.Contains(operation.Name + "StreamingAsync"))
            {
                Assert.Contains(unsupported, m => m.Contains($"{operation.Name}StreamingAsync", StringComparison.Ordinal));
            }
        }

        var binary = client.SyntaxTree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
            .Where(m => m.ReturnType.ToString().Contains(prefix + "FileResponse", StringComparison.Ordinal)).Select(m => m.Identifier.Text);
        output.WriteLine($"binary answers, streamed as {prefix}FileResponse: {string.Join(", ", binary)}");
        output.WriteLine($"{methods.Count} public methods for {operations.Count} operations; {unsupported.Count} CG0010");
        foreach (var message in unsupported)
        {
            output.WriteLine(message);
        }
    }
}
