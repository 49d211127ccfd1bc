using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace Codegen.Tool;

/// <summary>The "Examples:" section every command's <c>--help</c> ends with.</summary>
public static class CommandExamples
{
    private static readonly ConditionalWeakTable<Command, (string Command, string What)[]> Examples = new();

    public static void Set(Command command, params (string Command, string What)[] examples) => Examples.AddOrUpdate(command, examples);

    /// <summary>Makes every help option under <paramref name="root"/> print the command's examples after the usual help.</summary>
    public static void AddToHelp(Command root)
    {
        foreach (var help in Commands(root).SelectMany(c => c.Options).OfType<HelpOption>())
        {
            if (help.Action is HelpAction action)
            {
                help.Action = new HelpWithExamples(action);
            }
        }
    }

    private static IEnumerable<Command> Commands(Command command) => command.Subcommands.SelectMany(Commands).Prepend(command);

    private sealed class HelpWithExamples(HelpAction help) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var exitCode = help.Invoke(parseResult);
            if (Examples.TryGetValue(parseResult.CommandResult.Command, out var examples) && examples.Length > 0)
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                foreach (var (command, what) in examples)
                {
                    output.WriteLine("  " + command);
                    output.WriteLine("      " + what);
                }

                output.WriteLine();
            }

            return exitCode;
        }
    }
}
