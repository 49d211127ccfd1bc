using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Codegen.Package.Tests;

/// <summary>
/// <c>codegen serve</c> of the installed tool, run as a user runs it: on a free loopback port, its address read from
/// the banner it prints, its request log kept for assertions. Disposing it ends the process.
/// </summary>
public sealed partial class ServedContract : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private ServedContract(Process process, StringBuilder output, Uri address)
    {
        _process = process;
        _output = output;
        Address = address;
    }

    /// <summary>Where the server listens, as its banner says (<c>http://127.0.0.1:port/</c>).</summary>
    public Uri Address { get; }

    /// <summary>Everything the server printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <c>codegen serve &lt;arguments&gt; --urls http://127.0.0.1:0 --no-watch</c> in the folder and waits
    /// until it says where it serves (a large document such as OpenAI's takes seconds to read on a loaded machine).
    /// </summary>
    public static async Task<ServedContract> StartAsync(InstalledTool tool, string folder, string arguments, TimeSpan? startTimeout = null)
    {
        var info = new ProcessStartInfo(tool.Command, arguments + " --urls http://127.0.0.1:0 --no-watch")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in InstalledTool.Environment)
        {
            info.Environment[key] = value;
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var banner = await WaitForAsync(process, output, ServingAt(), startTimeout ?? TimeSpan.FromSeconds(30));
            return new ServedContract(process, output, new Uri(banner.Groups[1].Value));
        }
        catch
        {
            await StopAsync(process);
            throw;
        }
    }

    /// <summary>Waits until the server's output matches the pattern (a request log line, for example).</summary>
    public Task<Match> WaitForAsync(Regex pattern, TimeSpan? timeout = null) =>
        WaitForAsync(_process, _output, pattern, timeout ?? TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync() => await StopAsync(_process);

    private static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    private static async Task<Match> WaitForAsync(Process process, StringBuilder output, Regex pattern, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            string text;
            lock (output)
            {
                text = output.ToString();
            }

            var match = pattern.Match(text);
            if (match.Success)
            {
                return match;
            }

            Assert.False(process.HasExited, $"codegen serve exited with code {(process.HasExited ? process.ExitCode : 0)}:\n{CommandResult.Tail(text)}");
            Assert.True(DateTime.UtcNow < deadline, $"codegen serve did not print /{pattern}/ within {timeout.TotalSeconds:0} s:\n{CommandResult.Tail(text)}");
            await Task.Delay(50);
        }
    }

    [GeneratedRegex(@"\) at (http://127\.0\.0\.1:\d+/) ")]
    private static partial Regex ServingAt();
}
