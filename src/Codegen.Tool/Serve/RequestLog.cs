using System.Globalization;
using Codegen.ContractServer;
using Codegen.Tool.Console;

namespace Codegen.Tool.Serve;

/// <summary>One line per answered request on standard output: time, method, path, status, duration, request id.</summary>
public sealed class RequestLog(ToolConsole console)
{
    private readonly Lock _gate = new();

    public void Write(ContractServerRequest request)
    {
        var color = request.Status switch
        {
            < 300 => AnsiColor.Green,
            < 500 => AnsiColor.Yellow,
            _ => AnsiColor.Red,
        };
        var status = ToolConsole.Paint(console.OutputColors, color, request.Status.ToString(CultureInfo.InvariantCulture));
        var milliseconds = request.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture);
        var stream = request.ContentType?.StartsWith("text/event-stream", StringComparison.Ordinal) == true ? " stream" : string.Empty;
        var line = $"{ServeCommand.Time()} {request.Method} {request.Path} {status} {milliseconds} ms{stream}{(request.RequestId is null ? string.Empty : " " + request.RequestId)}";
        lock (_gate)
        {
            console.Output.WriteLine(line);
            console.Output.Flush();
        }
    }
}
