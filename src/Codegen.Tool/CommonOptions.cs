using System.CommandLine;
using System.CommandLine.Parsing;

namespace Codegen.Tool;

/// <summary>Arguments and options that several commands share, defined once so that they read alike.</summary>
public static class CommonOptions
{
    /// <summary>One or more contract files.</summary>
    public static Argument<string[]> Contracts(string description)
    {
        var argument = new Argument<string[]>("contract")
        {
            Description = description,
            Arity = ArgumentArity.OneOrMore,
        };
        argument.Validators.Add(RejectUnknownOptions);
        return argument;
    }

    /// <summary>One contract file.</summary>
    public static Argument<string> Contract(string description)
    {
        var argument = new Argument<string>("contract") { Description = description };
        argument.Validators.Add(RejectUnknownOptions);
        return argument;
    }

    /// <summary>
    /// The parser hands a token it does not know as an option (<c>--bogus</c>) to the contract argument;
    /// unless a file of that name exists, it is a mistyped option, and a usage error.
    /// </summary>
    private static void RejectUnknownOptions(ArgumentResult result)
    {
        foreach (var token in result.Tokens)
        {
            if (token.Value.Length > 1 && token.Value[0] == '-' && !File.Exists(token.Value))
            {
                result.AddError($"Unrecognized option '{token.Value}'.");
            }
        }
    }
}
