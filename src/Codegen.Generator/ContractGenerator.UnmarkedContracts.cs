using System;
using System.IO;
using System.Threading;
using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.Model;
using Codegen.Emitters.Planning;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Codegen.Generator;

/// <summary>
/// A contract added as <c>&lt;AdditionalFiles Include="api.schema.json" /&gt;</c> lacks the metadata that
/// marks it, so nothing would be generated and nothing said. CG0012 names the one line to write instead.
/// Only <c>.json</c> files are looked at, and of those only the first few kilobytes: a project's other
/// additional files are never read.
/// </summary>
public sealed partial class ContractGenerator
{
    /// <summary>How much of a candidate file is read to tell a contract from other JSON.</summary>
    internal const int SniffLength = 4096;

    private const string ProjectDirectoryOption = "build_property.projectdir";

    /// <summary>An additional file that looks like a contract but is not marked as one.</summary>
    internal sealed record UnmarkedContractFile(string Path, string Include, string Evidence);

    private static void ReportUnmarkedContracts(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<ContractFile> contracts)
    {
        var contractPaths = contracts.Select(static (file, _) => file.Path).Collect();
        var unmarked = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Combine(context.AnalyzerConfigOptionsProvider)
            // A baseline is the contract as shipped, not a contract of its own.
            .Select(static (pair, cancellationToken) => IsContract(pair.Right.GetOptions(pair.Left)) || IsTrue(pair.Right.GetOptions(pair.Left), BaselineMetadata) ? null : Sniff(pair.Left, pair.Right.GlobalOptions, cancellationToken))
            .Where(static file => file is not null)
            .Combine(contractPaths)
            // The same file may also be listed as a contract (one item with the metadata, one without).
            .Where(static pair => !pair.Right.Contains(pair.Left!.Path))
            .Select(static (pair, _) => pair.Left!)
            .WithTrackingName(TrackingNames.UnmarkedContracts);
        context.RegisterSourceOutput(unmarked, static (spc, file) => spc.ReportDiagnostic(ToDiagnostic(UnmarkedDiagnostic(file))));
    }

    internal static UnmarkedContractFile? Sniff(AdditionalText file, AnalyzerConfigOptions globalOptions, CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken);
        if (text is null)
        {
            return null;
        }

        var head = text.ToString(new TextSpan(0, Math.Min(text.Length, SniffLength)));
        string? evidence = null;
        if (head.Contains("\"x-codegen\""))
        {
            evidence = "it has an \"x-codegen\" extension";
        }
        else if (head.Contains("\"$schema\"") && head.Contains("json-schema.org"))
        {
            evidence = "it is a JSON Schema";
        }
        else if (file.Path.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase) && head.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith("{", StringComparison.Ordinal))
        {
            evidence = "it is a .schema.json file";
        }

        return evidence is null ? null : new UnmarkedContractFile(file.Path, IncludeOf(file.Path, globalOptions), evidence);
    }

    private static ContractDiagnostic UnmarkedDiagnostic(UnmarkedContractFile file) => new(
        ContractDiagnosticIds.UnmarkedContract,
        $"'{Path.GetFileName(file.Path)}' looks like a contract ({file.Evidence}) but is an AdditionalFiles item without CodegenContract=\"true\", so no code is generated from it. Write <CodegenContract Include=\"{file.Include}\" /> in place of <AdditionalFiles Include=\"{file.Include}\" />.",
        SourceSpan.At(file.Path, 0, 0));

    /// <summary>The path as the project file would name it: relative to the project folder where the compiler tells it.</summary>
    private static string IncludeOf(string path, AnalyzerConfigOptions globalOptions)
    {
        if (globalOptions.TryGetValue(ProjectDirectoryOption, out var directory) && !string.IsNullOrEmpty(directory))
        {
            var folder = directory.EndsWith("/", StringComparison.Ordinal) || directory.EndsWith("\\", StringComparison.Ordinal) ? directory : directory + Path.DirectorySeparatorChar;
            if (path.StartsWith(folder, StringComparison.OrdinalIgnoreCase))
            {
                return path.Substring(folder.Length);
            }
        }

        return path;
    }
}
