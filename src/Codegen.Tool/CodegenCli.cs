using System.CommandLine;
using System.CommandLine.Invocation;
using Codegen.Tool.Check;
using Codegen.Tool.Console;
using Codegen.Tool.Diff;
using Codegen.Tool.Generate;
using Codegen.Tool.Serve;

namespace Codegen.Tool;

/// <summary>
/// The <c>codegen</c> command line: one subcommand per task, each in its own folder (Check, Generate,
/// Serve); a new command (<c>diff</c>, <c>baseline</c>, ...) is one more <c>Create</c> call here.
/// </summary>
public static class CodegenCli
{
    public static RootCommand Create(ToolConsole console)
    {
        var root = new RootCommand("Check, generate, serve and compare contracts: the ContractFirst.Codegen toolkit outside a build.")
        {
            CheckCommand.Create(console),
            GenerateCommand.Create(console),
            ServeCommand.Create(console),
            DiffCommand.Create(console),
            BaselineCommand.Create(console),
        };
        CommandExamples.Set(root,
            ("codegen check schema/api.schema.json", "Report the generator's diagnostics (CI: exit 1 on errors)."),
            ("codegen generate schema/api.schema.json --out Generated", "Write the generated C# files."),
            ("codegen serve schema/api.schema.json", "Serve the contract on http://127.0.0.1:5055."),
            ("codegen diff HEAD~1:schema/api.schema.json schema/api.schema.json", "What changed for clients since the last commit."),
            ("codegen baseline schema/api.schema.json", "Record the contract as shipped; the build then guards it."));
        CommandExamples.AddToHelp(root);
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            // The default prints the entry assembly's version, which is not the tool's when it runs inside a host.
            version.Action = new PrintVersion();
        }

        return root;
    }

    /// <summary>
    /// Runs one command line. Usage errors exit 2; an unexpected failure is one line naming it, never a
    /// stack trace; cancellation (Ctrl+C) ends a command as it would end normally.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, ToolConsole console, CancellationToken cancellationToken = default)
    {
        var parse = Create(console).Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = console.Output,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
        };

        if (parse.Action is ParseErrorAction parseError)
        {
            // The errors and where to read more: the whole help would push the errors out of sight.
            parseError.ShowHelp = false;
            parse.Invoke(configuration);
            var command = string.Join(' ', parse.CommandResult.Command is RootCommand ? ["codegen"] : ["codegen", parse.CommandResult.Command.Name]);
            console.Error.WriteLine($"Run '{command} --help' for usage and examples.");
            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Errors;
        }
        catch (Exception ex)
        {
            console.WriteError($"{ex.GetType().Name}: {ex.Message} (this is a bug in codegen; please report it with the command line and the contract).");
            return ExitCodes.Errors;
        }
    }

    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(ToolVersion.Informational);
            return ExitCodes.Success;
        }
    }
}
