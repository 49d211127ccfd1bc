using System.Diagnostics;
using System.Text;

namespace Codegen.Package.Tests;

/// <summary>The result of one command: its exit code and everything it printed.</summary>
public sealed record CommandResult(int ExitCode, string Output)
{
    public CommandResult AssertSuccess(string what)
    {
        Assert.True(ExitCode == 0, $"{what} failed with exit code {ExitCode}:\n{Tail(Output)}");
        return this;
    }

    public static string Tail(string text, int lines = 60) => string.Join('\n', text.Split('\n').TakeLast(lines));
}

/// <summary>Runs the dotnet CLI (or a built program) in a folder, with a time limit so that a stuck build fails instead of hanging.</summary>
public static class DotNet
{
    public static CommandResult Run(string workingDirectory, string fileName, string arguments, TimeSpan? timeout = null, IDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Keep the test's own build settings (MSBuild nodes, SDK paths of the test host) away from the child.
        info.Environment.Remove("MSBuildExtensionsPath");
        info.Environment.Remove("MSBuildSDKsPath");
        info.Environment.Remove("MSBUILD_EXE_PATH");
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var pair in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[pair.Key] = pair.Value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            return new CommandResult(-1, output + "\n(timed out)");
        }

        process.WaitForExit();
        return new CommandResult(process.ExitCode, output.ToString());
    }

    /// <summary>
    /// The publish option native AOT needs on this machine: ILC links with clang on Linux, and gcc stands in where
    /// clang is not installed.
    /// </summary>
    public static string NativeLinkerOption => OperatingSystem.IsLinux() && !File.Exists("/usr/bin/clang") ? " -p:CppCompilerAndLinker=gcc" : string.Empty;

    public static CommandResult Cli(string workingDirectory, string arguments, TimeSpan? timeout = null) =>
        Run(workingDirectory, "dotnet", arguments, timeout);
}
