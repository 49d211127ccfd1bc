using System.Text;
using System.Text.Json;
using Codegen.Contracts.Diagnostics;
using Codegen.Contracts.Evolution;
using Codegen.Contracts.Model;
using Codegen.Tool.Check;
using Codegen.Tool.Console;

namespace Codegen.Tool.Diff;

/// <summary>How <c>codegen diff</c> reports: text (MSBuild-style lines), json, sarif, or markdown for a pull-request comment.</summary>
public enum DiffFormat
{
    Text,
    Json,
    Sarif,
    Markdown,
}

/// <summary>What <c>codegen diff</c> found, and its formats: one change per line, item or row, breaking first.</summary>
public sealed class DiffReport(string oldPath, string newPath, ContractComparison comparison)
{
    public string OldPath { get; } = oldPath;

    public string NewPath { get; } = newPath;

    public ContractComparison Comparison { get; } = comparison;

    public string Summary()
    {
        var total = Comparison.Changes.Count;
        if (total == 0)
        {
            return $"{NewPath}: no changes from {OldPath} that affect clients.";
        }

        return $"{NewPath}: {total} {(total == 1 ? "change" : "changes")} from {OldPath}: {Comparison.Count(ChangeLevel.Breaking)} breaking, "
            + $"{Comparison.Count(ChangeLevel.PotentiallyBreaking)} potentially breaking, {Comparison.Count(ChangeLevel.Compatible)} compatible.";
    }

    public static string LevelName(ChangeLevel level) => level switch
    {
        ChangeLevel.Breaking => "breaking",
        ChangeLevel.PotentiallyBreaking => "potentially breaking",
        _ => "compatible",
    };

    /// <summary>The changes as diagnostics, located in the new file (a removal: where it was), for SARIF.</summary>
    public IReadOnlyList<ReportedDiagnostic> Diagnostics() =>
        Comparison.Changes.Select(c => new ReportedDiagnostic(ContractDiagnosticCatalog.Find(c.Id), ContractDiagnosticCatalog.SeverityOf(c.Level),
            $"[{LevelName(c.Level)}] {c.Message}", Where(c))).ToList();

    public void WriteText(TextWriter output, bool colors)
    {
        foreach (var change in Comparison.Changes)
        {
            var old = change.OldLocation is { } at ? $" (was at {Position(at)})" : string.Empty;
            output.WriteLine(TextFormat.Line(Where(change), ContractDiagnosticCatalog.SeverityOf(change.Level), change.Id, $"[{LevelName(change.Level)}] {change.Message}{old}", colors));
        }
    }

    public void WriteJson(Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("tool", "codegen");
        json.WriteString("version", ToolVersion.Current);
        json.WriteString("old", OldPath);
        json.WriteString("new", NewPath);
        json.WriteStartArray("changes");
        foreach (var change in Comparison.Changes)
        {
            var kind = ContractDiagnosticCatalog.Find(change.Id);
            json.WriteStartObject();
            json.WriteString("id", change.Id);
            json.WriteString("level", LevelName(change.Level).Replace(' ', '-'));
            json.WriteString("title", kind.Title);
            json.WriteString("message", change.Message);
            json.WriteStartArray("members");
            foreach (var member in change.Members)
            {
                json.WriteStringValue(member);
            }

            json.WriteEndArray();
            WriteSide(json, "oldLocation", change.OldPointer, change.OldLocation);
            WriteSide(json, "newLocation", change.NewPointer, change.NewLocation);
            json.WriteString("helpUri", kind.HelpLink);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("summary");
        json.WriteNumber("breaking", Comparison.Count(ChangeLevel.Breaking));
        json.WriteNumber("potentiallyBreaking", Comparison.Count(ChangeLevel.PotentiallyBreaking));
        json.WriteNumber("compatible", Comparison.Count(ChangeLevel.Compatible));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>A pull-request comment: the summary, then a table per level (compatible changes folded away).</summary>
    public string Markdown()
    {
        var text = new StringBuilder();
        text.Append("### Contract changes: `").Append(NewPath).Append("`\n\n");
        text.Append(Summary()).Append("\n\n");
        foreach (var level in new[] { ChangeLevel.Breaking, ChangeLevel.PotentiallyBreaking, ChangeLevel.Compatible })
        {
            var changes = Comparison.Changes.Where(c => c.Level == level).ToList();
            if (changes.Count == 0)
            {
                continue;
            }

            var heading = $"{changes.Count} {LevelName(level)}";
            text.Append(level == ChangeLevel.Compatible ? $"<details><summary>{heading}</summary>\n\n" : $"#### {char.ToUpperInvariant(heading[0])}{heading[1..]}\n\n");
            text.Append("| | Change | Line | Generated members |\n|---|---|---|---|\n");
            foreach (var change in changes)
            {
                var line = change.NewLocation ?? change.OldLocation;
                text.Append("| [").Append(change.Id).Append("](").Append(ContractDiagnosticCatalog.Find(change.Id).HelpLink).Append(") | ")
                    .Append(Cell(change.Message)).Append(" | ")
                    .Append(line is null ? string.Empty : (line.StartLine + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(" | ")
                    .Append(string.Join(", ", change.Members.Select(m => "`" + m + "`"))).Append(" |\n");
            }

            text.Append(level == ChangeLevel.Compatible ? "\n</details>\n\n" : "\n");
        }

        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ");

    private static SourceSpan Where(ContractChange change) => change.NewLocation ?? change.OldLocation ?? SourceSpan.At(string.Empty, 0, 0);

    private static string Position(SourceSpan span) => $"{span.Path}({span.StartLine + 1},{span.StartColumn + 1})";

    private static void WriteSide(Utf8JsonWriter json, string name, string? pointer, SourceSpan? span)
    {
        if (span is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        if (pointer is null)
        {
            json.WriteNull("pointer");
        }
        else
        {
            json.WriteString("pointer", pointer);
        }

        json.WriteString("path", span.Path);
        json.WriteNumber("line", span.StartLine + 1);
        json.WriteNumber("column", span.StartColumn + 1);
        json.WriteEndObject();
    }
}
