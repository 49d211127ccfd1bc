using System.Globalization;
using System.Text;

namespace Codegen.Rules.Tests;

/// <summary>
/// Reads the official JSON Schema Test Suite from <c>../shared/json-schema-test-suite/tests</c> beside the repository
/// and runs each test through the rules engine: both <see cref="CodegenSchemaEvaluator.IsValid"/> and
/// <see cref="CodegenSchemaEvaluator.Validate(CodegenSchema, CodegenJson)"/>, which must agree with each other.
/// </summary>
internal static class JsonSchemaTestSuite
{
    /// <summary>The suite's <c>tests</c> folder, in ../shared beside the repository root.</summary>
    public static string Directory { get; } = Path.Combine(RepoPaths.JsonSchemaTestSuite, "tests");

    public static bool IsPresent => System.IO.Directory.Exists(Directory);

    public static SuiteRun Run(string folder, CodegenSchemaDialect dialect)
    {
        var run = new SuiteRun();
        var path = Path.Combine(Directory, folder);
        foreach (var file in System.IO.Directory.GetFiles(path, "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var figures = new FileFigures(name);
            run.Files.Add(figures);
            var groups = CodegenJson.Parse(File.ReadAllText(file));
            foreach (var group in groups.Items)
            {
                var groupName = group.GetPropertyOrNull("description")!.StringValue;
                var tests = group.GetPropertyOrNull("tests")!.Items;
                var skipReason = name == "refRemote.json" ? "refRemote: references to other documents are not supported" : null;
                CodegenSchemaDocument? document = null;
                if (skipReason is null)
                {
                    document = new CodegenSchemaDocument(group.GetPropertyOrNull("schema")!, dialect);
                    var problems = document.ReadAll();
                    var unsupported = problems.FirstOrDefault(p => p.Kind == CodegenSchemaProblemKind.Unsupported);
                    if (unsupported is not null)
                    {
                        skipReason = unsupported.Message;
                    }

                    foreach (var problem in problems.Where(p => p.Kind is CodegenSchemaProblemKind.InvalidValue or CodegenSchemaProblemKind.UnresolvedReference))
                    {
                        run.InvalidReadings.Add(name + ": " + groupName + ": " + problem);
                    }
                }

                foreach (var test in tests)
                {
                    var id = name + ": " + groupName + " / " + test.GetPropertyOrNull("description")!.StringValue;
                    figures.Total++;
                    if (skipReason is not null)
                    {
                        figures.Skipped++;
                        run.Skipped.Add(id + " (" + skipReason + ")");
                        continue;
                    }

                    var data = test.GetPropertyOrNull("data")!;
                    var expected = test.GetPropertyOrNull("valid")!.Kind == CodegenJsonKind.True;
                    try
                    {
                        var root = document!.RootSchema;
                        var actual = CodegenSchemaEvaluator.IsValid(root, data);
                        var violations = CodegenSchemaEvaluator.Validate(root, data);
                        if (actual != (violations.Count == 0))
                        {
                            run.Inconsistent.Add(id + ": IsValid says " + actual + ", Validate reports " + string.Join("; ", violations));
                        }

                        if (actual == expected)
                        {
                            figures.Agreed++;
                        }
                        else
                        {
                            run.Disagreements.Add(id);
                        }
                    }
                    catch (Exception e)
                    {
                        run.Crashes.Add(id + ": " + e.GetType().Name + ": " + e.Message);
                        run.Disagreements.Add(id);
                    }
                }
            }
        }

        return run;
    }

}

internal sealed class FileFigures(string name)
{
    public string Name { get; } = name;

    public int Total { get; set; }

    public int Agreed { get; set; }

    public int Skipped { get; set; }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name,-34} {Agreed,4}/{Total,-4}{(Skipped > 0 ? $" (skipped {Skipped})" : string.Empty)}");
}

internal sealed class SuiteRun
{
    public List<FileFigures> Files { get; } = [];

    public List<string> Disagreements { get; } = [];

    public List<string> Skipped { get; } = [];

    public List<string> Inconsistent { get; } = [];

    public List<string> Crashes { get; } = [];

    public List<string> InvalidReadings { get; } = [];

    public string Report(string title)
    {
        var builder = new StringBuilder();
        var total = Files.Sum(f => f.Total);
        var agreed = Files.Sum(f => f.Agreed);
        var skipped = Files.Sum(f => f.Skipped);
        builder.AppendLine(CultureInfo.InvariantCulture, $"{title}: {agreed}/{total} agree ({Percent(agreed, total)}); {agreed}/{total - skipped} of the tests not skipped ({Percent(agreed, total - skipped)}); {skipped} skipped");
        foreach (var file in Files)
        {
            builder.AppendLine("  " + file);
        }

        Append(builder, "Disagreements", Disagreements);
        Append(builder, "Skipped", Skipped);
        Append(builder, "IsValid and Validate disagree", Inconsistent);
        Append(builder, "Exceptions", Crashes);
        Append(builder, "Problems reading the suite's schemas", InvalidReadings);
        return builder.ToString();
    }

    private static string Percent(int part, int whole) => whole == 0 ? "-" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static void Append(StringBuilder builder, string heading, List<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        builder.AppendLine(heading + ":");
        foreach (var line in lines)
        {
            builder.AppendLine("  " + line);
        }
    }
}

/// <summary>A fact that runs only where the suite is beside the repository, and says where it looked when it is not.</summary>
public sealed class SuiteFactAttribute : FactAttribute
{
    public SuiteFactAttribute()
    {
        if (!JsonSchemaTestSuite.IsPresent)
        {
            Skip = "The JSON Schema Test Suite is not at " + JsonSchemaTestSuite.Directory;
        }
    }
}
