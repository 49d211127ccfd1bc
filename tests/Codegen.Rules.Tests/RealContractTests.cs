using Xunit.Abstractions;

namespace Codegen.Rules.Tests;

/// <summary>The engine on the real documents in ../shared/contracts: every schema read, problems as expected, requests checked.</summary>
public sealed class RealContractTests(ITestOutputHelper output)
{
    private static readonly string Contracts = RepoPaths.SharedContracts;

    [ContractFact("openai-openapi/openapi.json")]
    public void The_whole_OpenAI_document_reads_with_only_the_problems_it_has()
    {
        var document = CodegenSchemaDocument.Parse(File.ReadAllText(Path.Combine(Contracts, "openai-openapi", "openapi.json")));
        Assert.Equal(CodegenSchemaDialect.OpenApi31, document.Dialect);
        var problems = document.ReadAll();
        foreach (var group in problems.GroupBy(p => p.Kind))
        {
            output.WriteLine(group.Key + ": " + group.Count());
        }

        // Nothing it cannot follow: its two $recursiveRef (a 2019-09 keyword) are not 2020-12 keywords, so they have no effect (said).
        Assert.DoesNotContain(problems, p => p.IsError);
        Assert.Equal(
            new[] { "/components/schemas/BetaCompoundFilter/properties/filters/items/oneOf/1/$recursiveRef", "/components/schemas/CompoundFilter/properties/filters/items/oneOf/1/$recursiveRef" },
            problems.Where(p => p.Pointer.EndsWith("/$recursiveRef", StringComparison.Ordinal) && p.Kind == CodegenSchemaProblemKind.Ignored).Select(p => p.Pointer));

        // OpenAPI 3.0's nullable in a 3.1 document: read as its authors mean it (null allowed), and said.
        Assert.Contains(problems, p => p.Kind == CodegenSchemaProblemKind.Compatibility && p.Pointer.EndsWith("/nullable", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Kind == CodegenSchemaProblemKind.Compatibility && p.Pointer == "/components/schemas/CreateChatCompletionStreamResponse/properties/usage/nullable");
        Assert.True(CodegenSchemaEvaluator.IsValid(document.Get("/components/schemas/CreateChatCompletionStreamResponse/properties/usage"), CodegenJson.Null));
    }

    [ContractFact("openai-openapi/openapi.json")]
    public void An_OpenAI_chat_request_is_checked_with_the_documents_rules()
    {
        var document = CodegenSchemaDocument.Parse(File.ReadAllText(Path.Combine(Contracts, "openai-openapi", "openapi.json")));
        var request = document.Get("/components/schemas/CreateChatCompletionRequest");

        var valid = CodegenJson.Parse("""{"model": "gpt-4o", "messages": [{"role": "user", "content": "Say hi"}], "temperature": 0.7, "stop": ["\n"], "logit_bias": null}""");
        Assert.Empty(CodegenSchemaEvaluator.Validate(request, valid));
        Assert.True(CodegenSchemaEvaluator.IsValid(request, valid));

        var invalid = CodegenJson.Parse("""{"model": "gpt-4o", "messages": [{"role": "user", "content": "Say hi"}], "temperature": 3, "top_p": -1}""");
        var violations = CodegenSchemaEvaluator.Validate(request, invalid).Select(v => v.ToString()).ToList();
        output.WriteLine(string.Join("\n", violations));
        Assert.Contains("$.temperature must be between 0 and 2; 3 is not valid", violations);
        Assert.Contains("$.top_p must be between 0 and 1; -1 is not valid", violations);
        Assert.False(CodegenSchemaEvaluator.IsValid(request, invalid));

        // The server checks every request: a valid one costs no allocations.
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 20; i++)
        {
            CodegenSchemaEvaluator.IsValid(request, valid);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        var noMessages = CodegenJson.Parse("""{"model": "gpt-4o"}""");
        Assert.Contains("$.messages is required", CodegenSchemaEvaluator.Validate(request, noMessages).Select(v => v.ToString()));
    }

    [ContractFact("modelslab-uncensored-chat/openapi.json")]
    public void ModelsLabs_document_reads_and_checks_a_chat_request()
    {
        var document = CodegenSchemaDocument.Parse(File.ReadAllText(Path.Combine(Contracts, "modelslab-uncensored-chat", "openapi.json")));
        var problems = document.ReadAll();
        output.WriteLine(string.Join("\n", problems));
        Assert.DoesNotContain(problems, p => p.IsError);
        Assert.Contains(problems, p => p.Kind == CodegenSchemaProblemKind.Compatibility);

        var request = document.Get("/components/schemas/ChatCompletionsRequest");
        Assert.True(CodegenSchemaEvaluator.IsValid(request, CodegenJson.Parse("""{"messages": [{"role": "user", "content": "hi"}]}""")));
        Assert.False(CodegenSchemaEvaluator.IsValid(request, CodegenJson.Parse("""{"messages": [{"role": "user", "content": "hi"}], "temperature": 9}""")));
    }

    /// <summary>A fact that runs where the contract is beside the repository.</summary>
    private sealed class ContractFactAttribute : FactAttribute
    {
        public ContractFactAttribute(string path)
        {
            var full = Path.Combine(Contracts, path);
            if (!File.Exists(full))
            {
                Skip = "The contract is not at " + full;
            }
        }
    }
}
