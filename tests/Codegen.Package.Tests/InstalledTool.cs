using System.Diagnostics;

namespace Codegen.Package.Tests;

/// <summary>
/// The codegen tool as users get it: ContractFirst.Codegen.Tool packed into the local feed and installed
/// with <c>dotnet tool install --tool-path</c>, then run by its command name.
/// </summary>
public sealed class InstalledTool
{
    private InstalledTool(string toolPath, string packagePath, TimeSpan packTime, TimeSpan installTime)
    {
        ToolPath = toolPath;
        PackagePath = packagePath;
        PackTime = packTime;
        InstallTime = installTime;
    }

    public const string PackageId = "ContractFirst.Codegen.Tool";

    public string ToolPath { get; }

    public string PackagePath { get; }

    public TimeSpan PackTime { get; }

    public TimeSpan InstallTime { get; }

    /// <summary>The installed command, <c>codegen</c>.</summary>
    public string Command => Path.Combine(ToolPath, OperatingSystem.IsWindows() ? "codegen.exe" : "codegen");

    /// <summary>The tool's shim finds the runtime through DOTNET_ROOT when dotnet is not where an installer puts it.</summary>
    public static IDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["DOTNET_ROOT"] = Path.GetDirectoryName(System.Environment.ProcessPath),
    };

    public static InstalledTool PackAndInstall(PackageFixture package)
    {
        var watch = Stopwatch.StartNew();
        DotNet.Cli(package.RepoRoot, $"pack src/Codegen.Tool/Codegen.Tool.csproj -c Release -o \"{package.Feed}\" -p:Version={package.Version}")
            .AssertSuccess("dotnet pack the tool");
        var packTime = watch.Elapsed;
        var packagePath = Path.Combine(package.Feed, $"{PackageId}.{package.Version}.nupkg");
        Assert.True(File.Exists(packagePath), "The tool package was not written to " + packagePath);

        var toolPath = Path.Combine(package.Root, "tools");
        watch.Restart();
        DotNet.Cli(package.Root, $"tool install --tool-path \"{toolPath}\" --add-source \"{package.Feed}\" {PackageId} --version {package.Version}")
            .AssertSuccess("dotnet tool install");
        return new InstalledTool(toolPath, packagePath, packTime, watch.Elapsed);
    }

    public CommandResult Run(string workingDirectory, string arguments) =>
        DotNet.Run(workingDirectory, Command, arguments, TimeSpan.FromMinutes(2), Environment);
}
