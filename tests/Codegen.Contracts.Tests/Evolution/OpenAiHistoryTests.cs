using Codegen.Contracts.Evolution;
using Codegen.Contracts.Reading;
using ContractInput = Codegen.Contracts.Reading.ContractInput;

namespace Codegen.Contracts.Tests.Evolution;

/// <summary>
/// Real history: the OpenAI document eight days and twenty commits before ../shared/contracts/openai-openapi/openapi.yaml.
/// Those commits added fields and events, a 429 response to 161 operations, replaced a string alternative of a
/// response union and raised a maxLength. Every change found is checked here (docs/evolution.md explains each).
/// </summary>
public sealed class OpenAiHistoryTests
{
    private static readonly Lazy<(ContractComparison Comparison, ContractSnapshot New)> Diff = new(() =>
    {
        var oldContract = Read("openai-openapi/history/openapi-2026-08-13-c6d5628.yaml");
        var newContract = Read("openai-openapi/openapi.yaml");
        return (ContractComparer.Compare(oldContract, newContract), newContract);
    });

    [SharedContractFact]
    public void FindsEachKindOfChangeTheHistoryMade()
    {
        var counts = Diff.Value.Comparison.Changes
            .GroupBy(c => $"{c.Id} {c.Level}")
            .ToDictionary(g => g.Key, g => g.Count());
        var expected = new Dictionary<string, int>
        {
            ["CG2016 Compatible"] = 161, // a 429 response on each operation that got one
            ["CG2101 Breaking"] = 4, // MCPToolCall.error: string to a union of error objects (and Beta); annotation: any object to a union (and Beta)
            ["CG2103 Compatible"] = 17, // optional properties added
            ["CG2104 PotentiallyBreaking"] = 2, // 'geography' removed from the project create and update requests
            ["CG2107 Breaking"] = 2, // the annotation of an annotation-added event accepts null (and Beta)
            ["CG2113 Breaking"] = 2, // encrypted_content's maxLength raised from 10485760 to 20971520 (and Beta)
            ["CG2121 Breaking"] = 1, // a value added to the closed AuditLogEventType enum, which responses carry
            ["CG2122 Compatible"] = 5, // gpt-image-2 added to open enums of image models
            ["CG2125 Breaking"] = 10, // five shell-call events added to the response stream union (and Beta)
            ["CG2125 Compatible"] = 12, // alternatives added to the WebSocket server event unions, which no operation uses
            ["CG2126 PotentiallyBreaking"] = 2, // the inline error alternative of those unions became a reference: its C# case is renamed
            ["CG2141 Compatible"] = 25, // definitions added
        };
        Assert.Equal(expected.OrderBy(p => p.Key), counts.OrderBy(p => p.Key));
    }

    [SharedContractFact]
    public void The429ResponsesAreOnePerOperationThatGotOne()
    {
        // The old document has no 429 response; the new one has 161 (not all 288 operations).
        var added = Diff.Value.Comparison.Changes.Where(c => c.Id == ChangeRules.ErrorStatusAdded.Id).Select(c => c.NewPointer).ToHashSet();
        var with429 = Diff.Value.New.Contract.Operations.Where(o => o.Responses.Any(r => r.Status == "429")).ToArray();
        Assert.Equal(161, with429.Length);
        Assert.Equal(with429.Length, added.Count);
        Assert.All(added, pointer => Assert.EndsWith("/responses/429", pointer, StringComparison.Ordinal));
    }

    [SharedContractFact]
    public void TheRaisedMaxLengthIsNamedWithItsValuesAndLine()
    {
        var change = Diff.Value.Comparison.Changes.Single(c => c.NewPointer == "/components/schemas/CompactionSummaryItemParam/properties/encrypted_content/maxLength");
        Assert.Equal(ChangeRules.LengthWidened.Id, change.Id);
        Assert.Contains("maxLength raised from 10485760 to 20971520", change.Message, StringComparison.Ordinal);
        Assert.Equal(["CompactionSummaryItemParam.EncryptedContent"], change.Members.ToArray());
        var line = File.ReadAllLines(RepoPaths.SharedContract("openai-openapi/openapi.yaml"))[change.NewLocation!.StartLine];
        Assert.Contains("maxLength: 20971520", line, StringComparison.Ordinal);
    }

    [SharedContractFact]
    public void TheReplacedStringAlternativeIsATypeChange()
    {
        var change = Diff.Value.Comparison.Changes.Single(c => c.NewPointer == "/components/schemas/MCPToolCall/properties/error" && c.Id == ChangeRules.TypeChanged.Id);
        Assert.Equal(ChangeLevel.Breaking, change.Level);
        Assert.Contains("from string to union `MCPToolCallError`", change.Message, StringComparison.Ordinal);
    }

    [SharedContractFact]
    public void NoOperationIsReportedRemovedOrChanged()
    {
        Assert.DoesNotContain(Diff.Value.Comparison.Changes, c => c.Id is "CG2001" or "CG2003" or "CG2004" or "CG2012" or "CG2013" or "CG2017");
    }

    private static ContractSnapshot Read(string relative)
    {
        var path = RepoPaths.SharedContract(relative);
        var snapshot = ContractSnapshot.Read(new ContractInput(path, File.ReadAllText(path)), out var result);
        Assert.True(snapshot is not null, string.Join("\n", result.Diagnostics.Take(5).Select(d => d.Id + " " + d.Message)));
        return snapshot!;
    }
}
