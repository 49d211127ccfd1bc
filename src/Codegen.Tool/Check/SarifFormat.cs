using System.Text.Json;
using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.Model;

namespace Codegen.Tool.Check;

/// <summary>
/// The report as a SARIF 2.1.0 log, the format code-scanning services read: one run whose driver lists
/// every contract rule (id, title, default level, help link), one result per diagnostic with a one-based
/// region, and contracts that could not be read as tool execution notifications. Paths under the working
/// folder are relative to <c>SRCROOT</c>, so that a scanning service maps them onto the repository.
/// </summary>
public static class SarifFormat
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    private const string RootBase = "SRCROOT";
    private const string InformationUri = "https://github.com/codegen-contract-first/codegen/blob/main/docs/tool.md";

    public static void Write(CheckReport report, Stream output, string workingDirectory) =>
        Write(report.Diagnostics, report.Set.Contracts.Select(c => c.File.Path), report.Set.InputErrors, output, workingDirectory);

    /// <summary>Any diagnostics (a check's, a diff's changes) with the files they are about and the inputs that could not be read.</summary>
    public static void Write(IReadOnlyList<ReportedDiagnostic> diagnostics, IEnumerable<string> files, IReadOnlyList<Inputs.InputError> inputErrors, Stream output, string workingDirectory)
    {
        var root = workingDirectory.EndsWith(Path.DirectorySeparatorChar) ? workingDirectory : workingDirectory + Path.DirectorySeparatorChar;
        var rules = ContractDiagnosticCatalog.All;
        var artifacts = files
            .Concat(diagnostics.Select(d => d.Location.Path))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "codegen");
        json.WriteString("fullName", "ContractFirst.Codegen.Tool");
        json.WriteString("version", ToolVersion.Current);
        json.WriteString("semanticVersion", ToolVersion.Current);
        json.WriteString("informationUri", InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Title);
            json.WriteEndObject();
            json.WriteString("helpUri", rule.HelpLink);
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(rule.Severity));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("category", ContractDiagnosticCatalog.Category);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject(RootBase);
        json.WriteString("uri", new Uri(root).AbsoluteUri);
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", inputErrors.Count == 0);
        json.WriteStartArray("toolExecutionNotifications");
        foreach (var error in inputErrors)
        {
            json.WriteStartObject();
            json.WriteString("level", "error");
            json.WriteStartObject("message");
            json.WriteString("text", error.Message);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartArray("artifacts");
        foreach (var path in artifacts)
        {
            json.WriteStartObject();
            WriteLocation(json, path, root, index: null);
            json.WriteString("sourceLanguage", "json");
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("results");
        foreach (var diagnostic in diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", diagnostic.Kind.Id);
            json.WriteNumber("ruleIndex", IndexOf(rules, diagnostic.Kind.Id));
            json.WriteString("level", Level(diagnostic.Severity));
            json.WriteStartObject("message");
            json.WriteString("text", diagnostic.Message);
            json.WriteEndObject();
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            WriteLocation(json, diagnostic.Location.Path, root, artifacts.IndexOf(diagnostic.Location.Path));
            WriteRegion(json, diagnostic.Location);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("columnKind", "utf16CodeUnits");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static string Level(ContractSeverity severity) => severity switch
    {
        ContractSeverity.Error => "error",
        ContractSeverity.Warning => "warning",
        _ => "note",
    };

    private static void WriteLocation(Utf8JsonWriter json, string path, string root, int? index)
    {
        json.WriteStartObject(index is null ? "location" : "artifactLocation");
        if (path.StartsWith(root, StringComparison.Ordinal))
        {
            json.WriteString("uri", string.Join('/', path[root.Length..].Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString)));
            json.WriteString("uriBaseId", RootBase);
        }
        else if (Path.IsPathFullyQualified(path))
        {
            json.WriteString("uri", new Uri(path).AbsoluteUri);
        }
        else
        {
            json.WriteString("uri", string.Join('/', path.Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString)));
            json.WriteString("uriBaseId", RootBase);
        }

        if (index is >= 0)
        {
            json.WriteNumber("index", index.Value);
        }

        json.WriteEndObject();
    }

    private static void WriteRegion(Utf8JsonWriter json, SourceSpan span)
    {
        json.WriteStartObject("region");
        json.WriteNumber("startLine", span.StartLine + 1);
        json.WriteNumber("startColumn", span.StartColumn + 1);
        json.WriteNumber("endLine", Math.Max(span.EndLine, span.StartLine) + 1);
        json.WriteNumber("endColumn", (span.EndLine > span.StartLine ? span.EndColumn : Math.Max(span.EndColumn, span.StartColumn)) + 1);
        json.WriteEndObject();
    }

    private static int IndexOf(IReadOnlyList<ContractDiagnosticKind> rules, string id)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }
}
