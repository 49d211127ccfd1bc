using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.Evolution;

namespace Codegen.Contracts.Tests.Evolution;

public sealed class ChangeRuleTests
{
    public static TheoryData<string> Ids() => new(ChangeRules.All.Select(r => r.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryRuleIsCataloguedWithAPage(string id)
    {
        var rule = ChangeRules.Find(id)!;
        var kind = ContractDiagnosticCatalog.Find(id);
        Assert.Equal(id, kind.Id);
        Assert.Equal(rule.Title, kind.Title);
        Assert.Equal(rule.HelpLink, kind.HelpLink);
        Assert.StartsWith("CG2", id, StringComparison.Ordinal);
        var page = RepoPaths.InRepo("docs", "diagnostics", id + ".md");
        Assert.True(File.Exists(page), $"docs/diagnostics/{id}.md is missing");
        Assert.StartsWith($"# {id}: {rule.Title}", File.ReadAllText(page), StringComparison.Ordinal);
    }

    [Fact]
    public void IdsAreUnique() =>
        Assert.Equal(ChangeRules.All.Count, ChangeRules.All.Select(r => r.Id).Distinct().Count());

    [Fact]
    public void TheCatalogueSeverityIsTheRulesMostSeriousLevel()
    {
        Assert.Equal(ContractSeverity.Error, ContractDiagnosticCatalog.Find(ChangeRules.RangeNarrowed.Id).Severity);
        Assert.Equal(ContractSeverity.Warning, ContractDiagnosticCatalog.Find(ChangeRules.DefaultChanged.Id).Severity);
        Assert.Equal(ContractSeverity.Info, ContractDiagnosticCatalog.Find(ChangeRules.OptionalPropertyAdded.Id).Severity);
    }
}
