namespace Codegen.Package.Tests;

/// <summary>
/// Packs ContractFirst.Codegen once per test run into a fresh local folder feed, with a version of its
/// own so that no earlier package in the NuGet cache can stand in for it. The tool package,
/// ContractFirst.Codegen.Tool, is packed into the same feed and installed once, when a test first needs it.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    private readonly Lazy<InstalledTool> _tool;

    public PackageFixture()
    {
        _tool = new Lazy<InstalledTool>(() => InstalledTool.PackAndInstall(this));
        RepoRoot = RepoPaths.Root;
        Root = Directory.CreateTempSubdirectory("codegen-package-tests-").FullName;
        Feed = Path.Combine(Root, "feed");
        Version = "1.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        DotNet.Cli(RepoRoot, $"pack src/Codegen.Package/Codegen.Package.csproj -c Release -o \"{Feed}\" -p:Version={Version}")
            .AssertSuccess("dotnet pack");
        PackagePath = Path.Combine(Feed, $"ContractFirst.Codegen.{Version}.nupkg");
        Assert.True(File.Exists(PackagePath), "The package was not written to " + PackagePath);
    }

    public string RepoRoot { get; }

    public string Root { get; }

    public string Feed { get; }

    public string Version { get; }

    public string PackagePath { get; }

    public string ContractPath => RepoPaths.ModelsLabContract;

    /// <summary>The codegen tool, packed and installed into a tool path from the feed (on first use).</summary>
    public InstalledTool Tool => _tool.Value;

    /// <summary>Creates a project folder outside the repository that restores the package from the feed.</summary>
    public string CreateProject(string name, string programText, string extraProperties = "", string extraItems = "")
    {
        var directory = Path.Combine(Root, name);
        Directory.CreateDirectory(directory);
        File.Copy(ContractPath, Path.Combine(directory, "modelslab-completions.schema.json"));
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local-feed" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <IsAotCompatible>true</IsAotCompatible>
                <JsonSerializerIsReflectionEnabledByDefault>false</JsonSerializerIsReflectionEnabledByDefault>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ContractFirst.Codegen" Version="{Version}" />
                <CodegenContract Include="modelslab-completions.schema.json" />
                {extraItems}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), programText);
        return directory;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file; the temp folder is cleaned by the OS.
        }
    }

}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "package";
}
