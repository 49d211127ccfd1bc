using Codegen.Tool.Console;

namespace Codegen.Tool.Tests;

/// <summary>The progress line: drawn on a terminal once work has taken a second, erased at the end; never into a pipe or file.</summary>
public class ProgressTests
{
    [Fact]
    public async Task OnATerminalSlowWorkShowsItsStatusAndErasesIt()
    {
        var error = new StringWriter();
        var console = new ToolConsole(new StringWriter(), TextWriter.Synchronized(error), outputIsTerminal: true, errorIsTerminal: true);

        using (var progress = Progress.Start(console, "Reading huge.schema.json"))
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
            while (!error.ToString().Contains("Reading huge.schema.json", StringComparison.Ordinal))
            {
                Assert.True(DateTime.UtcNow < deadline, "the progress line never appeared");
                await Task.Delay(50);
            }
        }

        Assert.EndsWith("\r\u001b[2K", error.ToString());
    }

    [Fact]
    public async Task RedirectedErrorGetsNoProgressLine()
    {
        var error = new StringWriter();
        var console = new ToolConsole(new StringWriter(), error, outputIsTerminal: false, errorIsTerminal: false);

        using (Progress.Start(console, "Reading huge.schema.json"))
        {
            // Longer than the delay after which a terminal would show the line.
            await Task.Delay(TimeSpan.FromSeconds(1.5));
        }

        Assert.Empty(error.ToString());
    }
}
