namespace Codegen.Package.Tests;

/// <summary>CG0012 as a user meets it: a contract added as a plain AdditionalFiles item, in a real build.</summary>
[Collection(PackageCollection.Name)]
public class UnmarkedContractBuildTests(PackageFixture package)
{
    [Fact]
    public void PlainAdditionalFilesItemGetsTheLineToWrite()
    {
        var project = package.CreateProject("Unmarked", "Console.WriteLine(1);", extraItems: """<AdditionalFiles Include="schema/api.schema.json" />""");
        Directory.CreateDirectory(Path.Combine(project, "schema"));
        File.Copy(package.ContractPath, Path.Combine(project, "schema", "api.schema.json"));

        var build = DotNet.Cli(project, "build");

        // The project treats warnings as errors, as many do: the hint cannot be missed.
        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error CG0012: 'api.schema.json' looks like a contract", build.Output);
        Assert.Contains("""Write <CodegenContract Include="schema/api.schema.json" /> in place of <AdditionalFiles Include="schema/api.schema.json" />.""", build.Output);
    }
}
