using Codegen.Contracts.Evolution;
using Codegen.Contracts.Reading;
using Codegen.Runtime;
using ContractInput = Codegen.Contracts.Reading.ContractInput;

namespace Codegen.Contracts.Tests.Evolution;

/// <summary>
/// What a snapshot takes short cuts for: the rules document as the parser built it (not its text parsed again), and a
/// search of the text before the walk for keywords that make a reference's meaning depend on where it sits. Each must
/// answer exactly as the long way does.
/// </summary>
public sealed class SnapshotTests
{
    private static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "Evolution", "Corpus");

    public static TheoryData<string> Contracts()
    {
        var data = new TheoryData<string> { RepoPaths.ModelsLabContract, RepoPaths.SharedContract("openai-openapi/openapi.yaml") };
        foreach (var file in Directory.GetFiles(Corpus, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Take(24))
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Contracts))]
    public void TheRulesDocumentAsBuiltIsItsTextParsedAndTheSearchAnswersAsTheWalk(string path)
    {
        var snapshot = ContractSnapshot.Read(new ContractInput(path, File.ReadAllText(path)), out _)!;

        // The document as built while it is alive (the snapshot holds it), else read again from the text: equal either way.
        Assert.Same(snapshot.Rules.Root, RulesDocuments.Root(snapshot.Contract.Rules));
        Assert.True(CodegenJson.Parse(snapshot.Contract.Rules.Document).Equals(snapshot.Rules.Root));
        Assert.Equal(snapshot.Contract.Rules.Document, snapshot.Rules.Root.ToString());
        Assert.Equal(EvolutionWalk.HasScopedReferences(snapshot.Rules.Root, isRoot: true), snapshot.HasScopedReferences);
    }

    [Fact]
    public void ADocumentBuiltIsTakenWhileItIsAliveAndTheModelDoesNotKeepItAlive()
    {
        var root = CodegenJson.Parse("""{ "definitions": { "A": { "type": "integer", "maximum": 3 } } }""");
        var spec = RulesDocuments.Spec("Draft07", root);
        Assert.Same(root, RulesDocuments.Root(spec));
        GC.KeepAlive(root);

        // A cached model (its spec held) lets the document go; it is then read from the text, equal.
        var (held, document) = Built();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(document.TryGetTarget(out _), "the model kept the document alive");
        var again = RulesDocuments.Root(held);
        Assert.Equal(held.Document, again.ToString());
        Assert.True(again.GetPropertyOrNull("definitions")?.GetPropertyOrNull("B") is not null);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (Codegen.Contracts.Model.RulesSpec Spec, WeakReference<CodegenJson> Document) Built()
    {
        var built = CodegenJson.Parse("""{ "definitions": { "B": { "type": "string" } } }""");
        return (RulesDocuments.Spec("Draft07", built), new WeakReference<CodegenJson>(built));
    }

    [Theory]
    [InlineData("""{ "type": "object", "properties": { "a": { "$ref": "#/definitions/Tree" } } }""", false)]
    [InlineData("""{ "type": "object", "properties": { "$id": { "type": "string" } } }""", true)]
    [InlineData("""{ "type": "object", "properties": { "\u0024id": { "type": "string" } } }""", true)]
    [InlineData("""{ "type": "object", "properties": { "tab\u0009key": { "type": "string" } } }""", false)]
    public void AnIdBelowTheRootIsFoundHoweverItIsSpeltAndAnEscapeIsWalked(string request, bool scoped)
    {
        var text = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "https://example.com/s.json",
              "x-codegen": { "namespace": "S", "prefix": "S", "operations": [ { "name": "Send", "method": "POST", "path": "/send", "request": "#/definitions/Request", "response": "#/definitions/Tree" } ] },
              "definitions": {
                "Tree": { "type": "object", "properties": { "n": { "type": "integer" } } },
                "Request": REQUEST
              }
            }
            """.Replace("REQUEST", request, StringComparison.Ordinal);
        var snapshot = ContractSnapshot.Read(new ContractInput("/s.schema.json", text), out var result);
        Assert.True(snapshot is not null, string.Join("\n", result.Diagnostics.Select(d => d.Id + " " + d.Message)));

        Assert.Equal(EvolutionWalk.HasScopedReferences(snapshot.Rules.Root, isRoot: true), snapshot.HasScopedReferences);
        Assert.Equal(scoped, snapshot.HasScopedReferences);
    }
}
