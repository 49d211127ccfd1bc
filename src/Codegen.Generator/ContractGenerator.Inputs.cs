using System;
using System.Collections.Generic;
using System.IO;
using Codegen.Contracts.Model;
using Codegen.Contracts.Reading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Codegen.Generator;

/// <summary>
/// What the project says about each contract. The package's targets turn
/// <c>&lt;CodegenContract Include="openapi.yaml" Namespace="..." Prefix="..." Overlay="..." Operations="..." Tags="..." Paths="..." ApiKeyEnvironmentVariable="..." /&gt;</c>
/// into an AdditionalFiles item with that metadata (prefixed <c>Codegen</c>) and add the overlay as an
/// AdditionalFiles item of its own, marked <c>CodegenOverlay="true"</c>: a generator reads no file from disk.
/// </summary>
public sealed partial class ContractGenerator
{
    private const string MetadataPrefix = "build_metadata.AdditionalFiles.";
    internal const string NamespaceMetadata = MetadataPrefix + "CodegenNamespace";
    internal const string PrefixMetadata = MetadataPrefix + "CodegenPrefix";
    internal const string OverlayPathMetadata = MetadataPrefix + "CodegenOverlayPath";
    internal const string OperationsMetadata = MetadataPrefix + "CodegenOperations";
    internal const string TagsMetadata = MetadataPrefix + "CodegenTags";
    internal const string PathsMetadata = MetadataPrefix + "CodegenPaths";
    internal const string ApiKeyEnvironmentVariableMetadata = MetadataPrefix + "CodegenApiKeyEnvironmentVariable";

    /// <summary>A contract item: its file and its metadata, before the overlay it names is found.</summary>
    internal sealed record ContractItem(string Path, string Text, string? Namespace, string? Prefix, string? Overlay, OperationSelection Selection, string? ApiKeyEnvironmentVariable = null);

    /// <summary>An additional file marked as an overlay.</summary>
    internal sealed record OverlayFile(string Path, string Text);

    /// <summary>The overlays of the project and the folder its relative paths start from.</summary>
    internal sealed record OverlaySet(EquatableArray<OverlayFile> Files, string? ProjectDirectory);

    private static IncrementalValuesProvider<ContractInput> ContractInputs(IncrementalGeneratorInitializationContext context)
    {
        var items = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => IsContract(pair.Right.GetOptions(pair.Left)))
            .Select(static (pair, cancellationToken) => ReadItem(pair.Left, pair.Right.GetOptions(pair.Left), pair.Left.GetText(cancellationToken)?.ToString() ?? string.Empty))
            .WithTrackingName(TrackingNames.ContractItems);

        var overlayFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => IsTrue(pair.Right.GetOptions(pair.Left), OverlayMetadata))
            .Select(static (pair, cancellationToken) => new OverlayFile(pair.Left.Path, pair.Left.GetText(cancellationToken)?.ToString() ?? string.Empty))
            .Collect();
        var projectDirectory = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => options.GlobalOptions.TryGetValue(ProjectDirectoryOption, out var directory) && !string.IsNullOrWhiteSpace(directory) ? directory : null);
        var overlays = overlayFiles
            .Combine(projectDirectory)
            .Select(static (pair, _) => new OverlaySet(new EquatableArray<OverlayFile>(pair.Left), pair.Right))
            .WithTrackingName(TrackingNames.Overlays);

        // A contract without an overlay does not depend on the overlays: its input stays equal when one is edited.
        return items
            .Combine(overlays)
            .Select(static (pair, _) => ToInput(pair.Left, pair.Right));
    }

    internal static ContractItem ReadItem(AdditionalText file, AnalyzerConfigOptions options, string text) => new(
        file.Path,
        text,
        Metadata(options, NamespaceMetadata),
        Metadata(options, PrefixMetadata),
        Metadata(options, OverlayPathMetadata),
        OperationSelection.From(Metadata(options, OperationsMetadata), Metadata(options, TagsMetadata), Metadata(options, PathsMetadata)),
        Metadata(options, ApiKeyEnvironmentVariableMetadata));

    internal static ContractInput ToInput(ContractItem item, OverlaySet overlays)
    {
        var input = new ContractInput(item.Path, item.Text)
        {
            Namespace = item.Namespace,
            Prefix = item.Prefix,
            Selection = item.Selection,
            ApiKeyEnvironmentVariable = item.ApiKeyEnvironmentVariable,
        };
        if (item.Overlay is null)
        {
            return input;
        }

        var overlay = FindOverlay(item.Overlay, overlays);
        return input with { OverlayPath = overlay?.Path ?? item.Overlay, OverlayText = overlay?.Text };
    }

    /// <summary>
    /// The overlay an item names, as written in the project (relative to the project's folder, or rooted).
    /// Where the host does not tell the project's folder, a file whose path ends with the name is taken.
    /// </summary>
    internal static OverlayFile? FindOverlay(string name, OverlaySet overlays)
    {
        var wanted = Normalize(name);
        var rooted = Path.IsPathRooted(name);
        if (!rooted && overlays.ProjectDirectory is { } directory)
        {
            wanted = Normalize(Path.Combine(directory, name));
            rooted = true;
        }

        foreach (var comparison in new[] { StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase })
        {
            foreach (var file in overlays.Files)
            {
                var path = Normalize(file.Path);
                if (rooted ? string.Equals(path, wanted, comparison) : path.EndsWith("/" + wanted.TrimStart('/'), comparison))
                {
                    return file;
                }
            }
        }

        return null;
    }

    /// <summary>A path with one separator and no <c>.</c> or <c>..</c> segments, so that equal files compare equal.</summary>
    private static string Normalize(string path)
    {
        var segments = new List<string>();
        var parts = path.Replace('\\', '/').Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part == "." || (part.Length == 0 && i > 0))
            {
                continue;
            }

            if (part == ".." && segments.Count > 0 && segments[segments.Count - 1] is not ("" or ".."))
            {
                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(part);
        }

        return string.Join("/", segments);
    }

    /// <summary>
    /// A metadata value. The targets percent-encode values, because an .editorconfig line ends at a
    /// <c>;</c> or <c>#</c> (<c>Operations="a;b"</c> would arrive as <c>a</c>).
    /// </summary>
    private static string? Metadata(AnalyzerConfigOptions options, string key)
    {
        if (!options.TryGetValue(key, out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var decoded = Uri.UnescapeDataString(value.Trim()).Trim();
        return decoded.Length == 0 ? null : decoded;
    }
}
