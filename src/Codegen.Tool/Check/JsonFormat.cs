using System.Text.Json;

namespace Codegen.Tool.Check;

/// <summary>
/// The report as one JSON document (documented in docs/tool.md): the contracts read, the ones that
/// could not be, every diagnostic with one-based positions and its help link, and the counts.
/// </summary>
public static class JsonFormat
{
    public static void Write(CheckReport report, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("tool", "codegen");
        json.WriteString("version", ToolVersion.Current);
        json.WriteStartArray("contracts");
        foreach (var contract in report.Set.Contracts)
        {
            json.WriteStartObject();
            json.WriteString("path", contract.File.Path);
            if (contract.Parsed.Contract is { } spec)
            {
                json.WriteString("namespace", spec.Namespace);
                json.WriteString("prefix", spec.Prefix);
                json.WriteNumber("types", spec.Types.Count);
                json.WriteNumber("operations", spec.Operations.Count);
            }

            json.WriteBoolean("generated", contract.Planned is not null);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("unreadable");
        foreach (var error in report.Set.InputErrors)
        {
            json.WriteStartObject();
            json.WriteString("path", error.Path);
            json.WriteString("message", error.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("diagnostics");
        foreach (var diagnostic in report.Diagnostics)
        {
            var location = diagnostic.Location;
            json.WriteStartObject();
            json.WriteString("id", diagnostic.Kind.Id);
            json.WriteString("severity", CheckReport.Severity(diagnostic.Severity));
            json.WriteString("title", diagnostic.Kind.Title);
            json.WriteString("message", diagnostic.Message);
            json.WriteString("path", location.Path);
            json.WriteNumber("line", location.StartLine + 1);
            json.WriteNumber("column", location.StartColumn + 1);
            json.WriteNumber("endLine", location.EndLine + 1);
            json.WriteNumber("endColumn", location.EndColumn + 1);
            json.WriteString("helpUri", diagnostic.Kind.HelpLink);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("summary");
        json.WriteNumber("errors", report.Errors);
        json.WriteNumber("warnings", report.Warnings);
        json.WriteNumber("infos", report.Infos);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
