using Codegen.Contracts.Evolution;
using Codegen.Contracts.Reading;
using ContractInput = Codegen.Contracts.Reading.ContractInput;

namespace Codegen.Contracts.Tests.Evolution;

/// <summary>
/// The evolution corpus: each folder under Evolution/Corpus holds an old and a new contract (JSON Schema in old.json and
/// new.json, OpenAPI in old.yaml and new.yaml) and expected.txt, one line per change: id, level and pointer (in the new
/// file, or in the old one for a removal; the root's empty pointer is written <c>""</c>). The comparison must find exactly those: a missing change and an extra one
/// (a false positive) both fail.
/// </summary>
public sealed class CorpusTests
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Evolution", "Corpus");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var directory in Directory.GetDirectories(Root).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(directory));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FindsExactlyTheExpectedChanges(string name)
    {
        var comparison = Compare(name);
        var actual = comparison.Changes.Select(Line).Order(StringComparer.Ordinal).ToArray();
        var expected = File.ReadAllLines(Path.Combine(Root, name, "expected.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.True(expected.SequenceEqual(actual),
            $"Expected:\n  {string.Join("\n  ", expected)}\nActual:\n  {string.Join("\n  ", comparison.Changes.Select(c => Line(c) + "  " + c.Message))}");
    }

    [Fact]
    public void EveryRuleHasACaseInBothKindsOfContract()
    {
        var expectedIds = Directory.GetDirectories(Root)
            .SelectMany(directory => File.ReadAllLines(Path.Combine(directory, "expected.txt")).Where(l => l.StartsWith("CG", StringComparison.Ordinal)))
            .Select(line => line.Split(' ')[0])
            .ToHashSet();
        var missing = ChangeRules.All.Select(r => r.Id).Where(id => !expectedIds.Contains(id)).ToArray();
        Assert.True(missing.Length == 0, "Rules without a corpus case: " + string.Join(", ", missing));
        Assert.Contains(Directory.GetDirectories(Root), d => Path.GetFileName(d).StartsWith("js-", StringComparison.Ordinal));
        Assert.Contains(Directory.GetDirectories(Root), d => Path.GetFileName(d).StartsWith("oa-", StringComparison.Ordinal));
    }

    [Fact]
    public void AChangeIsLocatedInBothFilesAndNamesTheGeneratedMember()
    {
        var change = Assert.Single(Compare("js-range-narrowed-request").Changes);
        Assert.Equal("CG2110", change.Id);
        Assert.Equal(ChangeLevel.Breaking, change.Level);
        Assert.Equal(["ThingRequest.Temperature"], change.Members.ToArray());
        Assert.Equal("`ThingRequest.Temperature`: maximum lowered from 2 to 1; constants that break it now fail CG1001, values from elsewhere fail `Validate()` and the server (sent by the client)", change.Message);
        var oldLines = File.ReadAllLines(Path.Combine(Root, "js-range-narrowed-request", "old.json"));
        var newLines = File.ReadAllLines(Path.Combine(Root, "js-range-narrowed-request", "new.json"));
        Assert.Contains("\"maximum\": 2", oldLines[change.OldLocation!.StartLine], StringComparison.Ordinal);
        Assert.Contains("\"maximum\": 1", newLines[change.NewLocation!.StartLine], StringComparison.Ordinal);
        Assert.Equal(oldLines[change.OldLocation.StartLine].IndexOf("\"maximum\"", StringComparison.Ordinal), change.OldLocation.StartColumn);
    }

    [Fact]
    public void ARemovalIsLocatedWhereItWasInTheNewFile()
    {
        var change = Assert.Single(Compare("js-property-removed-response").Changes);
        Assert.Null(change.NewPointer);
        var newLines = File.ReadAllLines(Path.Combine(Root, "js-property-removed-response", "new.json"));
        Assert.Contains("\"Thing\"", newLines[change.NewLocation!.StartLine], StringComparison.Ordinal);
    }

    [Fact]
    public void ComparingAContractWithItselfFindsNothing()
    {
        foreach (var file in new[] { "js-no-change/old.json", "oa-no-change/old.yaml" })
        {
            var path = Path.Combine(Root, file);
            var snapshot = Read(path);
            Assert.Empty(ContractComparer.Compare(snapshot, Read(path)).Changes);
        }
    }

    internal static ContractComparison Compare(string name)
    {
        var directory = Path.Combine(Root, name);
        var extension = File.Exists(Path.Combine(directory, "old.json")) ? ".json" : ".yaml";
        return ContractComparer.Compare(Read(Path.Combine(directory, "old" + extension)), Read(Path.Combine(directory, "new" + extension)));
    }

    private static ContractSnapshot Read(string path)
    {
        var snapshot = ContractSnapshot.Read(new ContractInput(path, File.ReadAllText(path)), out var result);
        Assert.True(snapshot is not null, string.Join("\n", result.Diagnostics.Select(d => d.Id + " " + d.Location + " " + d.Message)));
        return snapshot!;
    }

    // The root's pointer is empty: written "" so that expected.txt has no trailing space to lose.
    private static string Line(ContractChange change) => $"{change.Id} {change.Level} {((change.NewPointer ?? change.OldPointer) is { Length: 0 } ? "\"\"" : change.NewPointer ?? change.OldPointer)}";
}
