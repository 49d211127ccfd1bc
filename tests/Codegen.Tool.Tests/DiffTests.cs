using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Codegen.Tool.Tests;

/// <summary><c>codegen diff</c> and <c>codegen baseline</c> on pairs of the evolution corpus, in every format, and on git revisions.</summary>
public class DiffTests
{
    private static string Corpus(string name, string file) => RepoPaths.InRepo("tests", "Codegen.Contracts.Tests", "Evolution", "Corpus", name, file);

    [Fact]
    public async Task TextNamesEachChangeAtItsLineWithTheOldPosition()
    {
        var newPath = Corpus("js-range-narrowed-request", "new.json");
        var line = Array.FindIndex(File.ReadAllLines(newPath), l => l.Trim() == "\"maximum\": 1") + 1;

        var run = await Tool.RunAsync("diff", Corpus("js-range-narrowed-request", "old.json"), newPath);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains($"{newPath}({line},", run.Output, StringComparison.Ordinal);
        Assert.Contains("error CG2110: [breaking] `ThingRequest.Temperature`: maximum lowered from 2 to 1", run.Output, StringComparison.Ordinal);
        Assert.Contains("(was at " + Corpus("js-range-narrowed-request", "old.json") + "(", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 change from", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 breaking, 0 potentially breaking, 0 compatible.", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("js-range-narrowed-request", "breaking", ExitCodes.Errors)]
    [InlineData("js-range-widened-request", "breaking", ExitCodes.Success)]
    [InlineData("js-default-changed", "breaking", ExitCodes.Success)]
    [InlineData("js-default-changed", "potentially-breaking", ExitCodes.Errors)]
    [InlineData("js-no-change", "potentially-breaking", ExitCodes.Success)]
    public async Task FailOnSetsTheExitCode(string pair, string failOn, int exitCode)
    {
        var run = await Tool.RunAsync("diff", Corpus(pair, "old.json"), Corpus(pair, "new.json"), "--fail-on", failOn);

        Assert.Equal(exitCode, run.ExitCode);
    }

    [Fact]
    public async Task JsonHasBothLocationsTheMembersAndTheSummary()
    {
        var run = await Tool.RunAsync("diff", Corpus("oa-parameter-range-narrowed", "old.yaml"), Corpus("oa-parameter-range-narrowed", "new.yaml"), "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var json = JsonNode.Parse(run.Output)!;
        var change = json["changes"]!.AsArray().Single()!;
        Assert.Equal("CG2110", (string?)change["id"]);
        Assert.Equal("breaking", (string?)change["level"]);
        Assert.Equal("CorpusClient.GetThingAsync(limit)", (string?)change["members"]![0]);
        Assert.Equal("/paths/~1things~1{id}/get/parameters/1/schema/maximum", (string?)change["newLocation"]!["pointer"]);
        var oldLine = (int)change["oldLocation"]!["line"]!;
        Assert.Contains("maximum: 100", File.ReadAllLines(Corpus("oa-parameter-range-narrowed", "old.yaml"))[oldLine - 1], StringComparison.Ordinal);
        Assert.Equal(1, (int)json["summary"]!["breaking"]!);
        Assert.EndsWith("docs/diagnostics/CG2110.md", (string?)change["helpUri"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SarifIsValidAndUsesTheChecksWriter()
    {
        var run = await Tool.RunAsync("diff", Corpus("js-optional-properties-added", "old.json"), Corpus("js-required-property-added", "new.json"), "--format", "sarif");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        SarifTests.AssertValid(run.Output);
        var results = JsonNode.Parse(run.Output)!["runs"]![0]!["results"]!.AsArray();
        var required = results.Single(r => (string?)r!["ruleId"] == "CG2102")!;
        Assert.Equal("error", (string?)required["level"]);
        Assert.True((int)required["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]! > 1);
    }

    [Fact]
    public async Task MarkdownHasATablePerLevel()
    {
        var run = await Tool.RunAsync("diff", Corpus("oa-success-status-changed", "old.yaml"), Corpus("oa-success-status-changed", "new.yaml"), "--format", "markdown");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("#### 1 breaking", run.Output, StringComparison.Ordinal);
        Assert.Contains("#### 1 potentially breaking", run.Output, StringComparison.Ordinal);
        Assert.Contains("| [CG2013](https://", run.Output, StringComparison.Ordinal);
        Assert.Contains("`CorpusClient.CreateThingAsync`", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOldContractCanBeAGitRevision()
    {
        using var folder = new TempFolder();
        var path = folder.Write("schema/things.json", File.ReadAllText(Corpus("js-range-narrowed-request", "old.json")));
        Git(folder.Path, "init", "-q");
        Git(folder.Path, "add", ".");
        Git(folder.Path, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "v1");
        File.WriteAllText(path, File.ReadAllText(Corpus("js-range-narrowed-request", "new.json")));

        var run = await Tool.RunAsync("diff", "HEAD:schema/things.json", path, "--fail-on", "breaking");

        Assert.Equal(ExitCodes.Errors, run.ExitCode);
        Assert.Contains("maximum lowered from 2 to 1", run.Output, StringComparison.Ordinal);
        Assert.Contains("(was at HEAD:schema/things.json(", run.Output, StringComparison.Ordinal);

        var missing = await Tool.RunAsync("diff", "HEAD:schema/nothing.json", path);
        Assert.Equal(ExitCodes.Errors, missing.ExitCode);
        Assert.Contains("'HEAD:schema/nothing.json' could not be read from git", missing.Error, StringComparison.Ordinal);
        missing.AssertNoStackTrace();
    }

    [Fact]
    public async Task TheOldVersionIsReadAsTheNewOneIsNamed()
    {
        // No x-codegen and no title: the names (the root's type among them) come from the file name, which differs.
        using var folder = new TempFolder();
        const string contract = """
            {
              "type": "object",
              "properties": { "size": { "type": "integer", "maximum": 10 } }
            }
            """;
        var oldPath = folder.Write("gadget-v1.json", contract);
        var newPath = folder.Write("gadget-v2.json", contract.Replace("\"maximum\": 10", "\"maximum\": 5", StringComparison.Ordinal));

        var run = await Tool.RunAsync("diff", oldPath, newPath, "--format", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var change = Assert.Single(JsonNode.Parse(run.Output)!["changes"]!.AsArray())!;
        Assert.Equal("CG2110", (string?)change["id"]);
        Assert.Equal("GadgetV2.Size", (string?)change["members"]![0]);
        Assert.Equal(oldPath, (string?)change["oldLocation"]!["path"]);
        Assert.Equal(3, (int?)change["oldLocation"]!["line"]);
        Assert.Equal(newPath, (string?)change["newLocation"]!["path"]);

        // A broken old version is still reported at its own file.
        var broken = folder.Write("gadget-v0.json", "{ \"type\": \"object\", \"properties\": { \"size\": { \"$ref\": \"#/nowhere\" } } }");
        var errors = await Tool.RunAsync("diff", broken, newPath);
        Assert.Equal(ExitCodes.Errors, errors.ExitCode);
        Assert.Contains(broken + "(1,", errors.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreadableOrBrokenContractFails()
    {
        using var folder = new TempFolder();
        var broken = folder.Write("broken.json", "{ \"x-codegen\": { \"namespace\": \"1bad\", \"prefix\": \"P\" } }");

        var missing = await Tool.RunAsync("diff", folder.Path + "/none.json", Corpus("js-no-change", "new.json"));
        var errors = await Tool.RunAsync("diff", broken, Corpus("js-no-change", "new.json"));

        Assert.Equal(ExitCodes.Errors, missing.ExitCode);
        Assert.Contains("does not exist", missing.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Errors, errors.ExitCode);
        Assert.Contains("CG0004", errors.Error, StringComparison.Ordinal);
        errors.AssertNoStackTrace();
    }

    [Fact]
    public async Task BaselineWritesTheContractAsShippedAndSaysWhatAnUpdateAccepts()
    {
        using var folder = new TempFolder();
        var contract = folder.Write("api.schema.json", File.ReadAllText(Corpus("js-range-narrowed-request", "old.json")));

        var first = await Tool.RunAsync("baseline", contract);

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        var baseline = Path.Combine(folder.Path, "api.schema.baseline.json");
        Assert.Equal(File.ReadAllBytes(contract), File.ReadAllBytes(baseline));
        Assert.Contains("Wrote " + baseline, first.Output, StringComparison.Ordinal);

        File.WriteAllText(contract, File.ReadAllText(Corpus("js-range-narrowed-request", "new.json")));
        var guarded = await Tool.RunAsync("diff", baseline, contract, "--fail-on", "breaking");
        Assert.Equal(ExitCodes.Errors, guarded.ExitCode);

        var second = await Tool.RunAsync("baseline", contract);
        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Contains("It accepts 1 change (1 breaking, 0 potentially breaking)", second.Output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(contract), File.ReadAllBytes(baseline));
    }

    [Fact]
    public async Task BaselineRefusesABrokenContractAndABaseline()
    {
        using var folder = new TempFolder();
        var broken = folder.Write("broken.json", "{ \"x-codegen\": { \"namespace\": \"1bad\", \"prefix\": \"P\" } }");
        var baseline = folder.Write("api.baseline.json", "{}");

        var brokenRun = await Tool.RunAsync("baseline", broken);
        var baselineRun = await Tool.RunAsync("baseline", baseline);

        Assert.Equal(ExitCodes.Errors, brokenRun.ExitCode);
        Assert.False(File.Exists(Path.Combine(folder.Path, "broken.baseline.json")));
        Assert.Equal(ExitCodes.Usage, baselineRun.ExitCode);
    }

    private static void Git(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var git = Process.Start(start)!;
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, "git " + string.Join(' ', args) + ": " + git.StandardError.ReadToEnd());
    }
}
