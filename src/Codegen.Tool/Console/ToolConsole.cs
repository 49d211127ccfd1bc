namespace Codegen.Tool.Console;

/// <summary>
/// Where the tool writes: standard output for results, standard error for messages and progress. Colours
/// and progress only reach a terminal: never a file or a pipe, and never when NO_COLOR is set.
/// </summary>
public sealed class ToolConsole
{
    public ToolConsole(TextWriter output, TextWriter error, bool outputIsTerminal = false, bool errorIsTerminal = false, bool noColor = false)
    {
        Output = output;
        Error = error;
        OutputColors = outputIsTerminal && !noColor;
        ErrorColors = errorIsTerminal && !noColor;
        ShowsProgress = errorIsTerminal;
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public bool OutputColors { get; }

    public bool ErrorColors { get; }

    /// <summary>Whether a progress line can be drawn and erased (standard error is a terminal).</summary>
    public bool ShowsProgress { get; }

    /// <summary>The process's own console, with colours decided from the environment.</summary>
    public static ToolConsole FromSystem()
    {
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
            || string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
        var output = System.Console.Out;
        var error = System.Console.Error;
        return new ToolConsole(output, error, !System.Console.IsOutputRedirected, !System.Console.IsErrorRedirected, noColor);
    }

    /// <summary>Writes an error message: <c>codegen: error: ...</c>.</summary>
    public void WriteError(string message) =>
        Error.WriteLine(Paint(ErrorColors, AnsiColor.Red, "codegen: error:") + " " + message);

    public void WriteWarning(string message) =>
        Error.WriteLine(Paint(ErrorColors, AnsiColor.Yellow, "codegen: warning:") + " " + message);

    /// <summary>
    /// Delivers a rendered report (check's, diff's): to standard output, or to a file (its folder created) with the
    /// summary on standard output.
    /// </summary>
    public void Deliver(byte[] report, FileInfo? file, string summary)
    {
        if (file is null)
        {
            Output.WriteLine(System.Text.Encoding.UTF8.GetString(report));
            return;
        }

        file.Directory?.Create();
        File.WriteAllBytes(file.FullName, report);
        Output.WriteLine(summary + $" Report written to {file.FullName}.");
    }

    public static string Paint(bool enabled, AnsiColor color, string text) =>
        enabled ? $"\u001b[{(int)color}m{text}\u001b[0m" : text;
}

/// <summary>The ANSI foreground colours the tool uses.</summary>
public enum AnsiColor
{
    Red = 31,
    Green = 32,
    Yellow = 33,
    Cyan = 36,
    Gray = 90,
}
