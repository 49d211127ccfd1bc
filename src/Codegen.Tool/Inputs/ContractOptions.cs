using System.CommandLine;
using Codegen.Contracts.Reading;
using Codegen.Emitters.Planning;

namespace Codegen.Tool.Inputs;

/// <summary>
/// What a project says about a contract in item metadata, said on the command line instead:
/// <c>--namespace</c>, <c>--prefix</c>, <c>--overlay</c>, <c>--operations</c>, <c>--tags</c>, <c>--paths</c>,
/// <c>--api-key-environment-variable</c>.
/// They apply to every contract named, as the same metadata on each item would.
/// </summary>
public sealed record ContractSettings
{
    public static ContractSettings None { get; } = new();

    public string? Namespace { get; init; }

    public string? Prefix { get; init; }

    /// <summary>The overlay file as given on the command line (relative to the current folder).</summary>
    public string? Overlay { get; init; }

    public OperationSelection Selection { get; init; } = OperationSelection.All;

    /// <summary>The environment variable the generated client reads its key from.</summary>
    public string? ApiKeyEnvironmentVariable { get; init; }

    /// <summary>The parser's input for one contract, with the overlay already read (<paramref name="overlay"/>).</summary>
    public ContractInput ToInput(ContractFile file, ContractFile? overlay) => new(file.Path, file.Text)
    {
        Namespace = Namespace,
        Prefix = Prefix,
        OverlayPath = overlay?.Path ?? Overlay,
        OverlayText = overlay?.Text,
        Selection = Selection,
        ApiKeyEnvironmentVariable = ApiKeyEnvironmentVariable,
    };
}

/// <summary>The options behind <see cref="ContractSettings"/>, defined once for every command that reads contracts.</summary>
public sealed class ContractOptions
{
    private readonly Option<string?> _namespace = new("--namespace")
    {
        Description = "The C# namespace of the generated code, as Namespace=\"...\" on the project item (overrides the contract's x-codegen).",
        HelpName = "name",
    };

    private readonly Option<string?> _prefix = new("--prefix")
    {
        Description = "The prefix of contract-wide types (client, options, JSON context), as Prefix=\"...\" on the project item.",
        HelpName = "name",
    };

    private readonly Option<string?> _overlay = new("--overlay")
    {
        Description = "An OpenAPI Overlay 1.0 file applied to the contract before it is read, as Overlay=\"...\" on the project item.",
        HelpName = "file",
    };

    private readonly Option<string?> _operations = new("--operations")
    {
        Description = "Generate only these operations (ids or generated names, ';'-separated) and the types they reach.",
        HelpName = "ids",
    };

    private readonly Option<string?> _tags = new("--tags")
    {
        Description = "Generate only the operations with one of these tags (';'-separated).",
        HelpName = "tags",
    };

    private readonly Option<string?> _paths = new("--paths")
    {
        Description = "Generate only the operations whose path matches one of these patterns (';'-separated; * is one segment, ** any number).",
        HelpName = "patterns",
    };

    private readonly Option<string?> _apiKeyEnvironmentVariable = new("--api-key-environment-variable")
    {
        Description = "The environment variable the generated client reads its API key from, as ApiKeyEnvironmentVariable=\"...\" on the project item.",
        HelpName = "name",
    };

    public IEnumerable<Option> All => [_namespace, _prefix, _overlay, _operations, _tags, _paths, _apiKeyEnvironmentVariable];

    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }

    public ContractSettings Read(ParseResult parse) => new()
    {
        Namespace = parse.GetValue(_namespace),
        Prefix = parse.GetValue(_prefix),
        Overlay = parse.GetValue(_overlay),
        Selection = OperationSelection.From(parse.GetValue(_operations), parse.GetValue(_tags), parse.GetValue(_paths)),
        ApiKeyEnvironmentVariable = parse.GetValue(_apiKeyEnvironmentVariable),
    };
}
