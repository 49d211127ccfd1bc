namespace Codegen.Tool.Console;

/// <summary>
/// A status line on standard error for work that takes longer than a second: nothing is drawn before
/// then, so quick commands print nothing extra; the line is erased when the work ends. Only on a terminal.
/// </summary>
public sealed class Progress : IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private static readonly string[] Frames = ["|", "/", "-", "\\"];

    private readonly ToolConsole _console;
    private readonly Timer? _timer;
    private readonly Lock _gate = new();
    private string _status;
    private int _frame;
    private bool _drawn;
    private bool _disposed;

    private Progress(ToolConsole console, string status)
    {
        _console = console;
        _status = status;
        if (console.ShowsProgress)
        {
            _timer = new Timer(_ => Draw(), null, Delay, TimeSpan.FromMilliseconds(120));
        }
    }

    public static Progress Start(ToolConsole console, string status) => new(console, status);

    /// <summary>Changes what the line says (e.g. the file being read).</summary>
    public void Report(string status)
    {
        lock (_gate)
        {
            _status = status;
        }
    }

    public void Dispose()
    {
        _timer?.Dispose();
        lock (_gate)
        {
            _disposed = true;
            if (_drawn)
            {
                _console.Error.Write("\r\u001b[2K");
                _console.Error.Flush();
            }
        }
    }

    private void Draw()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var frame = Frames[_frame++ % Frames.Length];
            _console.Error.Write("\r\u001b[2K" + ToolConsole.Paint(_console.ErrorColors, AnsiColor.Cyan, frame) + " " + _status);
            _console.Error.Flush();
            _drawn = true;
        }
    }
}
