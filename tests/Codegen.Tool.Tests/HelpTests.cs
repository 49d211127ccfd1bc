using Codegen.Tool.Console;

namespace Codegen.Tool.Tests;

public class HelpTests
{
    [Theory]
    [InlineData]
    [InlineData("check")]
    [InlineData("generate")]
    [InlineData("serve")]
    [InlineData("diff")]
    [InlineData("baseline")]
    public async Task EveryCommandHasHelpWithExamples(params string[] command)
    {
        var run = await Tool.RunAsync([.. command, "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Output);
        var examples = run.Output[run.Output.IndexOf("Examples:", StringComparison.Ordinal)..];
        Assert.Contains("  codegen " + (command.Length == 0 ? "check" : command[0]) + " ", examples);
    }

    [Fact]
    public async Task VersionIsThePackageVersion()
    {
        var run = await Tool.RunAsync("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith(ToolVersion.Current, run.Output.Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+", ToolVersion.Current);
    }

    [Theory]
    [InlineData(true, false, true)]
    [InlineData(true, true, false)]
    [InlineData(false, false, false)]
    public async Task ColoursOnlyOnATerminalWithoutNoColor(bool terminal, bool noColor, bool coloured)
    {
        using var folder = new TempFolder();
        var path = folder.Write("collision.schema.json", """{ "x-codegen": { "namespace": "W", "prefix": "D" }, "definitions": { "foo-bar": { "type": "object", "properties": { "b": { "type": "string" } } }, "foo_bar": { "type": "object", "properties": { "b": { "type": "string" } } } } }""");
        var output = new StringWriter();

        await CodegenCli.RunAsync(["check", path], new ToolConsole(output, new StringWriter(), outputIsTerminal: terminal, errorIsTerminal: terminal, noColor: noColor));

        Assert.Equal(coloured, output.ToString().Contains('\u001b'));
        Assert.Contains("warning CG0007", output.ToString().Replace("\u001b[33m", string.Empty, StringComparison.Ordinal));
    }
}
