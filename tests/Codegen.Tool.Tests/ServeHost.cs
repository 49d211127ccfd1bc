using System.Text.RegularExpressions;
using Codegen.Tool.Console;

namespace Codegen.Tool.Tests;

/// <summary><c>codegen serve</c> running in-process on a free loopback port, its console captured, stopped as Ctrl+C stops it.</summary>
public sealed partial class ServeHost : IAsyncDisposable
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private readonly CancellationTokenSource _stop = new();
    private Task<int> _run = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public string Output => _output.ToString();

    public string Error => _error.ToString();

    public static async Task<ServeHost> StartAsync(string contract, params string[] options)
    {
        var host = new ServeHost();
        var console = new ToolConsole(TextWriter.Synchronized(host._output), TextWriter.Synchronized(host._error));
        host._run = Task.Run(() => CodegenCli.RunAsync(["serve", contract, "--urls", "http://127.0.0.1:0", .. options], console, host._stop.Token));
        var match = await host.WaitForAsync(ServingAt(), host._output);
        host.BaseAddress = new Uri(match.Groups[1].Value);
        return host;
    }

    /// <summary>Waits (at most 20 s) until the output or error text matches; the server works meanwhile.</summary>
    public Task<Match> WaitForOutputAsync(string pattern) => WaitForAsync(new Regex(pattern), _output);

    public Task<Match> WaitForErrorAsync(string pattern) => WaitForAsync(new Regex(pattern), _error);

    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await _run.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_run.IsCompleted)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }

    private async Task<Match> WaitForAsync(Regex pattern, StringWriter writer)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var match = pattern.Match(writer.ToString());
            if (match.Success)
            {
                return match;
            }

            if (_run.IsCompleted)
            {
                throw new InvalidOperationException($"codegen serve exited with {await _run} before printing /{pattern}/:\n{Output}\n{Error}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"codegen serve did not print /{pattern}/ in time:\n{Output}\n{Error}");
            }

            await Task.Delay(25);
        }
    }

    [GeneratedRegex(@"\) at (http://127\.0\.0\.1:\d+/) ")]
    private static partial Regex ServingAt();
}
