using System.Text.RegularExpressions;
using Codegen.Tool.Console;

namespace Codegen.Tool.Tests;

/// <summary>What one in-process run of the tool printed, and its exit code.</summary>
public sealed record ToolRun(int ExitCode, string Output, string Error)
{
    /// <summary>No stack trace ever reaches the user: no "   at Namespace.Type.Method(" line.</summary>
    public void AssertNoStackTrace()
    {
        Assert.DoesNotMatch(new Regex(@"^\s+at \S+\(", RegexOptions.Multiline), Output + Error);
        Assert.DoesNotContain("Unhandled exception", Output + Error);
    }
}

/// <summary>Runs the <c>codegen</c> command line in-process, as the installed tool runs it, with output captured.</summary>
public static class Tool
{
    public static async Task<ToolRun> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await CodegenCli.RunAsync(args, new ToolConsole(TextWriter.Synchronized(output), TextWriter.Synchronized(error)));
        return new ToolRun(exitCode, output.ToString(), error.ToString());
    }
}

/// <summary>A fresh folder under the temp folder, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("codegen-tool-tests-").FullName;

    public string Write(string relativePath, string text)
    {
        var path = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A server or watcher may still hold a file for a moment; the OS cleans temp folders.
        }
    }
}
